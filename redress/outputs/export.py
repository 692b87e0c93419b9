"""Owns `make export`: PDF booklets, leaflets, one-page checklists and offline zips in
site/downloads/."""
from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import shutil
import signal
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import SITUATIONS, UI
from redress.languages import LANGS
from redress.outputs.build import run_mkdocs, swap_into_place, write_root_files
from redress.outputs.language_plans import language_plans
from redress.outputs.pdf_dates import stamp_pdf
from redress.outputs.printed import PrintJob, booklet_job, leaflet_jobs, page_numbers, print_job
from redress.pages.rendering import render
from redress.pages.views.standalone import downloads_page

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = os.environ.get("REDRESS_CHROMIUM") or "/usr/bin/chromium"  # Debian's, never a download
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


def export(root: Path, site: Path, data_root: Path | None = None) -> int:
    """Everything for consumer associations; the old downloads stay until the new ones are whole."""
    # The data is loaded here, once, and raises DataProblems before anything is written.
    plans = language_plans(root, data_root or root, directory_urls=False)
    kb = plans.kb
    staging = site / "downloads.new"
    shutil.rmtree(staging, ignore_errors=True)
    offline = staging.parent / "offline.tmp" / "redress-offline"
    shutil.rmtree(offline.parent, ignore_errors=True)
    kinds = KindTimes()
    try:
        with step("offline sites (zh, en)", kinds, "offline"):
            failures = run_mkdocs(root, offline, plans, {"OFFLINE": "true"})  # read by the configs
            if failures:
                raise RuntimeError("\n".join(failures.values()))
            write_root_files(kb, offline, offline=True)
        with step("PDF files"):
            try:
                write_pdfs(kb, root, offline, staging, kinds)
            except Exception as failure:  # Playwright's errors have no common base to name
                raise RuntimeError(f"printing the PDFs failed: {failure}") from failure
        for lang in LANGS:
            with step(f"offline bundle ({lang})", kinds, "zips"):
                zip_bundle(offline, lang, staging / f"redress-offline-{lang}.zip", kb)
        write_downloads_page(kb, staging)
        swap_into_place(staging, site / "downloads")
    finally:
        shutil.rmtree(offline.parent, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
    print(written(site / "downloads"), flush=True)
    print("\n".join(kinds.lines()), flush=True)
    return 0


def written(downloads: Path) -> str:
    """What the export wrote, and where: a last line a person can act on."""
    files = [p for p in downloads.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    pdfs = sum(p.suffix == ".pdf" for p in files)
    zips = sum(p.suffix == ".zip" for p in files)
    return (f"写好了 / wrote {downloads}: {pdfs} PDF, {zips} zip, {len(files)} files, {size:.1f} MB "
            f"(open {downloads / 'index.html'})")


# Each kind of artefact as the last lines of an export name it: what to speed up as it grows.
KINDS = {"offline": "离线网站 / offline sites", "booklets": "小册子 / booklets",
         "leaflets": "传单 / leaflets", "checklists": "清单 / checklists", "zips": "离线包 / zips"}


@dataclass
class KindTimes:
    """Seconds spent on each kind of artefact; printing in two browsers at once adds both."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 0.0))

    def add(self, kind: str, seconds: float) -> None:
        self.seconds[kind] += seconds

    def lines(self) -> list[str]:
        return [f"⏱ {KINDS[kind]}: {seconds:.1f} s" for kind, seconds in self.seconds.items()]


@contextmanager
def step(name: str, kinds: KindTimes | None = None, kind: str = "") -> Iterator[None]:
    """Say what is being made, then how long it took (exports take a while)."""
    print(f"… {name}", flush=True)
    started = time.perf_counter()
    yield
    print(f"✓ {name}: {time.perf_counter() - started:.1f} s", flush=True)
    if kinds is not None:
        kinds.add(kind, time.perf_counter() - started)


Jobs = list[PrintJob]


def write_pdfs(kb: KnowledgeBase, root: Path, offline: Path, out: Path, kinds: KindTimes) -> None:
    """Each language's PDFs in a browser of its own, the two side by side on the two cores, in
    two rounds: the booklets' first prints with everything else, then (their page numbers
    found) the booklets; then how long each kind of PDF took (what to speed up as it grows)."""
    work = offline.parent / "print"
    first = {lang: booklet_job(kb, root, lang, work / f"booklet-{lang}.html",
                               work / f"booklet-{lang}.pdf", None) for lang in LANGS}
    jobs: dict[str, list[tuple[str, Jobs]]] = {lang: [(
        f"booklet page numbers ({lang})", [PrintJob(first[lang].source, first[lang].target)])]
        for lang in LANGS}
    leaflets = leaflet_jobs(kb, root, work, out)
    for lang in LANGS:
        jobs[lang] += [(f"{len(leaflets[lang])} leaflet PDFs ({lang})", leaflets[lang]),
                       (f"{len(kb.of(SITUATIONS))} checklist PDFs ({lang})",
                        checklists(kb, offline, out, lang, lang))]
    # The bilingual checklists and leaflets are printed from zh pages, in the zh browser: the
    # en booklet alone takes as long as the zh one and the zh checklists (make bench).
    jobs["zh"] += [(f"{len(leaflets['zh-en'])} leaflet PDFs (zh-en)", leaflets["zh-en"]),
                   (f"{len(kb.of(SITUATIONS))} checklist PDFs (zh-en)",
                    checklists(kb, offline, out, "zh", "zh-en"))]
    timings = print_in_parallel(kb.data_date, list(jobs.values()))
    finals = [[(f"PDF booklet ({lang})", [booklet_job(
        kb, root, lang, work / f"booklet-{lang}-final.html", out / f"redress-{lang}.pdf",
        page_numbers(first[lang]))])] for lang in LANGS]
    timings += print_in_parallel(kb.data_date, finals)
    for name, seconds in timings:
        print(f"✓ {name}: {seconds:.1f} s", flush=True)
        kinds.add(next(kind for kind in KINDS if kind in name or kind[:-1] in name), seconds)


def checklists(kb: KnowledgeBase, offline: Path, out: Path, lang: str, folder: str) -> Jobs:
    """The one-page checklists, pages of the offline site (zh-en: `<id>-zh-en.html` in zh)."""
    suffix = "-zh-en" if folder == "zh-en" else ""
    return [PrintJob(offline / lang / "checklists" / f"{cid}{suffix}.html",
                     out / "checklists" / folder / f"{cid}.pdf") for cid in kb.of(SITUATIONS)]


def print_in_parallel(day: datetime.date,
                      workers: list[list[tuple[str, Jobs]]]) -> list[tuple[str, float]]:
    # multiprocessing's Pool, not concurrent.futures: leaving its block on an error or an
    # interruption terminates the workers (the executor would wait for them to finish).
    with multiprocessing.Pool(processes=len(workers), initializer=quietly_ended) as pool:
        timings = pool.map(functools.partial(print_pages, day), workers)
    return [timing for worker in timings for timing in worker]


def quietly_ended() -> None:
    """A worker ends at once, without a traceback, when the export is interrupted (it was
    forked with the parent's handlers, which unwind the parent)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def print_pages(day: datetime.date, groups: list[tuple[str, Jobs]]) -> list[tuple[str, float]]:
    """Print every group's pages in one browser, dated `day`; seconds each group took."""
    from playwright.sync_api import sync_playwright  # only export needs a browser

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        total, number = sum(len(jobs) for _, jobs in groups), 0
        for name, jobs in groups:
            started = time.perf_counter()
            for job in jobs:
                # Without a footer, as the checklists always printed (and the booklets' first
                # prints, which only find the pages: their layout is the final one's).
                if job.footer is None:
                    print_page(page, job.source, job.target, day)
                else:
                    print_job(page, job, day)
                # Each browser counts its own share; the two run side by side and print as they go.
                number += 1
                parent = job.target.parent.name
                folder = "" if parent in ("downloads.new", "print") else f"{parent}/"
                print(f"  PDF {number}/{total}: {folder}{job.target.name}", flush=True)
            timings.append((name, time.perf_counter() - started))
        browser.close()
    return timings


def print_page(page: Page, source: Path, target: Path, day: datetime.date) -> None:
    """Open one page from disk and print it as the page's own print CSS lays it out (A4,
    page numbers in the margin), dated by the data (`day`), not by the clock."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page.goto(source.as_uri(), wait_until="load")
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
    stamp_pdf(target, day)


def zip_bundle(offline: Path, lang: str, target: Path, kb: KnowledgeBase) -> None:
    """A zip that works unpacked anywhere; both zips unpack into one folder side by side."""
    stamp = (kb.data_date.year, kb.data_date.month, kb.data_date.day, 0, 0, 0)
    files = [offline / "index.html", *sorted(p for p in (offline / lang).rglob("*") if p.is_file())]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(offline.parent).as_posix(), stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())


def write_downloads_page(kb: KnowledgeBase, downloads: Path) -> None:
    files = {name: (downloads / name).stat().st_size for name in
             sorted(str(p.relative_to(downloads)) for p in downloads.rglob("*") if p.is_file())}
    page = render("downloads.html.j2", "zh", kb.of(UI), downloads_page(kb, files))
    (downloads / "index.html").write_text(page, encoding="utf-8")

