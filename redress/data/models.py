"""Owns the shape of every data file: one pydantic model per record kind, nothing else."""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, field_validator

from redress.data.refs import RefersTo
from redress.data.text import Id, SafeText, Strict, Terms, Text, fail

SourcePath = Annotated[str, StringConstraints(pattern=r"^[^/\\.][^\\]*\.(md|txt)$")]
Unit = Literal["hours", "calendar-days", "working-days", "months", "years"]
# What starts a deadline: the dates a buyer can enter in the date tool, declared once here.
Event = Literal["signed_for", "after_sales_requested", "return_signed_by_seller", "complaint_filed",
                "complaint_accepted", "knew_of_harm", "knew_of_deception", "livestream_ended"]
# References, declared on the field they live in; the checks find them by their RefersTo mark.
LawId = Annotated[Id, RefersTo("laws")]
BasisIds = Annotated[list[Id], RefersTo("legal_bases")]


def https_only(url: HttpUrl) -> HttpUrl:
    if url.scheme != "https":
        raise fail("not_https")
    return url


class Law(Strict):
    """A law or regulation we quote, in the version we quote."""

    id: Id
    name: Text
    short: Text
    version: datetime.date
    version_note: Text
    official_url: HttpUrl
    reference: SourcePath
    last_reviewed: datetime.date

    _https = field_validator("official_url")(https_only)


class LegalBasis(Strict):
    """One cited article: the verbatim Chinese text, our unofficial English, and what it means."""

    id: Id
    law: LawId
    article: Annotated[int, Field(ge=1, le=2000)]
    quote: Text
    meaning: Text
    last_reviewed: datetime.date


class Evidence(Strict):
    """One kind of evidence a buyer can keep."""

    id: Id
    name: Text
    why: Text
    where: Text
    where_reported_as_of: datetime.date | None = None
    last_reviewed: datetime.date


class Response(Strict):
    """How quickly an answer is due at a rung, and what says so."""

    text: Text
    bases: BasisIds = []
    reported_as_of: datetime.date | None = None


class Channel(Strict):
    """One rung of the escalation ladder; the file's order is the ladder's order."""

    id: Id
    name: Text
    summary: Text
    how: list[Text] = Field(min_length=1)
    # The app paths in `how` are buyers' reports, not rules: the date they were checked.
    how_reported_as_of: datetime.date | None = None
    response: Response
    url: HttpUrl | None = None
    last_reviewed: datetime.date

    _https = field_validator("url")(lambda url: url and https_only(url))


class Deadline(Strict):
    """A time limit as data: when it starts, how long it runs, and what sets it."""

    id: Id
    name: Text
    starts: Text
    starts_on: Event
    length: Annotated[int, Field(ge=1)]
    unit: Unit
    bases: BasisIds = []
    reported_as_of: datetime.date | None = None
    note: Text | None = None
    last_reviewed: datetime.date


class HolidayRange(Strict):
    """Days off in a row under one name, both days included."""

    name: Text
    first: datetime.date
    last: datetime.date


class HolidayYear(Strict):
    """One year's statutory holidays and make-up working days, as the State Council's notice sets them."""

    id: Id
    year: Annotated[int, Field(ge=2000, le=2100)]
    holidays: list[HolidayRange] = Field(min_length=1)
    makeup_workdays: list[datetime.date] = []
    notice: Text
    notice_date: datetime.date
    source_url: HttpUrl
    last_reviewed: datetime.date

    _https = field_validator("source_url")(https_only)


class Right(Strict):
    """A claim the buyer can make, tied to the articles that give it."""

    claim: Text
    bases: Annotated[BasisIds, Field(min_length=1)]


class UnverifiedRule(Strict):
    """A rule we believe applies but could not check against a stored official text."""

    claim: Text
    why_unverified: Text


class EvidenceUse(Strict):
    """An evidence item as one situation needs it."""

    item: Annotated[Id, RefersTo("evidence")]
    why_here: Text | None = None


class Step(Strict):
    """What to do at one rung of the ladder in one situation, and what to write."""

    rung: Annotated[Id, RefersTo("channels")]
    do: Text
    reported_as_of: datetime.date | None = None
    message: Text


class Excuse(Strict):
    """Something a seller or platform says, and the answer with its basis."""

    says: Text
    answer: Text
    bases: Annotated[BasisIds, Field(min_length=1)]


class Group(Strict):
    """A heading the situations are sorted under; the file's order is the site's order."""

    id: Id
    title: Text
    summary: Text


class ComplaintType(Strict):
    """One situation a buyer can be in, with everything its guide needs."""

    id: Id
    group: Annotated[Id, RefersTo("groups")]
    title: Text
    summary: Text
    keywords: Terms
    symptoms: list[Text] = Field(min_length=2)
    rights: list[Right] = Field(min_length=1)
    unverified: list[UnverifiedRule] = []
    evidence: list[EvidenceUse] = Field(min_length=3)
    ladder: list[Step] = Field(min_length=1)
    deadlines: Annotated[list[Id], RefersTo("deadlines"), Field(min_length=1)]
    excuses: list[Excuse] = []
    related: Annotated[list[Id], RefersTo("complaint_types", others_only=True)] = []
    last_reviewed: datetime.date


Word = Annotated[SafeText, StringConstraints(min_length=1, max_length=40)]


class SynonymWords(Strict):
    """One thing's words in both languages: two at least in each, or there is nothing to swap."""

    zh: Annotated[list[Word], Field(min_length=2)]
    en: Annotated[list[Word], Field(min_length=2)]


class SynonymGroup(Strict):
    """Words buyers use for one thing: search finds a page that says any of them by every other."""

    id: Id
    words: SynonymWords


class Topic(Strict):
    """A cross-cutting guide (the complaint process, 12315, court…); its prose is in guides/."""

    id: Id
    title: Text
    summary: Text
    bases: BasisIds = []
    last_reviewed: datetime.date


UiStrings = dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")], Text]
ProsePage = SafeText
