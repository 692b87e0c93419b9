"""Owns `make export`: PDF booklets, leaflets, one-page checklists and offline zips in
site/downloads/."""
from __future__ import annotations

import resource
import shutil
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import UI
from redress.languages import LANGS
from redress.outputs.build import run_mkdocs, swap_into_place, write_root_files
from redress.outputs.chromium import Printing, PrintTask
from redress.outputs.language_plans import LanguagePlans, language_plans
from redress.outputs.print_batches import PrintBatch
from redress.outputs.printed import BookletPrint, leaflet_batches, variant_pdf, variants
from redress.pages.rendering import render
from redress.pages.views.standalone import downloads_page


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
        with step("PDF files, the offline sites beside them"):
            print_beside_offline_sites(root, plans, offline, staging, kinds)
        for lang in LANGS:
            with step(f"offline bundle ({lang})", kinds, "zips"):
                zip_bundle(offline, lang, staging / f"redress-offline-{lang}.zip", kb)
        write_downloads_page(kb, staging)
        swap_into_place(staging, site / "downloads")
    finally:
        shutil.rmtree(offline.parent, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
    print(written(site / "downloads"), flush=True)
    print("\n".join(kinds.lines(site / "downloads")), flush=True)
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
KIND_FILES = {"offline": "offline/*", "booklets": "redress-*.pdf", "leaflets": "leaflets/**/*.pdf",
              "checklists": "checklists/**/*.pdf", "zips": "*.zip"}


@dataclass
class KindTimes:
    """Seconds spent on each kind of artefact; printing in two browsers at once adds both
    browsers' seconds."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 0.0))
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 0.0))

    def add(self, kind: str, seconds: float, cpu: float = 0.0) -> None:
        self.seconds[kind] += seconds
        self.cpu[kind] += cpu

    def lines(self, downloads: Path) -> list[str]:
        """A line a kind: its seconds, the CPU it used where measured (the same on a busy
        machine), and how many files of it the downloads hold."""
        return [f"⏱ {KINDS[kind]}: {seconds:.1f} s"
                + (f" (CPU {self.cpu[kind]:.1f} s)" if self.cpu[kind] else "")
                + (f", {count} files" if (count := len(list(downloads.glob(KIND_FILES[kind])))) else "")
                for kind, seconds in self.seconds.items()]


@contextmanager
def step(name: str, kinds: KindTimes | None = None, kind: str = "") -> Iterator[None]:
    """Say what is being made, then how long it took (exports take a while)."""
    print(f"… {name}", flush=True)
    started = time.perf_counter()
    yield
    print(f"✓ {name}: {time.perf_counter() - started:.1f} s", flush=True)
    if kinds is not None:
        kinds.add(kind, time.perf_counter() - started)


def print_beside_offline_sites(root: Path, plans: LanguagePlans, offline: Path, out: Path,
                               kinds: KindTimes) -> None:
    """The booklets and leaflets are the core's own pages: the browsers print them while the
    offline sites build, and the checklists (pages of those sites) once they are."""
    kb = plans.kb
    own, of_site = print_tasks(kb, root, offline, out)
    with Printing(kb.data_date, own + of_site) as printing:
        printing.start(own)
        with step("offline sites (zh, en)", kinds, "offline"):
            cpu = builds_cpu()
            failures = run_mkdocs(root, offline, plans, {"OFFLINE": "true"})  # read by the configs
            if failures:
                raise RuntimeError("\n".join(failures.values()))
            write_root_files(kb, offline, offline=True)
            kinds.add("offline", 0.0, builds_cpu() - cpu)
        printing.start(of_site)
        for done in printing.finish():
            print(f"✓ {done.name}: {done.seconds:.1f} s (CPU {done.cpu:.1f} s)", flush=True)
            kinds.add(done.kind, done.seconds, done.cpu)


def builds_cpu() -> float:
    """The CPU of the child processes that have ended (the language builds, once done)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def print_tasks(kb: KnowledgeBase, root: Path, offline: Path,
                out: Path) -> tuple[list[PrintTask], list[PrintTask]]:
    """What the browsers print, the longest first: the booklets (each two prints) and the
    leaflets, the bilingual ones (zh-en, the last of LEAFLET_LANGS) first, which need no
    site; then the checklists, pages of the offline site. Each leaflet and checklist kind and
    language is one batch, printed as one document and cut apart."""
    work = offline.parent / "print"
    own: list[PrintTask] = [BookletPrint(kb, root, lang, work, out / f"redress-{lang}.pdf")
                            for lang in LANGS]
    own += reversed(leaflet_batches(kb, root, work, out))
    return own, [checklist_batch(kb, offline, out, folder) for folder in ("zh-en", "zh", "en")]


def checklist_batch(kb: KnowledgeBase, offline: Path, out: Path, folder: str) -> PrintBatch:
    """The one-page checklists, general and for each platform, as pages of the offline site
    (the offline plugin's layout: checklists/<id>.html, <id>/<platform>.html; the bilingual
    ones end in -zh-en and are printed from the zh site)."""
    lang = "zh" if folder == "zh-en" else folder
    suffix = "-zh-en" if folder == "zh-en" else ""
    site = offline / lang / "checklists"
    sources = tuple(site / (f"{cid}/{p.id}{suffix}.html" if p else f"{cid}{suffix}.html")
                    for cid, p in variants(kb))
    targets = tuple(variant_pdf(out / "checklists" / folder, cid, p) for cid, p in variants(kb))
    return PrintBatch("checklists", f"{len(sources)} checklist PDFs ({folder})", sources, targets)


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

