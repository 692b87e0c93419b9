"""The law's counting of periods on the hard cases, and holidays.yml held to its notices."""
from __future__ import annotations

import datetime
from pathlib import Path

import chinese_calendar
import pytest
from chinese_calendar.constants import holidays as library_holidays
from chinese_calendar.constants import workdays as library_workdays
from conftest import ROOT
from test_loading import edit, problems_in

from redress.data.loading import load_knowledge_base
from redress.data.registry import BASES, DEADLINES, HOLIDAYS
from redress.dates.counting import (
    COMPLAINT_COUNTING,
    FIRST_DAY_NOT_COUNTED,
    HOLIDAY_END_MOVES,
    MONTHS_END_ON_SAME_DATE,
    Count,
    count,
)
from redress.dates.work_calendar import WorkCalendar

KB = load_knowledge_base(ROOT)
WORK = WorkCalendar.from_notices(KB.of(HOLIDAYS).values())
day = datetime.date.fromisoformat


def counted(start: str, length: int, unit: str, bases: list[str] | None = None) -> Count:
    return count(WORK, day(start), length, unit, bases or ["complaints-45"])  # type: ignore[arg-type]


def test_seven_working_days_across_the_spring_festival_end_on_26_february() -> None:
    result = counted("2026-02-10", 7, "working-days")
    assert result.due == day("2026-02-26") and not result.provisional
    skipped = [(s.first, s.last, s.name and s.name.zh) for s in result.steps if s.kind == "skipped"]
    assert skipped == [(day("2026-02-15"), day("2026-02-23"), "春节")]
    assert result.steps[0].kind == "day_one" and result.steps[0].last == day("2026-02-11")
    assert result.steps[0].basis == COMPLAINT_COUNTING


def test_seven_working_days_across_national_day_end_on_13_october() -> None:
    result = counted("2026-09-28", 7, "working-days")
    assert result.due == day("2026-10-13")
    assert ("skipped", day("2026-10-01"), day("2026-10-07")) in [
        (s.kind, s.first, s.last) for s in result.steps]


def test_a_make_up_sunday_counts_as_a_working_day() -> None:
    """2026-09-20 is a Sunday the notice makes a working day: from Friday the 18th, day 1 is it."""
    result = counted("2026-09-18", 1, "working-days")
    assert result.due == day("2026-09-20") and day("2026-09-20").weekday() == 6
    assert [s.kind for s in result.steps] == ["day_one", "skipped", "makeup_counted"]  # Sat 19th
    assert counted("2026-09-11", 1, "working-days").due == day("2026-09-14")  # an ordinary Sunday


def test_a_period_ending_on_a_holiday_runs_to_the_next_working_day() -> None:
    result = counted("2026-09-27", 7, "calendar-days", ["crpl-25", "civil-code-201"])
    moved = result.steps[-1]
    assert result.due == day("2026-10-08")
    assert (moved.kind, moved.first, moved.name and moved.name.en) == ("moved", day("2026-10-04"), "National Day")
    assert moved.basis == HOLIDAY_END_MOVES and result.steps[0].basis == FIRST_DAY_NOT_COUNTED


def test_a_period_ending_on_a_make_up_saturday_ends_there() -> None:
    assert counted("2026-02-21", 7, "calendar-days").due == day("2026-02-28")


def test_a_date_in_2027_counts_weekdays_only_and_says_it_is_provisional() -> None:
    result = counted("2027-03-01", 7, "working-days")
    assert result.due == day("2027-03-10") and result.provisional
    assert result.steps[-1].kind == "provisional"
    assert not counted("2026-12-01", 7, "working-days").provisional


def test_months_and_years_end_on_the_same_date_or_the_month_end() -> None:
    result = counted("2026-01-31", 1, "months", ["civil-code-201"])
    assert result.due == day("2026-02-28")  # a make-up Saturday: people work that day
    assert MONTHS_END_ON_SAME_DATE in {s.basis for s in result.steps}
    assert counted("2025-03-10", 1, "years").due == day("2026-03-10")


def test_hours_run_from_the_time_itself() -> None:
    assert counted("2026-10-01", 48, "hours").due == day("2026-10-03")


def test_every_article_the_counting_cites_is_quoted_in_the_data() -> None:
    cited = {COMPLAINT_COUNTING, FIRST_DAY_NOT_COUNTED, MONTHS_END_ON_SAME_DATE, HOLIDAY_END_MOVES}
    assert cited <= set(KB.of(BASES))
    assert "开始的当日不计入" in KB.of(BASES)[COMPLAINT_COUNTING].quote.zh


def test_every_year_of_holidays_yml_agrees_with_chinese_calendar() -> None:
    """The notices as data, compared day by day with the library for every year it covers."""
    checked = []
    for notice in KB.of(HOLIDAYS).values():
        try:
            chinese_calendar.is_workday(datetime.date(notice.year, 1, 1))
        except NotImplementedError:
            continue
        ours = {d for h in notice.holidays for d in days(h.first, h.last)}
        theirs = {d for d in library_holidays if d.year == notice.year}
        assert ours == theirs, notice.year
        assert set(notice.makeup_workdays) == {d for d in library_workdays if d.year == notice.year}
        every_day = days(datetime.date(notice.year, 1, 1), datetime.date(notice.year, 12, 31))
        assert [WORK.is_working_day(d) for d in every_day] == [
            chinese_calendar.is_workday(d) for d in every_day]
        checked.append(notice.year)
    assert 2026 in checked


def days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def test_every_deadline_names_its_start_event() -> None:
    assert all(d.starts_on for d in KB.of(DEADLINES).values())


HOLIDAY_CASES = [
    ("a year twice", "- id: cn-2026\n  year: 2026", "- id: cn-2026\n  year: 2026",
     "holidays[cn-2026].year: the year 2026 appears twice"),
    ("overlap", "      first: 2026-02-15", "      first: 2026-01-02",
     "holidays[cn-2026].holidays[1]: overlaps 元旦"),
    ("make-up day in a holiday", "    - 2026-02-14", "    - 2026-02-21",
     "holidays[cn-2026].makeup_workdays[1]: the make-up working day 2026-02-21 is inside the holiday 春节"),
    ("make-up day on a weekday", "    - 2026-02-14", "    - 2026-02-12",
     "holidays[cn-2026].makeup_workdays[1]: the make-up working day 2026-02-12 is not a Saturday or Sunday"),
    ("another year's date", "      last: 2026-01-03", "      last: 2025-01-03",
     "holidays[cn-2026].holidays[0].last: 2025-01-03 is not in 2026"),
    ("missing notice date", "  notice_date: 2025-11-04\n", "",
     "holidays[cn-2026].notice_date: the field 'notice_date' is missing"),
    ("missing source", "  source_url: https://politics.gmw.cn/2025-11/04/content_38391083.htm\n", "",
     "holidays[cn-2026].source_url: the field 'source_url' is missing"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), HOLIDAY_CASES, ids=[c[0] for c in HOLIDAY_CASES])
def test_each_holiday_problem_is_located(minimal_copy: Path, name: str, old: str, new: str,
                                         expected: str) -> None:
    if name == "a year twice":
        text = (minimal_copy / "data/holidays.yml").read_text(encoding="utf-8")
        new = text.split("\n", 1)[1].replace("cn-2026", "cn-2026-again") + new
    edit(minimal_copy, "data/holidays.yml", old, new)
    found = problems_in(minimal_copy)
    assert any(expected in problem and problem.startswith("data/holidays.yml:") for problem in found), found


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  starts_on: signed_for", "  starts_on: signed", "deadlines[quality-return].starts_on:"),
    ("  bases:\n    - crpl-24\n", "", "deadlines[quality-return]: no legal basis and no report date"),
    ("  deadlines:\n    - quality-return", "  deadlines:\n    - quality-retrun",
     "unknown deadline 'quality-retrun' (did you mean 'quality-return'?)"),
], ids=["unknown event", "no basis", "unknown deadline"])
def test_each_deadline_problem_is_located(minimal_copy: Path, old: str, new: str, expected: str) -> None:
    file = "data/complaint_types.yml" if "deadlines:" in old else "data/deadlines.yml"
    edit(minimal_copy, file, old, new)
    found = problems_in(minimal_copy)
    assert any(expected in problem and problem.startswith(f"{file}:") for problem in found), found
