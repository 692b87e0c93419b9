"""Owns building the whole site: load once, build both languages side by side, swap into place."""
from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import UI
from redress.outputs.dataset import write_dataset
from redress.outputs.language_plans import LanguagePlans, language_plans
from redress.outputs.mkdocs_configs import CONFIGS
from redress.outputs.one_at_a_time import ending_children
from redress.pages.plan_source import hand_over
from redress.pages.rendering import render
from redress.pages.views.standalone import downloads_page, root_index


def build_site(root: Path, out: Path, data_root: Path | None = None) -> int:
    """Build into a staging folder beside `out`; replace `out` only when everything succeeded."""
    started = time.perf_counter()
    # The data is loaded here, once, and raises DataProblems before anything is written.
    plans = language_plans(root, data_root or root, directory_urls=True)
    staging = out.with_name(out.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        failures = run_mkdocs(root, staging, plans)
        for lang, output in failures.items():
            print(f"--- build of the {lang} site failed ---\n{output}", file=sys.stderr)
        if failures:
            return 1
        write_root_files(plans.kb, staging)
        keep_downloads(plans.kb, out, staging)
        swap_into_place(staging, out)
    finally:  # failed, interrupted or done: no half-built folder stays behind
        shutil.rmtree(staging, ignore_errors=True)
    print(f"built {out} in {time.perf_counter() - started:.1f} s")
    return 0


def environment_for(kb: KnowledgeBase) -> dict[str, str]:
    """MkDocs' own settings: timestamps come from the data, never the clock, so two builds are
    byte-identical; no notice about MkDocs 2."""
    midnight = datetime.datetime.combine(kb.data_date, datetime.time(), datetime.UTC)
    return {**os.environ, "SOURCE_DATE_EPOCH": str(int(midnight.timestamp())),
            "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def run_mkdocs(root: Path, staging: Path, plans: LanguagePlans,
               settings: dict[str, str] | None = None) -> dict[str, str]:
    """Both languages at once (one per core), each taking the plan handed over to it instead of
    loading the data again; returns the output of each build that failed.

    Never pass --quiet: it drops the warnings that --strict counts, and broken links pass.
    """
    running: dict[str, subprocess.Popen[str]] = {}
    with (tempfile.TemporaryDirectory(prefix="redress-plans-") as handoff,
          ending_children(lambda: list(running.values()))):
        env = {**environment_for(plans.kb), **(settings or {}),
               **hand_over(Path(handoff), plans.by_request())}
        for lang in plans.plans:
            running[lang] = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", CONFIGS[lang],
                 "-d", str(staging / lang)],
                cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        outputs = {lang: process.communicate()[0] for lang, process in running.items()}
    return {lang: outputs[lang] for lang, process in running.items() if process.returncode}


def write_root_files(kb: KnowledgeBase, staging: Path, offline: bool = False) -> None:
    """The page at the top that offers both languages, and the open dataset."""
    index_file = "index.html" if offline else ""  # from disk a folder link must name the file
    page = render("root_index.html.j2", "zh", kb.of(UI), root_index(index_file))
    (staging / "index.html").write_text(page, encoding="utf-8")
    write_dataset(kb, staging / "data")


def keep_downloads(kb: KnowledgeBase, out: Path, staging: Path) -> None:
    """Exports are made separately (make export); a rebuild keeps the last ones, or says that
    there are none yet (the home page links the downloads page either way)."""
    if (out / "downloads").is_dir():
        shutil.copytree(out / "downloads", staging / "downloads")
    else:
        (staging / "downloads").mkdir()
        page = render("downloads.html.j2", "zh", kb.of(UI), downloads_page(kb, files={}))
        (staging / "downloads" / "index.html").write_text(page, encoding="utf-8")


def swap_into_place(staging: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
