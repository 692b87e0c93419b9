"""The date tool in Chromium: dates in, deadlines out with their steps, the same answers as the
Python counting, an .ics that icalendar reads, nothing kept, from disk too, and without JS a
worksheet."""
from __future__ import annotations

import datetime
from pathlib import Path

import icalendar
import pytest
from conftest import ROOT, open_chromium, unpack
from test_offline import keep_inside
from test_quality import axe_violations

from redress.data.loading import load_knowledge_base
from redress.data.registry import DEADLINES, HOLIDAYS
from redress.dates.counting import count, counting_bases
from redress.dates.work_calendar import WorkCalendar

pytestmark = [pytest.mark.site, pytest.mark.browser]
KB = load_knowledge_base(ROOT)


def open_tool(page, site_url: str, lang: str = "zh") -> None:
    page.goto(f"{site_url}/{lang}/tools/dates/")
    page.locator("form.redress-dates-form").wait_for()


def line_of(page, deadline: str):
    return page.locator(f"li:has(> [data-deadline='{deadline}'])")


def test_entered_dates_give_each_deadline_with_how_it_was_counted(page, site_url: str) -> None:
    open_tool(page, site_url)
    page.fill("#redress-date-complaint_filed", "2026-09-28")
    page.fill("#redress-date-signed_for", "2026-02-10")
    acceptance = line_of(page, "complaint-acceptance").locator(".redress-dates-result").inner_text()
    assert "2026年10月13日" in acceptance and "跳过：国庆节" in acceptance and "10月10日周六是调休上班日" in acceptance
    assert "投诉举报处理办法 第四十五条" in acceptance  # the counting rule's article, named
    seven = line_of(page, "seven-day-return").locator(".redress-dates-result").inner_text()
    assert "2026年2月24日" in seven and "顺延" in seven and "民法典 第二百零三条" in seven
    assert "售后入口可能仍按原来的日子关闭" in seven
    assert "已算出" in page.locator("[role=status]").inner_text()
    page.fill("#redress-date-knew_of_harm", "2027-05-01")
    assert "暂定" in line_of(page, "civil-limitation").inner_text()


def test_an_ics_downloads_for_a_deadline_and_holds_no_personal_data(page, site_url: str) -> None:
    open_tool(page, site_url)
    page.fill("#redress-date-complaint_filed", "2026-09-28")
    with page.expect_download() as caught:
        line_of(page, "complaint-acceptance").locator("a.redress-dates-ics").click()
    raw = Path(caught.value.path()).read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime.date(2026, 10, 13)
    assert event.decoded("DTEND") == datetime.date(2026, 10, 14)
    assert str(event["UID"]).startswith("complaint-acceptance-") and str(calendar["PRODID"]) == "-//Redress//Date tool//ZH"
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert b"20260928" not in raw  # the date the buyer typed is not in it, only the deadline
    # Another deadline of the same visit shares the case token; a new visit has another.
    page.fill("#redress-date-complaint_accepted", "2026-10-13")
    with page.expect_download() as second:
        line_of(page, "mediation-limit").locator("a.redress-dates-ics").click()
    token = str(event["UID"]).split("-")[-1]
    assert token in Path(second.value.path()).read_text(encoding="utf-8")


def test_a_reload_keeps_nothing(page, site_url: str) -> None:
    open_tool(page, site_url)
    page.fill("#redress-date-signed_for", "2026-03-01")
    page.reload()
    page.locator("form.redress-dates-form").wait_for()
    assert page.input_value("#redress-date-signed_for") == ""
    assert page.locator(".redress-dates-result").count() == 0
    kept = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert kept == [0, 0, ""]


def test_the_page_counts_as_the_python_core_does_on_every_day_of_2026(page, site_url: str) -> None:
    open_tool(page, site_url)
    work = WorkCalendar.from_notices(KB.of(HOLIDAYS).values())
    rules = sorted({(d.length, d.unit, counting_bases(d.bases)) for d in KB.of(DEADLINES).values()})
    starts = [datetime.date(2025, 12, 1) + datetime.timedelta(days=n) for n in range(31 + 365 + 31)]
    found = page.evaluate("""([rules, starts]) => {
        const data = JSON.parse(document.querySelector('.redress-dates').dataset.dates).calendar;
        return rules.map(([length, unit, counting]) => starts.map(start =>
            window.redressDates.count(data, start, length, unit, counting)));
    }""", [[[length, unit, list(bases)] for length, unit, bases in rules], [s.isoformat() for s in starts]])
    differing = []
    for (length, unit, bases), answers in zip(rules, found, strict=True):
        for start, answer in zip(starts, answers, strict=True):
            ours = count(work, start, length, unit, list(bases))
            expected = {"due": ours.due.isoformat(), "provisional": ours.provisional, "steps": [
                {"kind": s.kind, "first": s.first.isoformat(), "last": s.last.isoformat(),
                 "name": s.name.zh if s.name else None, "basis": s.basis} for s in ours.steps]}
            if answer != expected:
                differing.append((start, length, unit, answer, expected))
    assert len(starts) * len(rules) > 3000 and differing[:3] == []


def test_without_javascript_the_guide_and_the_tool_are_worksheets(playwright, site_url: str,
                                                                  tmp_path: Path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/zh/situations/refund-refused/")
    section = tab.locator("h3#dates + p").inner_text()
    assert "填上你知道的日子" in section
    assert "签收日 ＿＿＿＿ + 7日 = ＿＿＿＿" in line_of(tab, "seven-day-return").inner_text()
    assert tab.locator("a[href$='tools/dates/#for-refund-refused']").count() == 1
    tab.goto(f"{site_url}/en/tools/dates/")
    assert tab.locator("[data-deadline]").count() == len(KB.of(DEADLINES))
    assert tab.locator("form.redress-dates-form").count() == 0
    context.close()


def test_the_tool_passes_axe_and_the_keyboard_reaches_every_field(page, site_url: str) -> None:
    for lang in ("zh", "en"):
        open_tool(page, site_url, lang)
        page.fill("#redress-date-signed_for", "2026-09-28")
        page.fill("#redress-date-complaint_filed", "2026-09-28")
        assert axe_violations(page) == []
    fields = page.evaluate("() => [...document.querySelectorAll('.redress-dates-form input')].map(i => i.id)")
    reached = set()
    page.locator("h1").first.click()
    for _ in range(400):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.id"))
        if set(fields) <= reached:
            break
    assert sorted(set(fields) - reached) == []


def test_a_guide_leads_to_the_tool_at_its_situation(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/situations/refund-refused/")
    page.get_by_role("link", name="打开日期工具").click()
    page.wait_for_url("**/tools/dates/#for-refund-refused")
    page.locator("form.redress-dates-form").wait_for()
    page.goto(f"{site_url}/zh/")
    assert page.locator("a[href$='tools/dates/']").count() >= 1


def test_an_in_app_browser_is_told_to_open_the_page_in_its_browser(playwright, site_url: str,
                                                                   tmp_path: Path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", user_agent=(
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile MicroMessenger/8.0.49"))
    tab = context.new_page()
    open_tool(tab, site_url)
    tab.fill("#redress-date-signed_for", "2026-09-28")
    assert "在浏览器打开" in tab.locator(".redress-dates-in-app").inner_text()
    assert tab.locator("a.redress-dates-ics").count() == 0
    context.close()


def test_the_tool_works_from_the_offline_bundle(exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    context = open_chromium(playwright, tmp_path / "profile")
    tab = context.new_page()
    outside: list[str] = []
    tab.route("**/*", keep_inside(root, outside))
    tab.goto((root / "zh" / "tools" / "dates.html").as_uri())
    tab.fill("#redress-date-complaint_filed", "2026-02-10")
    assert "2026年2月26日" in line_of(tab, "complaint-acceptance").inner_text()
    with tab.expect_download() as caught:
        line_of(tab, "complaint-acceptance").locator("a.redress-dates-ics").click()
    assert b"DTSTART;VALUE=DATE:20260226" in Path(caught.value.path()).read_bytes()
    context.close()
    assert outside == []
