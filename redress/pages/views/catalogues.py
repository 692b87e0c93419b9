"""Owns the views of the site-wide pages: home, the situations index, the evidence catalogue,
the channels, and the cross-cutting topic guides."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import Channel, ComplaintType, Evidence, Topic
from redress.data.platform_models import Platform
from redress.data.registry import CHANNELS, EVIDENCE, PLATFORMS
from redress.pages.views.common import Basis, GroupEntry, Prose, Rung, bases, groups, ladder, prose


@dataclass(frozen=True)
class HomePage:
    """home.md.j2: every situation under its group, and the ladder at a glance."""

    groups: tuple[GroupEntry, ...]
    channels: tuple[Channel, ...]
    platforms: tuple[Platform, ...]


@dataclass(frozen=True)
class SituationsIndex:
    """situations.md.j2: every situation with its summary, under its group."""

    groups: tuple[GroupEntry, ...]


@dataclass(frozen=True)
class EvidenceEntry:
    """An evidence item and the situations that ask for it."""

    item: Evidence
    needed_for: tuple[ComplaintType, ...]


@dataclass(frozen=True)
class EvidenceCatalogue:
    """evidence.md.j2: every evidence item, and the dates of the reports among the places to
    find them (for the page's one note on certainty)."""

    items: tuple[EvidenceEntry, ...]
    reported_dates: tuple[datetime.date, ...]


@dataclass(frozen=True)
class ChannelsPage:
    """channels.md.j2: every rung of the ladder, and the dates of the reports among their
    answer times and app paths (for the page's one note on certainty)."""

    rungs: tuple[Rung, ...]
    reported_dates: tuple[datetime.date, ...]


@dataclass(frozen=True)
class TopicPage:
    """topic.md.j2: a cross-cutting guide and the articles it rests on."""

    topic: Topic
    prose: Prose
    bases: tuple[Basis, ...]


def home_page(kb: KnowledgeBase) -> HomePage:
    return HomePage(groups(kb), tuple(kb.of(CHANNELS).values()), tuple(kb.of(PLATFORMS).values()))


def situations_index(kb: KnowledgeBase) -> SituationsIndex:
    return SituationsIndex(groups(kb))


def evidence_catalogue(kb: KnowledgeBase) -> EvidenceCatalogue:
    items = kb.of(EVIDENCE).values()
    return EvidenceCatalogue(tuple(EvidenceEntry(item, tuple(kb.needing(item.id))) for item in items),
                             tuple(sorted({i.where_reported_as_of for i in items
                                           if i.where_reported_as_of is not None})))


def channels_page(kb: KnowledgeBase) -> ChannelsPage:
    rungs = ladder(kb)
    dates = {r.response.reported_as_of for r in rungs} | {r.channel.how_reported_as_of
                                                           for r in rungs}
    return ChannelsPage(rungs, tuple(sorted(d for d in dates if d is not None)))


def topic_page(kb: KnowledgeBase, topic: Topic) -> TopicPage:
    return TopicPage(topic, prose(kb, "topics/" + topic.id), bases(kb, topic.bases))
