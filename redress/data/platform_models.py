"""Owns the shape of the platform files: a platform, its rungs' variants and facts, its rules."""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, field_validator

from redress.data.models import SourcePath, https_only
from redress.data.refs import RefersTo
from redress.data.text import Id, Strict, Text

# How sure a platform fact is (design/platforms-and-channels.md): its published rule, its
# developer documentation (what its system enforces on merchants), or buyers' and guides' reports.
Grade = Literal["rule", "api", "report"]
ChannelId = Annotated[Id, RefersTo("channels")]


class PlatformFact(Strict):
    """One thing a platform does, with who says so, how sure that is, and when it was seen."""

    text: Text
    grade: Grade
    source: Text
    as_of: datetime.date


class RungVariant(Strict):
    """One rung of the ladder as one platform names and runs it: its buttons, path and timers."""

    rung: ChannelId
    name: Text
    path: Text | None = None
    facts: list[PlatformFact] = []


class SituationNote(PlatformFact):
    """A platform fact that belongs to one situation's step only (价保 for a price drop)."""

    situation: Annotated[Id, RefersTo("complaint_types")]
    rung: ChannelId


class PrivateSellers(Strict):
    """What changes when the seller is a private person, with the articles that say who is a business."""

    text: Text
    bases: Annotated[list[Id], RefersTo("legal_bases")] = []


class Platform(Strict):
    """A shopping platform: its words for the ladder's rungs, and what a buyer there must know."""

    id: Id
    name: Text
    apps: Text
    anti_scam: Text
    platform_sells: Text | None = None
    private_sellers: PrivateSellers | None = None
    unknown: Text | None = None
    rungs: list[RungVariant] = []
    general: Annotated[list[Id], RefersTo("channels")] = []
    notes: list[SituationNote] = []
    last_reviewed: datetime.date


class RuleArticle(Strict):
    """One article of a platform's rule, quoted word for word, and what it means for a buyer."""

    article: Annotated[int, Field(ge=1, le=2000)]
    quote: Text
    meaning: Text


class PlatformRule(Strict):
    """A platform's published rule (not law), in the version stored under laws/."""

    id: Id
    platform: Annotated[Id, RefersTo("platforms")]
    name: Text
    version: datetime.date
    version_note: Text
    official_url: HttpUrl
    reference: SourcePath
    articles: list[RuleArticle] = Field(min_length=1)
    last_reviewed: datetime.date

    _https = field_validator("official_url")(https_only)
