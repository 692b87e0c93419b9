"""Owns the view of a situation's printable checklist: general, or in one platform's words."""
from __future__ import annotations

from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import Channel, ComplaintType, Deadline, Evidence
from redress.data.platform_models import Platform
from redress.data.registry import DEADLINES
from redress.pages.views.common import Basis, bases
from redress.pages.views.platforms import situation_uri, titled_for
from redress.pages.views.situations import evidence_needs, ladder_steps


@dataclass(frozen=True)
class ChecklistPage:
    """checklist.md.j2 and checklist_bilingual.md.j2: one situation on one printed page; for a
    platform, its rungs by the platform's button names and its line against fake customer
    service, reached from that platform's view of the guide."""

    situation: ComplaintType  # titled "… · 抖音" for a platform
    evidence: tuple[Evidence, ...]
    channels: tuple[Channel, ...]
    deadline: Deadline
    bases: tuple[Basis, ...]
    platform: Platform | None
    guide: str  # the guide it prints, from the site's root
    bilingual: str  # its Chinese-English twin, from the site's root


def checklist_uri(situation_id: str, platform: Platform | None, bilingual: bool = False) -> str:
    """checklists/<id>.md, or checklists/<id>/<platform>.md beside the platform views; the
    bilingual twin ends in -zh-en."""
    stem = f"{situation_id}/{platform.id}" if platform else situation_id
    return f"checklists/{stem}{'-zh-en' if bilingual else ''}.md"


def checklist_page(kb: KnowledgeBase, situation: ComplaintType,
                   platform: Platform | None = None) -> ChecklistPage:
    # A printed checklist has room for one deadline and one line of law: the first deadline and
    # the first right's articles, the ones its guide leads with.
    return ChecklistPage(
        situation=titled_for(kb, situation, platform),
        evidence=tuple(need.item for need in evidence_needs(kb, situation)),
        channels=tuple(step.rung.channel for step in ladder_steps(kb, situation, platform)),
        deadline=kb.of(DEADLINES)[situation.deadlines[0]],
        bases=bases(kb, situation.rights[0].bases), platform=platform,
        guide=situation_uri(situation.id, platform),
        bilingual=checklist_uri(situation.id, platform, bilingual=True))
