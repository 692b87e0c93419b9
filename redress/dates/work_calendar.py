"""Owns which days are working days: the State Council's notices where we have them, else Mon–Fri."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from redress.data.models import HolidayYear
from redress.data.text import Text


@dataclass(frozen=True)
class DaysOff:
    """A named run of statutory holidays, both ends included."""

    name: Text
    first: datetime.date
    last: datetime.date


@dataclass(frozen=True)
class WorkCalendar:
    """The holidays and make-up working days of the years whose notice we hold."""

    holidays: tuple[DaysOff, ...]
    makeup_workdays: frozenset[datetime.date]
    years: frozenset[int]

    @classmethod
    def from_notices(cls, notices: Iterable[HolidayYear]) -> WorkCalendar:
        notices = list(notices)
        holidays = tuple(DaysOff(r.name, r.first, r.last) for n in notices for r in n.holidays)
        makeup = frozenset(day for n in notices for day in n.makeup_workdays)
        return cls(holidays, makeup, frozenset(n.year for n in notices))

    def covers(self, day: datetime.date) -> bool:
        """Whether the notice for this day's year is in the data (else the count is provisional)."""
        return day.year in self.years

    def holiday_of(self, day: datetime.date) -> DaysOff | None:
        return next((h for h in self.holidays if h.first <= day <= h.last), None)

    def is_working_day(self, day: datetime.date) -> bool:
        """A make-up working day counts even on a weekend; a holiday never does."""
        if day in self.makeup_workdays:
            return True
        return self.holiday_of(day) is None and day.weekday() < 5

    def as_data(self) -> dict[str, object]:
        """The calendar for the page's script, as plain JSON-ready values."""
        return {
            "years": sorted(self.years),
            "holidays": [{"name": h.name, "first": h.first.isoformat(), "last": h.last.isoformat()}
                         for h in self.holidays],
            "makeup": sorted(day.isoformat() for day in self.makeup_workdays),
        }
