"""Owns which cross-file rules apply to which fields of the validated records."""
from __future__ import annotations

import datetime
from collections.abc import Iterator

from redress.checks.integrity import check_ladder, check_ref, check_refs, duplicate_ids, needs_basis
from redress.checks.tree_checks import find_tree_problems
from redress.data.knowledge_base import KnowledgeBase
from redress.data.tree_paths import outcome_of
from redress.messages import say
from redress.problems import Finding

LAWS, BASES, EVIDENCE = "data/laws.yml", "data/legal_bases.yml", "data/evidence.yml"
CHANNELS, DEADLINES, TYPES = "data/channels.yml", "data/deadlines.yml", "data/complaint_types.yml"
TREE_PATHS = "data/tree_paths.yml"
TOPICS = "data/topics.yml"
GROUPS = "data/groups.yml"


def find_cross_file_problems(kb: KnowledgeBase, records: dict[str, list]) -> Iterator[Finding]:
    """Every rule that needs more than one record to check."""
    for file, items in records.items():
        if isinstance(items, list) and items and hasattr(items[0], "id"):
            yield from duplicate_ids(file, items)
    yield from check_bases(kb, records[BASES])
    yield from check_channels(kb, records[CHANNELS])
    yield from check_deadlines(kb, records[DEADLINES])
    yield from check_groups(kb, records[GROUPS])
    for index, complaint in enumerate(records[TYPES]):
        yield from check_complaint(kb, index, complaint)
    for index, topic in enumerate(records[TOPICS]):
        yield from check_topic(kb, index, topic)
    yield from prose_without_a_page(kb)
    tree_problems = list(find_tree_problems(kb.tree, list(kb.complaint_types)))
    yield from tree_problems
    if not tree_problems:
        yield from check_paths(kb)


def check_paths(kb: KnowledgeBase) -> Iterator[Finding]:
    """Each path fixture, walked answer by answer, must end where it says."""
    for index, fixture in enumerate(kb.tree_paths):
        reached = outcome_of(kb.tree, fixture.answers)
        if reached != fixture.outcome:
            yield Finding(TREE_PATHS, (index, "answers"),
                          say("path_ends_elsewhere", reached=reached, expected=fixture.outcome))


def check_bases(kb: KnowledgeBase, bases: list) -> Iterator[Finding]:
    for index, basis in enumerate(bases):
        yield from check_ref(BASES, (index, "law"), basis.law, "law", kb.laws)


def check_channels(kb: KnowledgeBase, channels: list) -> Iterator[Finding]:
    for index, channel in enumerate(channels):
        loc = (index, "response")
        yield from check_refs(CHANNELS, (*loc, "bases"), channel.response.bases, "legal basis",
                              kb.legal_bases)
        yield from needs_basis(CHANNELS, loc, channel.response.bases,
                               channel.response.reported_as_of)


def check_deadlines(kb: KnowledgeBase, deadlines: list) -> Iterator[Finding]:
    for index, deadline in enumerate(deadlines):
        yield from check_refs(DEADLINES, (index, "bases"), deadline.bases, "legal basis",
                              kb.legal_bases)
        yield from needs_basis(DEADLINES, (index,), deadline.bases, deadline.reported_as_of)


def check_groups(kb: KnowledgeBase, groups: list) -> Iterator[Finding]:
    """A group shows as a heading: it needs situations under it and an anchor of its own."""
    used = {complaint.group for complaint in kb.complaint_types.values()}
    for index, group in enumerate(groups):
        if group.id not in used:
            yield Finding(GROUPS, (index, "id"), say("unused_group", id=group.id))
        if group.id in kb.complaint_types:  # both are anchors on the situations page
            yield Finding(GROUPS, (index, "id"), say("group_is_situation", id=group.id))


def stale_records(kb: KnowledgeBase, before: datetime.date) -> Iterator[Finding]:
    """Records not reviewed since `before`: warnings, not errors (the page says so too)."""
    for file, records in ((LAWS, kb.laws), (BASES, kb.legal_bases), (EVIDENCE, kb.evidence),
                          (CHANNELS, kb.channels), (DEADLINES, kb.deadlines),
                          (TYPES, kb.complaint_types), (TOPICS, kb.topics)):
        for index, record in enumerate(records.values()):
            if record.last_reviewed < before:
                yield Finding(file, (index, "last_reviewed"),
                              say("stale", date=record.last_reviewed.isoformat()))


def check_topic(kb: KnowledgeBase, index: int, topic) -> Iterator[Finding]:
    yield from check_refs(TOPICS, (index, "bases"), topic.bases, "legal basis", kb.legal_bases)
    for lang in ("zh", "en"):
        if (f"topics/{topic.id}", lang) not in kb.prose:
            yield Finding(TOPICS, (index, "id"),
                          say("no_prose", path=f"guides/{lang}/topics/{topic.id}.md"))


def prose_without_a_page(kb: KnowledgeBase) -> Iterator[Finding]:
    """A prose file whose name matches no situation and no topic would never be shown."""
    pages = {*kb.complaint_types, *(f"topics/{t}" for t in kb.topics)}
    for key, lang in kb.prose:
        if key not in pages:
            yield Finding(f"guides/{lang}/{key}.md", (), say("orphan_prose"), 1, 1)


def check_complaint(kb: KnowledgeBase, index: int, complaint) -> Iterator[Finding]:
    at = (index,)
    yield from check_ref(TYPES, (*at, "group"), complaint.group, "group", kb.groups)
    for r, right in enumerate(complaint.rights):
        yield from check_refs(TYPES, (*at, "rights", r, "bases"), right.bases, "legal basis",
                              kb.legal_bases)
    for e, excuse in enumerate(complaint.excuses):
        yield from check_refs(TYPES, (*at, "excuses", e, "bases"), excuse.bases, "legal basis",
                              kb.legal_bases)
    for u, use in enumerate(complaint.evidence):
        yield from check_ref(TYPES, (*at, "evidence", u, "item"), use.item, "evidence item",
                             kb.evidence)
    rungs = [step.rung for step in complaint.ladder]
    for s, rung in enumerate(rungs):
        yield from check_ref(TYPES, (*at, "ladder", s, "rung"), rung, "rung", kb.channels)
    yield from check_ladder(TYPES, (*at, "ladder"), rungs, list(kb.channels))
    yield from check_refs(TYPES, (*at, "deadlines"), complaint.deadlines, "deadline", kb.deadlines)
    yield from check_refs(TYPES, (*at, "related"), complaint.related, "situation",
                          [i for i in kb.complaint_types if i != complaint.id])
    for lang in ("zh", "en"):
        if (complaint.id, lang) not in kb.prose:
            yield Finding(TYPES, (*at, "id"), say("no_prose", path=f"guides/{lang}/{complaint.id}.md"))
