"""The built site in Debian's Chromium: search in both languages, language switch, no foreign requests."""
from __future__ import annotations

import pytest
from conftest import open_chromium

pytestmark = pytest.mark.browser

SEARCHES = [
    ("zh", "退款", "refund-refused"),
    ("zh", "假货", "counterfeit"),
    ("zh", "发货", "not-shipped"),
    ("en", "refund", "refund-refused"),
    ("en", "counterfeit", "counterfeit"),
    ("en", "ship", "not-shipped"),
]


def search(page, site_url: str, lang: str, query: str) -> list[str]:
    """Type into Material's search box like a reader and return the result links."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/{lang}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__list > li a")
    results.first.wait_for(timeout=15_000)
    return [link.get_attribute("href") for link in results.all()]


@pytest.mark.parametrize(("lang", "query", "slug"), SEARCHES, ids=[s[1] for s in SEARCHES])
def test_search_finds_the_right_guide(page, site_url: str, lang: str, query: str, slug: str) -> None:
    links = search(page, site_url, lang, query)
    assert any(f"situations/{slug}/" in link for link in links[:3]), links[:5]


def test_the_language_switch_keeps_the_reader_on_the_same_page(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/situations/counterfeit/")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url("**/en/situations/counterfeit/")
    assert page.locator("h1").inner_text() != ""
    assert page.evaluate("document.documentElement.lang") == "en"


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
