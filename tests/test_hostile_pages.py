"""Every accepted hostile text, in the prose and the data of one site, stays text in Chromium:
every page of both languages opened, every link and button of its article clicked, search
opened on a payload; no dialog, no script error, no request to another host."""
from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from conftest import open_chromium, refuse_other_hosts, run_redress, serving
from test_hostile import INERT
from test_loading import edit

from redress.data.loading import load_knowledge_base

pytestmark = [pytest.mark.site, pytest.mark.browser]

# Fields of the minimal data, by the text they hold there, that take a payload each in turn:
# one of every kind of place a data text is shown (a list item, an evidence line, a rung, a
# quotation's meaning, a deadline, the tree widget's JSON, a page's <meta> description).
FIELDS = [
    ("data/evidence.yml", "Take them yourself"), ("data/evidence.yml", "自己拍摄"),
    ("data/evidence.yml", "Shows what the goods look like."), ("data/evidence.yml", "证明东西的样子。"),
    ("data/evidence.yml", "Shows what the seller told you."),
    ("data/complaint_types.yml", "Price back plus three times."),
    ("data/complaint_types.yml", "退一赔三。"),
    ("data/complaint_types.yml", "Hello, the item is fake."),
    ("data/complaint_types.yml", "您好，商品是假货。"),
    ("data/complaint_types.yml", "A fault is a fault, opened or not."),
    ("data/complaint_types.yml", "It differs from the counter's."),
    ("data/complaint_types.yml", "Ask for refund and compensation."),
    ("data/topics.yml", "从联系卖家到上法院。"),
    ("data/decision_tree.yml", "哪里不对？"), ("data/decision_tree.yml", "It's fake"),
    ("data/decision_tree.yml", "What you received is not genuine."),
    ("data/channels.yml", "Start with the seller, from the order."),
    ("data/channels.yml", "Open the order and tap Contact seller."),
    ("data/deadlines.yml", "the day you receive the goods"),
    ("data/legal_bases.yml", "the seller pays the postage."),
]
ATTRIBUTE = '" onmouseover="alert(1)" x="'
# Texts the theme prints inside attributes: each once with a quote that would end it.
PLACED = [
    ("data/ui_strings.yml", "Redress", f"Redress{ATTRIBUTE}"),  # the site name, its first use
    ("data/complaint_types.yml", "What arrived is fake.",
     '0;url=https://evil.example/" http-equiv="refresh'),  # the page's <meta> description
    ("data/topics.yml", "From the seller to the court.", f"The court{ATTRIBUTE}"),
    ("data/complaint_types.yml", "Counterfeit goods", f"Counterfeit {ATTRIBUTE} & <3 🙂 مرحبا"),
    ("data/decision_tree.yml", "What is wrong with it?", f"What{ATTRIBUTE}'); alert(1); ('"),
]
PROSE = ["guides/en/counterfeit.md", "guides/zh/counterfeit.md",
         "guides/en/topics/complaint-process.md", "guides/zh/topics/complaint-process.md"]
ARTICLE = "article a[href], article button"
# What the page must not hold, whatever the data said: an event handler, a javascript: address,
# a pragma that reloads or redirects. Looked for on every page, as a walk that moves on at once
# may leave a handler unhovered or a refresh's timer unfired.
ACTIVE = """() => [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]
    .filter(a => a.name.startsWith('on') || a.name === 'http-equiv' ||
                 (['href', 'src', 'action'].includes(a.name) && /^\\s*javascript:/i.test(a.value)))
    .map(a => `${element.tagName} ${a.name}=${a.value.slice(0, 60)}`))"""


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plant(project: Path) -> None:
    """Every payload in four prose files, and one in each field of the data."""
    for name in PROSE:
        (project / name).write_text("A plain first line.\n\n" + "\n\n".join(INERT) + "\n",
                                    encoding="utf-8")
    for (name, old), payload in zip(FIELDS, itertools.cycle(INERT), strict=False):
        edit(project, name, old, quoted(payload))
    for name, old, payload in PLACED:
        edit(project, name, old, quoted(payload))
    load_knowledge_base(project)  # every payload is accepted


def pages_of(site: Path) -> list[str]:
    return sorted(page.relative_to(site).as_posix().removesuffix("index.html")
                  for lang in ("zh", "en") for page in (site / lang).rglob("*.html")
                  if page.name in ("index.html", "404.html") and "assets" not in page.parts)


def click(target: object) -> None:
    """A reader's click; a link inside a closed <details> is opened first, one shown only on
    paper is clicked by script."""
    target.evaluate("""e => { for (let d = e.closest('details'); d;
                               d = d.parentElement.closest('details')) d.open = true; }""")
    if target.is_visible():
        target.click()
    else:
        target.dispatch_event("click")


def walk(tab: object, address: str, site_url: str, walked: set[str], elsewhere: set[str]) -> list[str]:
    """Open a page, then click each link and button of its article (each distinct one once),
    on the page as it loaded; a link to another host is recorded, never followed, and a link
    to another page that is walked itself is left to that page's own walk (following it only
    loads it: 9 clicks in 10, and most of this test's time). Returns what the page holds active."""
    tab.goto(address)
    active = [f"{address}: {found}" for found in tab.evaluate(ACTIVE)]
    targets = tab.locator(ARTICLE).evaluate_all(
        "elements => elements.map(e => [e.outerHTML, e.href || ''])")
    for index, (html, href) in enumerate(targets):
        if [html, href] in targets[:index]:
            continue
        if href and not href.startswith(site_url + "/"):
            elsewhere.add(href)
            continue
        if urldefrag(href).url in walked and urldefrag(href).url != address:
            continue
        if urldefrag(tab.url).url != address:  # the last click went to another page
            tab.goto(address)
        click(tab.locator(ARTICLE).nth(index))
        tab.wait_for_load_state()
        tab.wait_for_timeout(50)  # the page's scripts run after it loads
    return active


def search(tab: object, site_url: str, lang: str, query: str) -> int:
    """Search opened on a payload's word, its results shown and pointed at."""
    tab.goto(f"{site_url}/{lang}/")
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(query)
    results = tab.locator(".md-search-result__list > li")
    results.first.wait_for(timeout=15_000)
    for result in results.all():
        result.hover()
    return results.count()


def build_planted(project: Path, out: Path, site_url: str) -> None:
    plant(project)
    env = {"REDRESS_SITE_URL_ZH": f"{site_url}/zh/", "REDRESS_SITE_URL_EN": f"{site_url}/en/"}
    result = run_redress("--root", str(project), "build", "--out", str(out), env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_accepted_payload_stays_text_on_every_page_and_every_click(
        minimal_copy: Path, tmp_path: Path, playwright) -> None:
    out = tmp_path / "site"
    with serving(out) as site_url:
        build_planted(minimal_copy, out, site_url)
        context = open_chromium(playwright, tmp_path / "profile")
        tab = context.new_page()
        refused = refuse_other_hosts(tab, site_url)
        dialogs: list[str] = []
        errors: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.on("pageerror", lambda error: errors.append(f"{tab.url}: {error}"))
        elsewhere: set[str] = set()
        try:
            pages = pages_of(out)
            walked = {f"{site_url}/{page}" for page in pages}
            active = [found for page in pages
                      for found in walk(tab, f"{site_url}/{page}", site_url, walked, elsewhere)]
            shown = {lang: article_text(tab, f"{site_url}/{lang}/situations/counterfeit/")
                     for lang in ("zh", "en")}
            results = [search(tab, site_url, lang, "alert") for lang in ("zh", "en")]
        finally:
            context.close()
    # 52 pages, and 2 platform pages, 4 views and 8 platform checklists (4, and 4 bilingual) a language
    assert len(pages) == 80 and all(results)
    assert (dialogs, errors, refused, active) == ([], [], [], [])
    assert "https://example.org/q" in elsewhere and "https://evil.example/" not in elsewhere
    missing = {lang: [seen for seen in INERT.values() if seen not in text]
               for lang, text in shown.items()}
    assert missing == {"zh": [], "en": []}


def article_text(tab: object, address: str) -> str:
    tab.goto(address)
    return " ".join(tab.locator("article").inner_text().split())
