"""Owns where a period ends, counted as the law counts it, with each step of the count as data."""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Literal

from redress.data.models import Unit
from redress.data.text import Text
from redress.dates.work_calendar import WorkCalendar

ONE_DAY = datetime.timedelta(days=1)
# The articles that say how a period is counted (quoted verbatim in data/legal_bases.yml).
COMPLAINT_COUNTING = "complaints-45"  # Order No. 121 第四十五条: first day not counted, holiday end moves
FIRST_DAY_NOT_COUNTED = "civil-code-201"
MONTHS_END_ON_SAME_DATE = "civil-code-202"
HOLIDAY_END_MOVES = "civil-code-203"

StepKind = Literal["day_one", "skipped", "makeup_counted", "moved", "month_end", "hours", "provisional"]


@dataclass(frozen=True)
class Step:
    """One line of the explanation: what happened between `first` and `last`, and why."""

    kind: StepKind
    first: datetime.date
    last: datetime.date
    name: Text | None = None  # the holiday skipped or moved over, when it is one
    basis: str | None = None  # the legal_bases id that makes the rule


@dataclass(frozen=True)
class Count:
    """A period's last day; provisional when it crosses a year whose holiday notice we lack."""

    start: datetime.date
    due: datetime.date
    provisional: bool
    steps: tuple[Step, ...]


def counting_bases(bases: list[str]) -> tuple[str, str]:
    """The articles for the first day and the last day: a deadline of the complaint procedure
    is counted by its own 第四十五条, every other one by the Civil Code."""
    if COMPLAINT_COUNTING in bases:
        return COMPLAINT_COUNTING, COMPLAINT_COUNTING
    return FIRST_DAY_NOT_COUNTED, HOLIDAY_END_MOVES


def count(work: WorkCalendar, start: datetime.date, length: int, unit: Unit,
          bases: list[str]) -> Count:
    """The last day of a period of `length` units that starts on the day of `start`."""
    first_basis, last_basis = counting_bases(bases)
    day_one = start + ONE_DAY
    if unit == "hours":
        due = start + datetime.timedelta(days=-(-length // 24))
        steps = [Step("hours", start, due, basis=FIRST_DAY_NOT_COUNTED)]
        checked_from = due + ONE_DAY  # no day's kind matters
    elif unit == "working-days":
        steps, due = count_working_days(work, start, length)
        steps.insert(0, Step("day_one", start, first_working_day(work, day_one), basis=first_basis))
        checked_from = day_one  # every day counted or passed over decides the answer
    else:
        end = add_months(start, length * (12 if unit == "years" else 1)) if unit in ("months", "years") \
            else start + datetime.timedelta(days=length)
        steps = [Step("day_one", start, day_one, basis=first_basis)]
        if unit in ("months", "years") and end.day != start.day:
            steps.append(Step("month_end", start, end, basis=MONTHS_END_ON_SAME_DATE))
        due = first_working_day(work, end)
        checked_from = end  # only whether the last day is a rest day matters
        if due != end:
            steps.append(Step("moved", end, due, name=name_of_rest(work, end), basis=last_basis))
    uncovered = [day for day in days_between(checked_from, due) if not work.covers(day)]
    if uncovered:
        steps.append(Step("provisional", uncovered[0], uncovered[-1]))
    return Count(start, due, bool(uncovered), tuple(steps))


def count_working_days(work: WorkCalendar, start: datetime.date,
                       length: int) -> tuple[list[Step], datetime.date]:
    """Working days after `start`, one by one; the days passed over are grouped into runs."""
    steps: list[Step] = []
    day, counted = start, 0
    while counted < length:
        day += ONE_DAY
        if work.is_working_day(day):
            counted += 1
            if day.weekday() >= 5:
                steps.append(Step("makeup_counted", day, day))
        elif steps and steps[-1].kind == "skipped" and steps[-1].last == day - ONE_DAY:
            last = steps.pop()
            steps.append(Step("skipped", last.first, day, last.name or name_of_rest(work, day)))
        else:
            steps.append(Step("skipped", day, day, name_of_rest(work, day)))
    return steps, day


def first_working_day(work: WorkCalendar, day: datetime.date) -> datetime.date:
    """The day itself if people work on it, else the first working day after it."""
    while not work.is_working_day(day):
        day += ONE_DAY
    return day


def name_of_rest(work: WorkCalendar, day: datetime.date) -> Text | None:
    """The holiday's name; None for an ordinary weekend."""
    holiday = work.holiday_of(day)
    return holiday.name if holiday else None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same date `months` later, or that month's last day when it has no such date."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
