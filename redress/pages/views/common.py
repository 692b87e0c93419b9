"""Owns the pieces several views share: an article with its law, a rung with its answer time,
a group with its situations, a guide's prose."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import Channel, ComplaintType, Group, Law, LegalBasis, Response
from redress.data.registry import BASES, CHANNELS, GROUPS, LAWS
from redress.data.text import Text
from redress.languages import Lang


@dataclass(frozen=True)
class Basis:
    """A cited article with the law it is from (a link or a quote box shows both)."""

    basis: LegalBasis
    law: Law


@dataclass(frozen=True)
class ResponseTime:
    """How soon a rung answers, with the articles that say so."""

    text: Text
    bases: tuple[Basis, ...]
    reported_as_of: datetime.date | None


@dataclass(frozen=True)
class Rung:
    """A rung of the ladder with its answer time resolved."""

    channel: Channel
    response: ResponseTime


@dataclass(frozen=True)
class GroupEntry:
    """A group and its situations, in the order of data/complaint_types.yml."""

    group: Group
    situations: tuple[ComplaintType, ...]


@dataclass(frozen=True)
class Prose:
    """A guide's hand-written Markdown in both languages; `tr` picks one, like a Text."""

    zh: str
    en: str

    def in_(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def bases(kb: KnowledgeBase, ids: list[str]) -> tuple[Basis, ...]:
    """The articles behind a list of basis ids, in the list's order."""
    return tuple(basis(kb, record) for record in (kb.of(BASES)[i] for i in ids))


def basis(kb: KnowledgeBase, record: LegalBasis) -> Basis:
    return Basis(record, kb.of(LAWS)[record.law])


def response_time(kb: KnowledgeBase, response: Response) -> ResponseTime:
    return ResponseTime(response.text, bases(kb, response.bases), response.reported_as_of)


def rung(kb: KnowledgeBase, channel_id: str) -> Rung:
    channel = kb.of(CHANNELS)[channel_id]
    return Rung(channel, response_time(kb, channel.response))


def ladder(kb: KnowledgeBase) -> tuple[Rung, ...]:
    """Every rung, in the order of data/channels.yml (the ladder's order)."""
    return tuple(rung(kb, channel_id) for channel_id in kb.of(CHANNELS))


def groups(kb: KnowledgeBase) -> tuple[GroupEntry, ...]:
    """Every group in site order, each with its situations."""
    return tuple(GroupEntry(group, tuple(kb.situations_in(group.id)))
                 for group in kb.of(GROUPS).values())


def prose(kb: KnowledgeBase, key: str) -> Prose:
    """The prose of guides/<lang>/<key>.md in both languages."""
    return Prose(zh=kb.prose_of(key, "zh"), en=kb.prose_of(key, "en"))
