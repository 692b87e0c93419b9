"""Owns printing many documents in one Chromium call: the one page made of their pages, and its
PDF cut into one file each (outputs/pdf_cut.py), dated by the data.

Each print costs Chromium about 0.3 s of CPU whatever it holds (0.04 s a leaflet more), so the
1,350 leaflets and checklists are printed as six documents, one a kind and language, and cut
apart where each document's first heading is (Chromium's outline). Every document starts on a
page of its own, so its pages are the same as when it was printed alone.
"""
from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from redress.outputs.pdf_cut import Batch
from redress.outputs.pdf_dates import stamped
from redress.outputs.pdf_objects import read_pdf
from redress.pages.rendering import render

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Where a printed page's own content is: a site page's article (a checklist), else its body.
ARTICLE = re.compile(r'(<article\b[^>]*>)(.*?)(</article>)', re.S)
BODY = re.compile(r'(<body\b(?:[^>]*?\bclass="([^"]*)")?[^>]*>)(.*)(</body>)', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class PrintBatch:
    """Documents printed as one and cut apart: each one's page on disk and its PDF."""

    kind: str  # a kind of artefact, as export.KINDS names them
    name: str
    sources: tuple[Path, ...]
    targets: tuple[Path, ...]
    prepare: Callable[[], None] | None = None  # writes the sources first (in the browser's process)

    @property
    def count(self) -> int:
        return len(self.targets)

    def run(self, tab: Page, day: datetime.date) -> None:
        if self.prepare is not None:
            self.prepare()
        print_batch(tab, self, day)

    @property
    def page(self) -> Path:
        """The batch's page, beside the first document's, so that its links (the stylesheet,
        the site's assets) resolve as that one's do; removed once it is cut."""
        return self.sources[0].with_name(f"print-batch-{self.sources[0].stem}.html")


@dataclass(frozen=True)
class BatchPart:
    """One document's content inside the batch page, with its own body's classes."""

    classes: str
    content: Markup


@dataclass(frozen=True)
class BatchPage:
    """print/batch.html.j2: the first document's page around every document's content."""

    before: Markup
    parts: tuple[BatchPart, ...]
    after: Markup


def content_of(page: str) -> tuple[str, BatchPart, str]:
    """A printed page cut around its content: what comes before, the content, what after."""
    article = ARTICLE.search(page)
    if article:
        return (page[:article.end(1)], BatchPart("", Markup(article.group(2))),
                page[article.start(3):])
    body = BODY.search(page)
    if body is None:
        raise ValueError("a page to print with neither an <article> nor a <body>")
    return page[:body.end(1)], BatchPart(body.group(2) or "", Markup(body.group(3))), page[body.start(4):]


def write_batch_page(batch: PrintBatch) -> None:
    pages = [source.read_text(encoding="utf-8") for source in batch.sources]
    before, _, after = content_of(pages[0])
    view = BatchPage(Markup(before), tuple(content_of(page)[1] for page in pages), Markup(after))
    # The batch page prints no label of its own, so it is given none.
    batch.page.write_text(render("print/batch.html.j2", "zh", {}, view), encoding="utf-8")


def print_batch(tab: Page, batch: PrintBatch, day: datetime.date) -> None:
    """Print the batch in one call (tagged, with an outline, which says where each document
    starts), then cut it into each document's PDF."""
    printed = batch.page.with_suffix(".pdf")
    try:
        write_batch_page(batch)
        tab.goto(batch.page.as_uri(), wait_until="load")
        tab.pdf(path=str(printed), format="A4", prefer_css_page_size=True, tagged=True, outline=True)
        cut_batch(batch, printed, day)
    finally:
        batch.page.unlink(missing_ok=True)
        printed.unlink(missing_ok=True)


def cut_batch(batch: PrintBatch, printed: Path, day: datetime.date) -> None:
    """Each document's pages into its own PDF: a document starts at its first `<h1>`'s page
    (each of its `<h1>`s is one top-level entry of the outline, in order)."""
    pdf = read_pdf(printed.read_bytes())
    pages = [source.read_text(encoding="utf-8") for source in batch.sources]
    headings = [content_of(page)[1].content.count("<h1") for page in pages]
    entries = pdf.outline_pages()
    if len(entries) != sum(headings) or 0 in headings:
        raise RuntimeError(f"{batch.name}: the print's outline has {len(entries)} headings, "
                           f"the pages {sum(headings)}; cannot tell where each document starts")
    starts = [entries[i] for i in accumulate(headings[:-1], initial=0)] + [len(pdf.pages)]
    if any(end <= start for start, end in pairwise(starts)):
        raise RuntimeError(f"{batch.name}: two documents start on one page")
    cutter = Batch(pdf)
    for i, target in enumerate(batch.targets):
        target.parent.mkdir(parents=True, exist_ok=True)
        title = TITLE.search(pages[i])
        cut = cutter.cut(starts[i], starts[i + 1], html.unescape(title.group(1)) if title else target.stem)
        target.write_bytes(stamped(cut, day, target.name))
