"""The built site in Debian's Chromium: search in both languages, language switch, no foreign requests."""
from __future__ import annotations

import pytest
from conftest import ROOT, open_chromium
from test_search import search

from redress.data.loading import load_knowledge_base
from redress.data.registry import SITUATIONS, TREE

pytestmark = [pytest.mark.site, pytest.mark.browser]  # the real site, in Chromium

SEARCHES = [
    ("zh", "退款", "refund-refused"),
    ("zh", "假货", "counterfeit"),
    ("zh", "发货", "not-shipped"),
    ("en", "refund", "refund-refused"),
    ("en", "counterfeit", "counterfeit"),
    ("en", "ship", "not-shipped"),
]


@pytest.mark.parametrize(("lang", "query", "slug"), SEARCHES, ids=[s[1] for s in SEARCHES])
def test_search_finds_the_right_guide(page, site_url: str, lang: str, query: str, slug: str) -> None:
    links = search(page, site_url, lang, query, phone=False)  # the desktop's header box
    assert any(f"situations/{slug}/" in link for link in links[:3]), links[:5]


def test_the_language_switch_keeps_the_reader_on_the_same_page(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/situations/counterfeit/")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url("**/en/situations/counterfeit/")
    assert page.locator("h1").inner_text() != ""
    assert page.evaluate("document.documentElement.lang") == "en"


def test_without_javascript_the_language_switch_is_a_link_to_the_same_page(
        playwright, site_url: str, tmp_path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/en/tree/arrived-wrong/fake/")
    tab.locator(".md-header__option .md-select").hover()  # the list opens by CSS alone
    tab.locator("a.md-select__link[hreflang='zh-CN']").click()
    tab.wait_for_url(f"{site_url}/zh/tree/arrived-wrong/fake/")
    context.close()


def test_chinese_pages_ask_for_simplified_glyph_forms(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/situations/refund-refused/")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "PingFang SC" in family and "Noto Sans CJK SC" in family


def test_a_guide_reads_without_javascript(playwright, site_url: str, tmp_path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/en/situations/not-shipped/")
    assert tab.locator("#ladder").is_visible()
    tab.locator("details.quote summary").first.click()
    assert tab.locator("details.quote[open] blockquote").first.is_visible()
    context.close()


def test_a_tree_path_by_links_alone_then_by_the_widget_changing_an_earlier_answer(
        playwright, page, site_url: str, tmp_path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{site_url}/en/tree/")
    plain.get_by_role("link", name="It arrived, but something is wrong").click()
    plain.get_by_role("link", name="Food or drink is past its date, spoiled, or made me ill").click()
    plain.wait_for_url("**/en/tree/arrived-wrong/food/")
    food = load_knowledge_base(ROOT).of(SITUATIONS)["food-safety"].title.en
    assert plain.locator("h1").first.inner_text() == food
    plain.get_by_role("link", name="change").first.click()  # change the first answer
    plain.wait_for_url("**/en/tree/")
    context.close()

    page.goto(f"{site_url}/en/tree/")
    page.get_by_role("button", name="It arrived, but something is wrong").click()
    page.wait_for_url("**/en/tree/arrived-wrong/")  # the address follows each step
    page.get_by_role("button", name="Back", exact=True).click()
    page.wait_for_url("**/en/tree/")
    page.get_by_role("button", name="I haven't received it").click()
    page.get_by_role("button", name="It shows as delivered, but I never got it").click()
    page.wait_for_url("**/en/tree/not-arrived/lost/")
    assert page.locator("h1").first.inner_text().strip() != ""
    page.get_by_role("link", name="Open the full guide").click()
    page.wait_for_url("**/en/situations/parcel-lost/")


def test_a_later_tree_step_answers_below_it_in_place_and_loads_the_steps_above_it(page, site_url: str) -> None:
    """A question page carries only the tree below it: going further is in place, going back
    past it (or starting again) loads the earlier page, whose widget takes over."""
    page.goto(f"{site_url}/en/tree/")
    page.evaluate("window.__samePage = true")
    page.get_by_role("button", name="It arrived, but something is wrong").click()
    page.wait_for_url("**/en/tree/arrived-wrong/")
    page.get_by_role("button", name="Back", exact=True).click()
    page.wait_for_url("**/en/tree/")
    assert page.evaluate("window.__samePage") is True  # both in place
    page.goto(f"{site_url}/en/tree/arrived-wrong/")
    page.get_by_role("button", name="Back", exact=True).click()
    page.wait_for_url("**/en/tree/")
    page.get_by_role("button", name="I haven't received it").wait_for()
    assert page.evaluate("window.__samePage === undefined")  # the start page was loaded
    page.goto(f"{site_url}/en/tree/money/")
    page.get_by_role("button", name="Start again").click()
    page.wait_for_url("**/en/tree/")
    page.get_by_role("button", name="It arrived, but something is wrong").wait_for()


def test_the_widget_starts_on_the_tree_the_home_page_links(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/")
    page.locator("article a[href$='tree/']").first.click()
    page.wait_for_url("**/zh/tree/")
    page.get_by_role("button", name="东西到了，但有问题").wait_for()


def test_the_tree_outline_prints_every_branch(page, site_url: str) -> None:
    kb = load_knowledge_base(ROOT)
    page.goto(f"{site_url}/en/tree/overview/")
    page.emulate_media(media="print")
    text = page.locator("article").inner_text()
    for node in kb.of(TREE).nodes:
        for option in getattr(node, "options", []):
            assert option.label.en in text, option.label.en
    for complaint in kb.of(SITUATIONS).values():
        assert complaint.title.en in text


def test_chinese_typed_without_key_events_after_a_pause_is_searched(page, site_url: str) -> None:
    """An IME commit, a paste or voice input puts text in without keys; Material only listened
    to keyup. Playwright inserts Chinese the same way, after the index has loaded."""
    page.goto(f"{site_url}/zh/")
    page.locator("label.md-header__button[for='__search']").click()
    page.wait_for_timeout(2500)  # the index and the worker are ready by now
    page.keyboard.insert_text("假货")
    page.locator(".md-search-result__list > li a").first.wait_for(timeout=15_000)
    assert "situations/counterfeit/" in page.locator(".md-search-result__list > li a").first.get_attribute("href")
