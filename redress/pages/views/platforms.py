"""Owns what a guide shows for one platform: the switch, the rungs in its words, its page."""
from __future__ import annotations

from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.labels import fill
from redress.data.models import Channel, ComplaintType
from redress.data.platform_models import Platform, PlatformRule, RungVariant, SituationNote
from redress.data.registry import CHANNELS, PLATFORM_RULES, PLATFORMS, SITUATIONS, UI
from redress.data.text import Terms, Text
from redress.pages.views.common import Basis, GroupEntry, bases, groups


@dataclass(frozen=True)
class SwitchEntry:
    """One link of the platform switch: a platform (None: the general steps) and its page."""

    platform: Platform | None
    uri: str
    current: bool


@dataclass(frozen=True)
class RungOnPlatform:
    """One rung as the chosen platform runs it: its variant (None: the general steps apply)
    and the notes the platform gives for this situation's step there."""

    variant: RungVariant | None
    notes: tuple[SituationNote, ...]
    general: bool  # the platform says this rung works as the general steps say


@dataclass(frozen=True)
class PlatformChoice:
    """The platform a guide is read for (None: the general steps), and the switch to the others."""

    platform: Platform | None
    switch: tuple[SwitchEntry, ...]
    private_bases: tuple[Basis, ...]
    suffix: str  # what follows a situation's id in the URI of its page for this platform


@dataclass(frozen=True)
class PlatformPage:
    """platform.md.j2: one platform's ladder, rules (not law) and guides."""

    platform: Platform
    choice: PlatformChoice
    rules: tuple[PlatformRule, ...]
    groups: tuple[GroupEntry, ...]
    general: tuple[Channel, ...]  # the rungs that work here as the general steps say


def situation_uri(situation_id: str, platform: Platform | None) -> str:
    """Where a situation's guide is for a platform: /situations/<id>/<platform>/, or the general one."""
    return f"situations/{situation_id}/{platform.id}.md" if platform else f"situations/{situation_id}.md"


def platform_choice(kb: KnowledgeBase, situation_id: str | None,
                    platform: Platform | None) -> PlatformChoice:
    """The switch links each platform's page of this situation (or each platform's own page)."""
    def uri(p: Platform | None) -> str:
        if situation_id is None:
            return f"platforms/{p.id}.md" if p else "situations/index.md"
        return situation_uri(situation_id, p)

    entries = (None, *kb.of(PLATFORMS).values())
    switch = tuple(SwitchEntry(p, uri(p), p == platform) for p in entries)
    private = bases(kb, platform.private_sellers.bases) if platform and platform.private_sellers else ()
    return PlatformChoice(platform, switch, private, f"/{platform.id}" if platform else "")


def rung_on(platform: Platform | None, situation: ComplaintType, rung: str) -> RungOnPlatform | None:
    if platform is None:
        return None
    variant = next((v for v in platform.rungs if v.rung == rung), None)
    notes = tuple(n for n in platform.notes if n.situation == situation.id and n.rung == rung)
    return RungOnPlatform(variant, notes, rung in platform.general)


def titled_for(kb: KnowledgeBase, situation: ComplaintType, platform: Platform | None) -> ComplaintType:
    """The situation as its platform page names it: "退款被拒 · 抖音", tagged with the platform's
    name only: the guide's own words are the general view's, which search should find first
    (搜索“抖音 退款” finds the Douyin view by its title and its tag)."""
    if platform is None:
        return situation
    label = kb.of(UI)["platform_page_title"]
    title = Text(zh=fill(label.zh, title=situation.title.zh, platform=platform.name.zh),
                 en=fill(label.en, title=situation.title.en, platform=platform.name.en))
    words = Terms(zh=[platform.name.zh], en=[platform.name.en])
    return situation.model_copy(update={"title": title, "keywords": words})


def platform_page(kb: KnowledgeBase, platform: Platform) -> PlatformPage:
    rules = tuple(r for r in kb.of(PLATFORM_RULES).values() if r.platform == platform.id)
    return PlatformPage(platform, platform_choice(kb, None, platform), rules, groups(kb),
                        tuple(kb.of(CHANNELS)[rung] for rung in platform.general))


def platforms_with_situations(kb: KnowledgeBase) -> list[tuple[ComplaintType, Platform]]:
    """Every situation for every platform: the platform views of the guides."""
    return [(c, p) for c in kb.of(SITUATIONS).values() for p in kb.of(PLATFORMS).values()]
