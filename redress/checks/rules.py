"""Owns the cross-file rules that are specific: ladders, prose, groups, bases, the tree's walks."""
from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from redress.checks.holiday_checks import find_holiday_problems
from redress.checks.integrity import check_ladder, duplicate_ids, needs_basis
from redress.checks.letter_checks import find_letter_problems
from redress.checks.platform_checks import find_platform_problems
from redress.checks.references import find_unknown_references
from redress.checks.tree_checks import find_tree_problems
from redress.data.knowledge_base import KnowledgeBase
from redress.data.labels import label_problems
from redress.data.models import ComplaintType
from redress.data.registry import (
    CHANNELS,
    DEADLINES,
    GROUPS,
    KINDS,
    SITUATIONS,
    TOPICS,
    TREE,
    TREE_PATHS,
    UI,
    Records,
)
from redress.data.tree_paths import outcome_of
from redress.messages import say
from redress.problems import Finding


def find_cross_file_problems(kb: KnowledgeBase, records: dict[str, Any],
                             unchecked: dict[str, list[Any]] | None = None) -> Iterator[Finding]:
    """Every rule that needs more than one record to check; `records` holds each file's
    records as read (a list, so that a repeated id is still seen); `unchecked`, the raw
    records that lack their shape (reported already): their ids count as known."""
    unchecked = unchecked or {}
    for kind in KINDS:
        if isinstance(kind, Records):
            yield from duplicate_ids(kind.file, records[kind.name])
    yield from find_unknown_references(kb, raw_ids(unchecked))
    yield from check_bases_given(kb)
    yield from reviewed_in_the_future(kb)
    yield from check_groups(kb, {r.get("group") for r in unchecked.get(SITUATIONS.name, [])
                                 if isinstance(r, dict)})
    for index, complaint in enumerate(kb.of(SITUATIONS).values()):
        yield from check_complaint(kb, index, complaint)
    for index, topic in enumerate(kb.of(TOPICS).values()):
        yield from prose_for(kb, TOPICS.file, index, f"topics/{topic.id}")
    yield from prose_without_a_page(kb, raw_ids(unchecked))
    yield from find_platform_problems(kb)
    yield from label_problems(kb.of(UI))
    yield from find_letter_problems(kb)
    yield from find_holiday_problems(kb)
    tree_problems = list(find_tree_problems(kb.of(TREE), list(kb.of(SITUATIONS))))
    yield from tree_problems
    if not tree_problems:
        yield from check_paths(kb)


def check_paths(kb: KnowledgeBase) -> Iterator[Finding]:
    """Each path fixture, walked answer by answer, must end where it says."""
    for index, fixture in enumerate(kb.of(TREE_PATHS)):
        reached = outcome_of(kb.of(TREE), fixture.answers)
        if reached != fixture.outcome:
            yield Finding(TREE_PATHS.file, (index, "answers"),
                          say("path_ends_elsewhere", reached=reached, expected=fixture.outcome))


def check_bases_given(kb: KnowledgeBase) -> Iterator[Finding]:
    """An answer time or a deadline rests on an article, or on a dated buyers' report."""
    for index, channel in enumerate(kb.of(CHANNELS).values()):
        response = channel.response
        yield from needs_basis(CHANNELS.file, (index, "response"), response.bases,
                               response.reported_as_of)
    for index, deadline in enumerate(kb.of(DEADLINES).values()):
        yield from needs_basis(DEADLINES.file, (index,), deadline.bases, deadline.reported_as_of)


def raw_ids(unchecked: dict[str, list[Any]]) -> dict[str, set[str]]:
    return {name: {str(r["id"]) for r in items if isinstance(r, dict) and "id" in r}
            for name, items in unchecked.items()}


def check_groups(kb: KnowledgeBase, also_used: set[Any] = frozenset()) -> Iterator[Finding]:  # type: ignore[assignment]
    """A group shows as a heading: it needs situations under it and an anchor of its own."""
    used = {complaint.group for complaint in kb.of(SITUATIONS).values()} | also_used
    for index, group in enumerate(kb.of(GROUPS).values()):
        if group.id not in used:
            yield Finding(GROUPS.file, (index, "id"), say("unused_group", id=group.id))
        if group.id in kb.of(SITUATIONS):  # both are anchors on the situations page
            yield Finding(GROUPS.file, (index, "id"), say("group_is_situation", id=group.id))


def reviewed_in_the_future(kb: KnowledgeBase) -> Iterator[Finding]:
    """A review date after today is a typo, and would date the whole site (2099)."""
    today = datetime.date.today()
    for kind, index, record in kb.dated_records():
        if record.last_reviewed > today:
            yield Finding(kind.file, (index, "last_reviewed"),
                          say("future_date", date=record.last_reviewed.isoformat()))


def stale_records(kb: KnowledgeBase, before: datetime.date) -> Iterator[Finding]:
    """Records not reviewed since `before`: warnings, not errors (the page says so too)."""
    for kind, index, record in kb.dated_records():
        if record.last_reviewed < before:
            yield Finding(kind.file, (index, "last_reviewed"),
                          say("stale", date=record.last_reviewed.isoformat()))


def prose_for(kb: KnowledgeBase, file: str, index: int, key: str) -> Iterator[Finding]:
    """A situation or topic page needs its prose in both languages."""
    for lang in ("zh", "en"):
        if (key, lang) not in kb.prose:
            yield Finding(file, (index, "id"), say("no_prose", path=f"guides/{lang}/{key}.md"))


def prose_without_a_page(kb: KnowledgeBase, also: dict[str, set[str]]) -> Iterator[Finding]:
    """A prose file whose name matches no situation and no topic would never be shown (the
    records reported for their shape, `also`, count)."""
    situations = {*kb.of(SITUATIONS), *also.get(SITUATIONS.name, ())}
    pages = {*situations, *(f"topics/{t}" for t in {*kb.of(TOPICS), *also.get(TOPICS.name, ())})}
    for key, lang in kb.prose:
        if key not in pages:
            yield Finding(f"guides/{lang}/{key}.md", (), say("orphan_prose"), 1, 1)


def check_complaint(kb: KnowledgeBase, index: int, complaint: ComplaintType) -> Iterator[Finding]:
    """A situation walks the whole ladder in order, and has its prose."""
    rungs = [step.rung for step in complaint.ladder]
    yield from check_ladder(SITUATIONS.file, (index, "ladder"), rungs, list(kb.of(CHANNELS)))
    yield from prose_for(kb, SITUATIONS.file, index, complaint.id)


