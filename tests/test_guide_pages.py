"""A worried buyer on a phone: the next step first, a contents list, titles that fit, no internal
paths, and the tree's stories walked by their links alone."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT, open_chromium

from redress.data.loading import load_knowledge_base
from redress.data.registry import SITUATIONS, TREE, TREE_PATHS, UI
from redress.data.tree_paths import nodes_by_id
from redress.pages.views.situations import GUIDE_SECTIONS

PHONE = {"width": 390, "height": 844}
GUIDES = ["refund-refused", "not-shipped", "counterfeit", "food-safety", "invoice-refused"]
# A path of the repository or of the stored law texts (iBubble+RAG/….md), where a reader sees it;
# the methodology page may still name the public repository its sources come from.
INTERNAL_PATH = re.compile(r"[\w+\-]+/[\w+\-/…]*\.(?:md|ya?ml|json|py|txt)\b")
KB = load_knowledge_base(ROOT)
STORIES = [walk for walk in KB.of(TREE_PATHS) if walk.story]


def visible_text(page_html: str) -> str:
    """The words of the article, without tags, scripts or attributes."""
    article = page_html[page_html.find("<article"):page_html.find("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", "", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


@pytest.mark.site
def test_no_built_page_shows_an_internal_path(built_site: Path) -> None:
    shown = {str(page.relative_to(built_site)): INTERNAL_PATH.findall(visible_text(
        page.read_text(encoding="utf-8"))) for page in built_site.rglob("*.html")}
    assert {page: paths for page, paths in shown.items() if paths} == {}
    assert len(shown) > 100


@pytest.mark.site
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_titles_name_the_site_once_and_the_chinese_ones_without_the_english_brand(
        built_site: Path, lang: str) -> None:
    name = KB.of(UI)["site_name"].in_(lang)
    for page in ("index.html", "situations/refund-refused/index.html", "tree/index.html"):
        title = re.search(r"<title>(.*?)</title>", (built_site / lang / page).read_text(
            encoding="utf-8")).group(1)
        assert html.unescape(title).count(name) == 1, title
        if lang == "zh":
            assert "Redress" not in title, title


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", GUIDES)
def test_the_first_action_is_on_the_first_screen_of_a_phone(page, site_url: str, lang: str,
                                                              slug: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{lang}/situations/{slug}/")
    first_step = page.locator("#do-now + ol > li").first
    box = first_step.bounding_box()
    assert box is not None and box["y"] + 40 < PHONE["height"], box
    order = page.evaluate("""() => [...document.querySelectorAll('article h2[id]')].map(h => h.id)""")
    assert order[:3] == ["do-now", "deadlines", "ladder"], order
    assert order == [anchor for anchor in GUIDE_SECTIONS if anchor in order], order


def top_of(page, anchor: str) -> float:
    """Where an element is on the screen once scrolling has settled."""
    page.wait_for_function(f"() => Math.abs(document.getElementById('{anchor}')"
                           ".getBoundingClientRect().top) < 900")
    return page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_phone_reader_reaches_every_section_from_the_contents_list(page, site_url: str,
                                                                       lang: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{lang}/situations/refund-refused/", wait_until="networkidle")
    contents = page.locator("article .redress-contents")
    assert contents.is_visible()
    anchors = [link.evaluate("a => a.hash") for link in contents.locator("a").all()]
    headings = page.evaluate("""() => [...document.querySelectorAll('article h2[id]')]
        .map(h => '#' + h.id)""")
    assert anchors == headings[1:], (anchors, headings)  # every section after "do this now"
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    contents.locator("a[href$='#excuses']").click()
    page.wait_for_url("**#excuses")
    assert 0 <= top_of(page, "excuses") < PHONE["height"]
    page.locator("#excuses + ul a").first.click()  # the jump list to the first excuse
    page.wait_for_url("**#excuse-1")
    assert 0 <= top_of(page, "excuse-1") < PHONE["height"]
    # A jump is the browser's own: Material's instant loading downloaded the page again for it.
    assert not [url for url in fetched if "/situations/refund-refused/" in url], fetched


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_site_name_fits_a_phone_header(page, site_url: str, lang: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{lang}/")
    title = page.locator(".md-header__topic").first
    fits = title.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert fits, title.inner_text()
    if lang == "zh":
        assert "Redress" not in title.inner_text()


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("walk", STORIES, ids=[w.story.en[:40] for w in STORIES])
def test_a_buyers_story_reaches_its_guide_by_links_alone(playwright, site_url: str, tmp_path,
                                                          lang: str, walk) -> None:
    """With JavaScript off, click the words of each answer, then the guide the outcome opens."""
    assert len(walk.answers) <= 3, walk.story.en
    nodes = nodes_by_id(KB.of(TREE))
    node = nodes[KB.of(TREE).start]
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.set_viewport_size(PHONE)
    tab.goto(f"{site_url}/{lang}/tree/")
    for answer in walk.answers:
        option = next(o for o in node.options if o.id == answer)
        tab.get_by_role("link", name=option.label.in_(lang), exact=True).click()
        node = nodes[option.next]
    tab.get_by_role("link", name=KB.of(UI)["tree_open_guide"].in_(lang)).click()
    tab.wait_for_url(f"**/{lang}/situations/{walk.outcome}/")
    title = KB.of(SITUATIONS)[walk.outcome].title.in_(lang)
    assert tab.locator("h1").first.inner_text().strip() == title
    context.close()


@pytest.mark.site
@pytest.mark.browser
def test_the_problem_report_link_carries_its_chinese_words_to_the_form(page, site_url: str) -> None:
    """The link keeps Chinese as characters (smaller pages); the browser sends them encoded."""
    page.goto(f"{site_url}/zh/situations/refund-refused/")
    label = KB.of(UI)["report_problem"].zh
    body = page.get_by_role("link", name=label).evaluate("a => new URL(a.href).searchParams.get('body')")
    assert body.startswith("页面：zh/situations/refund-refused.md\n数据：complaint_types/refund-refused\n")
