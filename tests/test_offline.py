"""The offline bundle unpacked from its zips and opened from disk in Chromium: every request
stays inside it, the tree, search and the language switch work, with JavaScript and without."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_chromium, unpack

pytestmark = [pytest.mark.site, pytest.mark.browser]  # a real export, then Chromium


def keep_inside(bundle: Path, outside: list[str]):
    """A route handler that lets the unpacked bundle's own files through and records anything
    else: another host, or a file of this disk outside the bundle's folder."""
    inside = bundle.as_uri() + "/"

    def handle(route) -> None:
        if route.request.url.startswith((inside, "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    return handle


def switch_language(tab, lang: str) -> None:
    """The header's language switch, as a reader uses it (it opens on hover, without JavaScript
    too)."""
    tab.locator(".md-header__option .md-select").hover()
    tab.locator(f"a.md-select__link[hreflang='{lang}']").click()


def test_the_offline_bundle_works_from_disk_with_and_without_javascript(
        exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    for javascript in (True, False):
        context = open_chromium(playwright, tmp_path / f"profile-{javascript}",
                                java_script_enabled=javascript)
        tab = context.new_page()
        outside: list[str] = []
        tab.route("**/*", keep_inside(root, outside))
        tab.goto((root / "index.html").as_uri())
        tab.wait_for_url("**/zh/index.html")
        tab.goto((root / "zh" / "tree" / "index.html").as_uri())
        role = "button" if javascript else "link"  # the widget's buttons, or the plain links
        tab.get_by_role(role, name="东西到了，但有问题").click()
        tab.get_by_role(role, name="像是假货").click()
        tab.wait_for_url("**/tree/arrived-wrong/fake.html")
        assert "买到假货" in tab.locator("h1").first.inner_text()
        if javascript:
            assert "refund-refused" in " ".join(search_from_disk(tab, root, "en", "refund")[:3])
        # The language switch keeps the reader on the same page, a guide and a tree outcome.
        tab.goto((root / "zh" / "situations" / "counterfeit.html").as_uri())
        switch_language(tab, "en")
        tab.wait_for_url(root.as_uri() + "/en/situations/counterfeit.html")
        tab.goto((root / "en" / "tree" / "arrived-wrong" / "fake.html").as_uri())
        switch_language(tab, "zh-CN")
        tab.wait_for_url(root.as_uri() + "/zh/tree/arrived-wrong/fake.html")
        context.close()
        assert outside == []


PRIMARY = "rgb(0, 105, 92)"  # --md-primary-fg-color in overrides/assets/redress.css


def test_the_offline_404_page_loads_only_the_bundles_files_and_is_styled(
        exported: Path, tmp_path: Path, playwright) -> None:
    """MkDocs writes error pages' links from the server root (/zh/assets/…): from disk those
    were 11 files outside the bundle, and the page showed unstyled."""
    root = unpack(exported, tmp_path / "unzipped")
    context = open_chromium(playwright, tmp_path / "profile")
    tab = context.new_page()
    tab.set_viewport_size({"width": 1280, "height": 900})  # the header's logo shows
    outside: list[str] = []
    tab.route("**/*", keep_inside(root, outside))
    header, fonts = {}, {}
    try:
        for lang in ("zh", "en"):
            tab.goto((root / lang / "404.html").as_uri(), wait_until="load")
            header[lang] = tab.evaluate(
                "getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            fonts[lang] = tab.evaluate("getComputedStyle(document.body).fontFamily")
            tab.locator("a.md-header__button.md-logo").click()  # its links stay in the bundle
            tab.wait_for_url(root.as_uri() + f"/{lang}/index.html")
    finally:
        context.close()
    assert outside == []
    assert header == {"zh": PRIMARY, "en": PRIMARY}
    assert all("PingFang SC" in family for family in fonts.values())  # redress.css is applied


def search_from_disk(tab, root: Path, lang: str, query: str) -> list[str]:
    tab.goto((root / lang / "index.html").as_uri())
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(query, delay=30)
    tab.locator(".md-search-result__list > li a").first.wait_for(timeout=15_000)
    return [a.get_attribute("href") for a in tab.locator(".md-search-result__list > li a").all()]


def test_chinese_search_works_from_disk(exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    context = open_chromium(playwright, tmp_path / "profile")
    try:
        links = search_from_disk(context.new_page(), root, "zh", "退款")
    finally:
        context.close()
    assert "refund-refused" in " ".join(links[:3])
