"""Owns the printed booklet and leaflets: their pages written from the core's templates (a
leaflet for every situation and for every platform), the page numbers found in a first print,
and how Chromium prints them (footer, tags)."""
from __future__ import annotations

import datetime
import functools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redress.data.knowledge_base import KnowledgeBase
from redress.data.platform_models import Platform
from redress.data.registry import SITUATIONS, UI
from redress.languages import Lang
from redress.outputs.mkdocs_configs import language_config
from redress.outputs.pdf_dates import stamp_pdf
from redress.outputs.print_batches import PrintBatch
from redress.pages.rendering import TEMPLATES, render
from redress.pages.views.platforms import platforms_with_situations
from redress.pages.views.printed import PageNumbers, address, booklet, leaflet

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from playwright.sync_api import Page

LEAFLET_LANGS: dict[str, tuple[Lang, ...]] = {"zh": ("zh",), "en": ("en",), "zh-en": ("zh", "en")}
MARK = re.compile(r"@@([a-z0-9-]+)@@")
STYLESHEET = TEMPLATES / "print" / "print.css"


@dataclass(frozen=True)
class PrintJob:
    """A page on disk, the PDF to print it into, and Chromium's footer for it (none: the page's
    own print CSS alone, as the checklists print)."""

    source: Path
    target: Path
    footer: str | None = None
    outline: bool = False


def site_url(root: Path, lang: Lang) -> str:
    """The published site's address, from the config (what MkDocs would read, !ENV included)."""
    return str(language_config(root, lang)["site_url"])


def footer(kb: KnowledgeBase, root: Path, lang: Lang) -> str:
    """The booklet's footer: the site's address and QR code, the page number."""
    return render("print/footer.html.j2", lang, kb.of(UI), None, home=address(site_url(root, lang)))


def write_page(folder: Path, source: Path, template: str, lang: Lang, kb: KnowledgeBase,
               view: DataclassInstance) -> None:
    """One page to print, linking the print stylesheet, copied once into `folder`."""
    css = folder / "print.css"
    if not css.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STYLESHEET, css)
    source.parent.mkdir(parents=True, exist_ok=True)
    href = Path(os.path.relpath(css, source.parent)).as_posix()
    source.write_text(render(template, lang, kb.of(UI), view, stylesheet=href), encoding="utf-8")


def variants(kb: KnowledgeBase) -> list[tuple[str, Platform | None]]:
    """Every situation, then every situation for every platform: what a leaflet or a checklist
    is printed for."""
    return [(cid, None) for cid in kb.of(SITUATIONS)] + [
        (situation.id, platform) for situation, platform in platforms_with_situations(kb)]


def variant_pdf(folder: Path, situation_id: str, platform: Platform | None) -> Path:
    """<folder>/<id>.pdf, or <folder>/<platform>/<id>.pdf for a platform's."""
    return folder / platform.id / f"{situation_id}.pdf" if platform else folder / f"{situation_id}.pdf"


def leaflet_batches(kb: KnowledgeBase, root: Path, folder: Path, out: Path) -> list[PrintBatch]:
    """Every situation's leaflet, general and for each platform, in zh, en and zh-en: one
    batch a language, whose pages its browser writes before printing them."""
    batches = []
    for name, langs in LEAFLET_LANGS.items():
        sources = tuple(folder / "leaflets" / name / f"{cid}{'--' + p.id if p else ''}.html"
                        for cid, p in variants(kb))
        targets = tuple(variant_pdf(out / "leaflets" / name, cid, p) for cid, p in variants(kb))
        write = functools.partial(write_leaflets, kb, root, folder, sources, langs)
        batches.append(PrintBatch("leaflets", f"{len(sources)} leaflet PDFs ({name})", sources,
                                  targets, write))
    return batches


def write_leaflets(kb: KnowledgeBase, root: Path, folder: Path, sources: tuple[Path, ...],
                   langs: tuple[Lang, ...]) -> None:
    """The leaflet pages of one batch (in `variants` order, as its sources are)."""
    url = site_url(root, langs[0])
    for source, (cid, platform) in zip(sources, variants(kb), strict=True):
        write_page(folder, source, "print/leaflet.html.j2", langs[0], kb,
                   leaflet(kb, url, cid, langs, platform))


@dataclass(frozen=True)
class BookletPrint:
    """The booklet in one language, printed twice by one browser: the first print finds each
    anchor's page, the second prints the numbers (ARCHITECTURE: page numbers)."""

    kb: KnowledgeBase
    root: Path
    lang: Lang
    work: Path
    target: Path
    kind: str = "booklets"
    count: int = 1

    @property
    def name(self) -> str:
        return f"PDF booklet ({self.lang})"

    def run(self, tab: Page, day: datetime.date) -> None:
        first = booklet_job(self.kb, self.root, self.lang, self.work / f"booklet-{self.lang}.html",
                            self.work / f"booklet-{self.lang}.pdf", None)
        print_page(tab, first.source, first.target, day)
        final = booklet_job(self.kb, self.root, self.lang, self.work / f"booklet-{self.lang}-final.html",
                            self.target, page_numbers(first))
        print_job(tab, final, day)


def booklet_job(kb: KnowledgeBase, root: Path, lang: Lang, source: Path, target: Path,
                numbers: dict[str, int] | None) -> PrintJob:
    """The booklet as a page to print: with anchor marks and blank page numbers for the first
    print (numbers None), with the numbers that print found for the second."""
    pages = PageNumbers(numbers or {}, marks=numbers is None)
    write_page(source.parent, source, "print/booklet.html.j2", lang, kb,
               booklet(kb, site_url(root, lang), pages))
    return PrintJob(source, target, footer(kb, root, lang), outline=True)


def page_numbers(first: PrintJob) -> dict[str, int]:
    """Each anchor's page in a first print: the page whose text holds its mark (pdftotext
    separates pages with a form feed); every mark of the page must be found."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(first.target), "-"],
                          capture_output=True, text=True, check=True).stdout
    found: dict[str, int] = {}
    for number, page in enumerate(text.split("\f"), start=1):
        for anchor in MARK.findall(page):
            found.setdefault(anchor, number)
    missing = set(MARK.findall(first.source.read_text(encoding="utf-8"))) - set(found)
    if missing:
        raise RuntimeError(f"the booklet's first print lost the marks of {sorted(missing)}")
    return found


def print_job(page: Page, job: PrintJob, day: datetime.date) -> None:
    """Print one page from disk to A4 as its print CSS lays it out, tagged (readable aloud),
    with the footer Chromium draws in the bottom margin, dated by the data."""
    job.target.parent.mkdir(parents=True, exist_ok=True)
    page.goto(job.source.as_uri(), wait_until="load")
    page.pdf(path=str(job.target), format="A4", prefer_css_page_size=True, tagged=True,
             outline=job.outline, display_header_footer=True, header_template="<span></span>",
             footer_template=job.footer or "<span></span>")
    stamp_pdf(job.target, day)


def print_page(page: Page, source: Path, target: Path, day: datetime.date) -> None:
    """Open one page from disk and print it as the page's own print CSS lays it out, without a
    footer (the booklet's first print: its layout is the final one's), dated by the data."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page.goto(source.as_uri(), wait_until="load")
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
    stamp_pdf(target, day)
