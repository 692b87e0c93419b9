"""Owns the rules for holidays.yml: one record a year, its dates in that year, no overlap."""
from __future__ import annotations

from collections.abc import Iterator

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import HOLIDAYS
from redress.messages import say
from redress.problems import Finding


def find_holiday_problems(kb: KnowledgeBase) -> Iterator[Finding]:
    """Each year's notice once; holidays in their year, in order, apart; make-up days on weekends
    outside every holiday."""
    years: set[int] = set()
    for index, notice in enumerate(kb.of(HOLIDAYS).values()):
        if notice.year in years:
            yield Finding(HOLIDAYS.file, (index, "year"), say("holiday_year_twice", year=notice.year))
        years.add(notice.year)
        for at, days in enumerate(notice.holidays):
            loc = (index, "holidays", at)
            if days.last < days.first:
                yield Finding(HOLIDAYS.file, (*loc, "last"), say(
                    "holiday_backwards", first=days.first.isoformat(), last=days.last.isoformat()))
            for end in ("first", "last"):
                if getattr(days, end).year != notice.year:
                    yield Finding(HOLIDAYS.file, (*loc, end), say(
                        "holiday_other_year", date=getattr(days, end).isoformat(), year=notice.year))
            for other in notice.holidays[:at]:
                if days.first <= other.last and other.first <= days.last:
                    yield Finding(HOLIDAYS.file, loc, say("holiday_overlap", other=other.name.zh))
        for at, day in enumerate(notice.makeup_workdays):
            loc = (index, "makeup_workdays", at)
            inside = next((h for h in notice.holidays if h.first <= day <= h.last), None)
            if inside:
                yield Finding(HOLIDAYS.file, loc, say("makeup_in_holiday", date=day.isoformat(),
                                                      holiday=inside.name.zh))
            if day.weekday() < 5:
                yield Finding(HOLIDAYS.file, loc, say("makeup_on_weekday", date=day.isoformat()))
            if day.year != notice.year:
                yield Finding(HOLIDAYS.file, loc, say("holiday_other_year", date=day.isoformat(),
                                                      year=notice.year))
