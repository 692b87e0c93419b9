"""Owns building the whole site: load once, build both languages side by side, swap into place."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import UI
from redress.outputs.dataset import write_dataset
from redress.outputs.language_plans import LanguagePlans, language_plans
from redress.outputs.mkdocs_configs import CONFIGS
from redress.outputs.one_at_a_time import ending_children
from redress.pages.plan import date_epoch
from redress.pages.plan_source import hand_over, handoff_environment
from redress.pages.rendering import render
from redress.pages.views.standalone import downloads_page, root_index


def build_site(root: Path, out: Path, data_root: Path | None = None) -> int:
    """Build into a staging folder beside `out`; replace `out` only when everything succeeded."""
    started = time.perf_counter()
    staging = out.with_name(out.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with language_builds(root, staging) as hand_over_and_wait:
            # The data is loaded here, once, while the language builds start (they wait for
            # their plans); it raises DataProblems before anything is written.
            plans = language_plans(root, data_root or root, directory_urls=True)
            failures = hand_over_and_wait(plans)
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
    """A language build's environment, as `redress build` gives it, for one run on its own."""
    return {**language_environment(), "SOURCE_DATE_EPOCH": date_epoch(kb.data_date)}


def language_environment() -> dict[str, str]:
    """MkDocs' own settings: no notice about MkDocs 2. Timestamps come from the data, never the
    clock, so two builds are byte-identical: the hook sets SOURCE_DATE_EPOCH from its plan."""
    inherited = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**inherited, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


HandOver = Callable[[LanguagePlans], dict[str, str]]


@contextmanager
def language_builds(root: Path, staging: Path,
                    settings: dict[str, str] | None = None) -> Iterator[HandOver]:
    """Both languages' builds, started at once (one per core) before their plans exist: their
    start (imports, config, theme: half a second each) overlaps the parent's load of the data.
    Gives the function that hands the plans over and returns the output of each failed build.

    Never pass --quiet to mkdocs: it drops the warnings that --strict counts, and broken links pass.
    """
    running: dict[str, subprocess.Popen[str]] = {}
    with (tempfile.TemporaryDirectory(prefix="redress-plans-") as handoff,
          ending_children(lambda: list(running.values()))):
        env = {**language_environment(), **(settings or {}), **handoff_environment(Path(handoff))}
        for lang, config in CONFIGS.items():
            running[lang] = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config,
                 "-d", str(staging / lang)],
                cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        def hand_over_and_wait(plans: LanguagePlans) -> dict[str, str]:
            hand_over(Path(handoff), plans.by_request())
            outputs = {lang: process.communicate()[0] for lang, process in running.items()}
            return {lang: outputs[lang] for lang, process in running.items() if process.returncode}

        yield hand_over_and_wait


def run_mkdocs(root: Path, staging: Path, plans: LanguagePlans,
               settings: dict[str, str] | None = None) -> dict[str, str]:
    """Both languages' builds with plans already made; the output of each build that failed."""
    with language_builds(root, staging, settings) as hand_over_and_wait:
        return hand_over_and_wait(plans)


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
