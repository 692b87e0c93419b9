"""The printed booklet and leaflets as the export made them: page counts, page references that
land on their target, no web-only text, each article once, QR codes, tagged PDFs."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import segno
from conftest import ROOT

from redress.data.knowledge_base import KnowledgeBase
from redress.data.loading import load_knowledge_base
from redress.data.numerals import to_chinese
from redress.data.registry import PLATFORMS, SITUATIONS, UI
from redress.outputs.mkdocs_configs import language_config
from redress.outputs.printed import variant_pdf, variants
from redress.pages.qr import qr_svg
from redress.pages.rendering import render
from redress.pages.views.printed import AppendixLaw, PageNumbers, booklet, leaflet

# What only the site says: its "open the box" hint and its "report a problem" link. (A law's
# meaning may say 点开 of the app itself, "能直接点开的入口": that is content, not web-only.)
WEB_ONLY = {"zh": ("点开可以看到", "告诉我们", "本页有错误"),
            "en": ("Open a box", "Tell us", "Something wrong")}
SEE = {"zh": r"\s*·\s*见第\s*(\d+)\s*页", "en": r"\s*·\s*see p\.\s*(\d+)"}


def pages_text(pdf: Path, raw: bool = False) -> list[str]:
    """The PDF's text, page by page (pdftotext ends each page with a form feed); `raw` in the
    order it was drawn, which keeps a Chinese term inside an English line in its place."""
    text = subprocess.run(["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def flat(text: str) -> str:
    """Without spaces, line breaks or hyphens (pdftotext joins a word hyphenated at a line's end)."""
    return "".join(text.split()).replace("-", "")


def heading_on(page: str, heading: str) -> bool:
    """The heading is on the page as a heading: one line, or a long one wrapped over two or three."""
    lines = [line.strip() for line in page.splitlines()]
    return any(" ".join(lines[i:i + n]) == heading for n in (1, 2, 3) for i in range(len(lines)))


def article_name(short: str, article: int, lang: str) -> str:
    return f"{short} 第{to_chinese(article)}条" if lang == "zh" else f"{short} Art. {article}"


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_the_chinese_booklet_is_at_most_150_pages(exported: Path) -> None:
    counts = {lang: len(pages_text(exported / f"redress-{lang}.pdf")) for lang in ("zh", "en")}
    print(f"booklet pages: {counts}")
    assert counts["zh"] <= 150


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_reference_lands_on_its_targets_heading(exported: Path, lang: str) -> None:
    kb = load_knowledge_base(ROOT)
    pages = pages_text(exported / f"redress-{lang}.pdf")
    headings = {article_name(b.law.short.in_(lang), b.basis.article, lang)
                for entry in appendix_of(kb) for b in entry.articles}
    headings |= {c.title.in_(lang) for c in kb.of(SITUATIONS).values()}
    headings.add(kb.of(UI)["print_platforms_title"].in_(lang))  # every guide's ladder refers to it
    checked, wrong = 0, []
    for where, text in enumerate(pages, start=1):
        for heading in headings:
            for number in re.findall(re.escape(heading) + SEE[lang], text):
                checked += 1
                if not heading_on(pages[int(number) - 1], heading):
                    wrong.append(f"p. {where}: {heading} → p. {number}")
    assert checked > 100 and wrong == []


def appendix_of(kb: KnowledgeBase) -> tuple[AppendixLaw, ...]:
    """The articles the booklet's appendix prints, as its view gives them."""
    return booklet(kb, str(language_config(ROOT, "zh")["site_url"]), PageNumbers()).laws


@pytest.mark.site
@pytest.mark.browser
def test_no_web_only_text_is_printed(exported: Path) -> None:
    for lang, words in WEB_ONLY.items():
        pdfs = [exported / f"redress-{lang}.pdf", *sorted((exported / "leaflets" / lang).glob("*.pdf"))]
        for pdf in pdfs:
            text = "\n".join(pages_text(pdf))
            assert [w for w in words if w in text] == [], pdf


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_cited_article_is_printed_in_full_exactly_once(exported: Path, lang: str) -> None:
    kb = load_knowledge_base(ROOT)
    text = flat("".join(pages_text(exported / f"redress-{lang}.pdf", raw=True)))
    articles = [b.basis for entry in appendix_of(kb) for b in entry.articles]
    quotes = [b.quote.zh for b in articles] + ([b.quote.en for b in articles] if lang == "en" else [])
    counts = {quote[:20]: text.count(flat(quote)) for quote in quotes}
    assert len(articles) > 50 and {k: n for k, n in counts.items() if n != 1} == {}


@pytest.mark.site
@pytest.mark.browser
def test_every_leaflet_is_at_most_two_a4_pages(exported: Path) -> None:
    """Every leaflet, general and for each platform (leaflets/<lang>/<platform>/<id>.pdf)."""
    kb = load_knowledge_base(ROOT)
    counts = {str(pdf): pages_of(pdf) for folder in ("zh", "en", "zh-en") for cid, platform in variants(kb)
              for pdf in [variant_pdf(exported / "leaflets" / folder, cid, platform)]}
    print(f"leaflet pages: {Counter(counts.values())}")
    assert len(counts) == 3 * len(kb.of(SITUATIONS)) * (1 + len(kb.of(PLATFORMS)))
    assert max(counts.values()) <= 2


@pytest.mark.site
@pytest.mark.browser
def test_the_leaflets_qr_code_is_the_guides_address_and_the_address_is_printed(
        exported: Path, built_site: Path) -> None:
    kb = load_knowledge_base(ROOT)
    site_url = str(language_config(ROOT, "zh")["site_url"])
    url = f"{site_url.rstrip('/')}/situations/counterfeit/"
    assert (built_site / "zh" / "situations" / "counterfeit" / "index.html").is_file()
    page = render("print/leaflet.html.j2", "zh", kb.of(UI), leaflet(kb, site_url, "counterfeit", ("zh",)),
                  stylesheet="print.css")
    sources = re.findall(r'<img src="([^"]+)"', page)
    expected = segno.make(url, error="m").svg_data_uri(scale=4, border=4)
    assert [s.replace("&#39;", "'") for s in sources] == [expected]
    assert qr_svg(url) == expected
    printed = flat("".join(pages_text(exported / "leaflets" / "zh" / "counterfeit.pdf", raw=True)))
    assert flat(url) in printed


@pytest.mark.site
@pytest.mark.browser
def test_a_platform_leaflets_qr_code_is_its_platform_view_and_it_speaks_the_platforms_words(
        exported: Path, built_site: Path) -> None:
    """The Douyin leaflet's QR code leads to situations/<id>/douyin/ (a page of the built
    site), the general one's to the general guide; it names the first steps as Douyin does,
    with their app paths, and carries Douyin's line against fake customer service."""
    kb = load_knowledge_base(ROOT)
    douyin, site_url = kb.of(PLATFORMS)["douyin"], str(language_config(ROOT, "zh")["site_url"])
    url = f"{site_url.rstrip('/')}/situations/counterfeit/douyin/"
    assert (built_site / "zh" / "situations" / "counterfeit" / "douyin" / "index.html").is_file()
    for platform, expected in ((douyin, url), (None, url.removesuffix("douyin/"))):
        page = render("print/leaflet.html.j2", "zh", kb.of(UI),
                      leaflet(kb, site_url, "counterfeit", ("zh",), platform), stylesheet="print.css")
        sources = [s.replace("&#39;", "'") for s in re.findall(r'<img src="([^"]+)"', page)]
        assert sources == [segno.make(expected, error="m").svg_data_uri(scale=4, border=4)]
    printed = flat("".join(pages_text(exported / "leaflets" / "zh" / "douyin" / "counterfeit.pdf",
                                      raw=True)))
    first = [s.rung for s in kb.of(SITUATIONS)["counterfeit"].ladder[:2]]
    variants_used = [v for v in douyin.rungs if v.rung in first]
    assert flat(url) in printed and flat(douyin.anti_scam.zh) in printed and variants_used
    assert all(flat(v.name.zh) in printed and flat(v.path.zh) in printed
               for v in variants_used if v.path)


@pytest.mark.site
@pytest.mark.browser
def test_the_booklets_and_leaflets_are_tagged_pdfs(exported: Path) -> None:
    """Tagged, and each cut out of its batch holds the structure of its own pages only."""
    for pdf in (exported / "redress-zh.pdf", exported / "redress-en.pdf",
                exported / "leaflets" / "zh-en" / "counterfeit.pdf",
                exported / "leaflets" / "zh" / "douyin" / "counterfeit.pdf",
                exported / "checklists" / "zh-en" / "taobao" / "refund-refused.pdf"):
        assert b"/StructTreeRoot" in pdf.read_bytes(), pdf
    tree = subprocess.run(["pdfinfo", "-struct-text", str(exported / "leaflets" / "zh" / "douyin" / "counterfeit.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert "H1" in tree and tree.count('"扫码看在线版"') == 1  # one leaflet's structure, not the batch's
