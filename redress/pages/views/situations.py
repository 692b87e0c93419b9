"""Owns the view of a situation's guide, general or for one platform (its checklist: checklists.py)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType, Deadline, Evidence, Excuse, Law, Step
from redress.data.platform_models import Platform
from redress.data.registry import DEADLINES, EVIDENCE, SITUATIONS, TREE
from redress.data.text import Text
from redress.data.tree_paths import answers_leading_to
from redress.pages.views.common import Basis, Prose, Rung, bases, prose, rung
from redress.pages.views.platforms import PlatformChoice, RungOnPlatform, platform_choice, rung_on, titled_for

# What a worried reader needs first, on a guide and on the tree's outcome alike: the first steps
# with what to write, and the evidence that is lost if it is not kept today. The rest of the
# ladder and of the evidence list follow further down the guide.
FIRST_STEPS = 2
SECURE_TODAY_ITEMS = 3
# The guide's sections, in the order every guide shows them: act, then know the time, then climb,
# then answer the excuses; the law and the detail come after. The template prints this order.
# Each section's anchor and the label of its heading (the contents list prints the same words).
GUIDE_SECTIONS = {"do-now": "do_now_title", "deadlines": "deadlines_title", "ladder": "ladder_title",
                  "excuses": "excuses_title", "rights": "your_rights", "evidence": "evidence_title",
                  "is-this-you": "is_this_you", "related": "related_title",
                  "sources": "sources_title"}
# A guide's platform view holds what the platform changes: the steps in its words, the deadlines
# by name, and one section linking to the general guide for what is the same everywhere (the
# seller's excuses, the law, the evidence). The law is printed once, on the general guide.
PLATFORM_SECTIONS = {"do-now": "do_now_title", "deadlines": "deadlines_title", "ladder": "ladder_title",
                     "everywhere": "everywhere_title", "related": "related_title",
                     "sources": "sources_title"}
# The general guide's sections the platform view's "the same everywhere" links to.
EVERYWHERE = ("excuses", "rights", "evidence", "is-this-you")


@dataclass(frozen=True)
class EvidenceNeed:
    """An evidence item as one situation needs it, with the reason shown there."""

    item: Evidence
    why: Text


@dataclass(frozen=True)
class Claim:
    """A right the buyer can claim, with the articles that give it."""

    claim: Text
    bases: tuple[Basis, ...]


@dataclass(frozen=True)
class LadderStep:
    """What to do at one rung in one situation, with the rung itself (named as the chosen
    platform names it) and that platform's path, facts and notes there."""

    step: Step
    rung: Rung
    on_platform: RungOnPlatform | None = None


@dataclass(frozen=True)
class TimeLimit:
    """A deadline with the articles that set it."""

    deadline: Deadline
    bases: tuple[Basis, ...]


@dataclass(frozen=True)
class ExcuseAnswer:
    """What a seller says, the answer, and the articles behind the answer."""

    excuse: Excuse
    bases: tuple[Basis, ...]


@dataclass(frozen=True)
class FirstActions:
    """The first steps to take, with what to write, and the evidence to secure today; the dates
    of the reports among those steps, for a page (the tree's outcome) that has no other note."""

    steps: tuple[LadderStep, ...]
    secure_today: tuple[Evidence, ...]
    reported_dates: tuple[datetime.date, ...]


@dataclass(frozen=True)
class Section:
    """One section of a guide as the contents list names it: its anchor and its label's key."""

    anchor: str
    label: str


@dataclass(frozen=True)
class RelatedGuide:
    """A link to another guide: its id and title (read as that alone, redress/pages/reuse.py)."""

    id: str
    title: Text


@dataclass(frozen=True)
class SituationPage:
    """situation.md.j2: the guide for one situation, its sections in GUIDE_SECTIONS order."""

    situation: ComplaintType
    first: FirstActions
    sections: tuple[Section, ...]
    reported_dates: tuple[datetime.date, ...]
    tree_words: tuple[Text, ...]
    prose: Prose
    rights: tuple[Claim, ...]
    evidence: tuple[EvidenceNeed, ...]
    steps: tuple[LadderStep, ...]
    deadlines: tuple[TimeLimit, ...]
    excuses: tuple[ExcuseAnswer, ...]
    related: tuple[RelatedGuide, ...]
    laws: tuple[Law, ...]
    here: PlatformChoice
    everywhere: tuple[Section, ...]  # on a platform view: the general guide's sections it links to


def situation_page(kb: KnowledgeBase, situation: ComplaintType,
                   platform: Platform | None = None) -> SituationPage:
    """The guide, for one platform when given one: the same guide, its rungs in that platform's words."""
    steps = ladder_steps(kb, situation, platform)
    deadlines = tuple(TimeLimit(d, bases(kb, d.bases))
                      for d in (kb.of(DEADLINES)[i] for i in situation.deadlines))
    return SituationPage(
        situation=titled_for(kb, situation, platform), first=first_actions(kb, situation, platform),
        sections=sections_of(situation, PLATFORM_SECTIONS if platform else GUIDE_SECTIONS),
        reported_dates=reported_dates(steps, deadlines, evidence_needs(kb, situation)),
        tree_words=tuple(o.label for o in answers_leading_to(kb.of(TREE), situation.id)),
        prose=prose(kb, situation.id),
        rights=tuple(Claim(right.claim, bases(kb, right.bases)) for right in situation.rights),
        evidence=evidence_needs(kb, situation), steps=steps, deadlines=deadlines,
        excuses=tuple(ExcuseAnswer(e, bases(kb, e.bases)) for e in situation.excuses),
        related=tuple(RelatedGuide(i, kb.title_of(SITUATIONS, i)) for i in situation.related),
        laws=tuple(kb.laws_cited_by(situation)),
        here=platform_choice(kb, situation.id, platform),
        everywhere=tuple(s for s in sections_of(situation, GUIDE_SECTIONS)
                         if platform and s.anchor in EVERYWHERE))


def first_actions(kb: KnowledgeBase, situation: ComplaintType,
                  platform: Platform | None = None) -> FirstActions:
    """The one "do this now" block, shared by the guide and the tree's outcome for it; on a
    platform's view its first steps carry that platform's names and paths. It prints step texts
    only (no answer times), so only the steps' own reports date its note."""
    steps = ladder_steps(kb, situation, platform)[:FIRST_STEPS]
    return FirstActions(steps, tuple(need.item for need in evidence_needs(kb, situation)
                                     [:SECURE_TODAY_ITEMS]),
                        tuple(sorted({s.step.reported_as_of for s in steps
                                      if s.step.reported_as_of is not None})))


def sections_of(situation: ComplaintType, order: dict[str, str]) -> tuple[Section, ...]:
    """The guide's sections in the order given, leaving out those it has nothing for."""
    empty = {"excuses": not situation.excuses, "related": not situation.related}
    return tuple(Section(anchor, label) for anchor, label in order.items()
                 if not empty.get(anchor, False))


def reported_dates(steps: tuple[LadderStep, ...], deadlines: tuple[TimeLimit, ...],
                   needs: tuple[EvidenceNeed, ...]) -> tuple[datetime.date, ...]:
    """The dates of the buyers' reports a page shows, each once, oldest first: its one note on
    certainty names them, and each reported fact carries only a mark linking to that note."""
    dates = {step.rung.response.reported_as_of for step in steps}
    dates |= {step.step.reported_as_of for step in steps}
    dates |= {limit.deadline.reported_as_of for limit in deadlines}
    dates |= {need.item.where_reported_as_of for need in needs}
    return tuple(sorted(d for d in dates if d is not None))


def evidence_needs(kb: KnowledgeBase, situation: ComplaintType) -> tuple[EvidenceNeed, ...]:
    """The evidence a situation asks for, in its file's order; the situation's own reason for an
    item, where it gives one, stands in for the item's general one."""
    items = kb.of(EVIDENCE)
    return tuple(EvidenceNeed(items[use.item], use.why_here or items[use.item].why)
                 for use in situation.evidence)


def ladder_steps(kb: KnowledgeBase, situation: ComplaintType,
                 platform: Platform | None = None) -> tuple[LadderStep, ...]:
    """A situation's steps up the ladder, each with its rung, in its file's order; for a
    platform, each rung it words its own way carries that name (the heading the buyer sees)."""
    steps = []
    for step in situation.ladder:
        general, on = rung(kb, step.rung), rung_on(platform, situation, step.rung)
        named = general.channel.model_copy(update={"name": on.variant.name}) if on and on.variant else None
        steps.append(LadderStep(step, Rung(named, general.response) if named else general, on))
    return tuple(steps)
