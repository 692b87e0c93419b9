"""Owns the date tool's view: every deadline with its start event, the situations' lists, and
the working-day calendar the page's script counts with."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType, Deadline, Event, HolidayYear
from redress.data.registry import BASES, DEADLINES, HOLIDAYS, SITUATIONS
from redress.dates.counting import (
    COMPLAINT_COUNTING,
    FIRST_DAY_NOT_COUNTED,
    HOLIDAY_END_MOVES,
    MONTHS_END_ON_SAME_DATE,
    counting_bases,
)
from redress.dates.work_calendar import WorkCalendar
from redress.pages.views.common import Basis, bases
from redress.pages.views.situations import TimeLimit

# Every start event, in the order a purchase goes (the order the form asks for them).
EVENTS: tuple[str, ...] = typing.get_args(Event)


@dataclass(frozen=True)
class EventDeadlines:
    """One start event and the deadlines that count from it."""

    event: str
    deadlines: tuple[TimeLimit, ...]


@dataclass(frozen=True)
class SituationDeadlines:
    """A situation and the deadlines its guide lists (its date worksheet)."""

    situation: ComplaintType
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True)
class DateToolPage:
    """tools/dates.md: the worksheet by event, each situation's deadlines, and the script's data."""

    by_event: tuple[EventDeadlines, ...]
    situations: tuple[SituationDeadlines, ...]
    counting: tuple[Basis, ...]
    notices: tuple[HolidayYear, ...]
    script: dict[str, Any]


def date_tool_page(kb: KnowledgeBase) -> DateToolPage:
    limits = [TimeLimit(d, bases(kb, d.bases)) for d in kb.of(DEADLINES).values()]
    by_event = tuple(EventDeadlines(e, tuple(x for x in limits if x.deadline.starts_on == e))
                     for e in EVENTS)
    # The real data quotes all four (tests/test_dates.py holds it); a smaller data set may not.
    counting = bases(kb, [i for i in (FIRST_DAY_NOT_COUNTED, MONTHS_END_ON_SAME_DATE, HOLIDAY_END_MOVES,
                                      COMPLAINT_COUNTING) if i in kb.of(BASES)])
    situations = tuple(SituationDeadlines(c, tuple(kb.of(DEADLINES)[i] for i in c.deadlines))
                       for c in kb.of(SITUATIONS).values())
    return DateToolPage(tuple(e for e in by_event if e.deadlines), situations, counting,
                        tuple(kb.of(HOLIDAYS).values()), script_data(kb, limits))


def script_data(kb: KnowledgeBase, limits: list[TimeLimit]) -> dict[str, Any]:
    """What redress-dates.js counts with: plain values, texts still bilingual (`data_json`
    picks the page's language)."""
    situations = kb.of(SITUATIONS).values()
    return {
        "calendar": WorkCalendar.from_notices(kb.of(HOLIDAYS).values()).as_data(),
        "deadlines": [{
            "id": x.deadline.id, "name": x.deadline.name, "event": x.deadline.starts_on,
            "length": x.deadline.length, "unit": x.deadline.unit,
            "counting": list(counting_bases(x.deadline.bases)),
        } for x in limits],
        "situations": {c.id: {"title": c.title, "deadlines": c.deadlines} for c in situations},
    }
