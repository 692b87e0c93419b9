"""Owns where a language build gets its plan: handed over by the parent build, kept, or made now."""
from __future__ import annotations

import contextlib
import datetime
import hashlib
import importlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

# Light imports only: a build whose plan is handed over or kept never imports the rest of the
# core (pydantic, Jinja, the loader); tests/test_plan_source.py holds it to that.
from redress.languages import language_of
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.plan_cache import CORE, SOURCES, cached_plan, cached_plans, core_digest
from redress.problems import DataProblems

__all__ = ["DataProblems", "build_today", "hand_over", "handoff_environment", "kept_or_made",
           "make_ahead", "plan_for", "plan_request", "watched_folders"]

PROJECT = CORE.parent
# The whole environment the core reads (MkDocs' own variables aside), all of it read here:
ROOT_VARIABLE = "REDRESS_ROOT"  # the data root of `mkdocs serve` and `mkdocs build`: another data folder
CACHE_VARIABLE = "REDRESS_CACHE"  # where plans are kept: a folder, or `off`
PLANS_VARIABLE = "REDRESS_PLANS"  # set by `redress build` and `export`: the plans handed over
loaded: dict[str, object] = {}  # the core as last imported, and the hash of its code then
# `serve` makes a plan in a thread of its own once (make_ahead) and in its builds after each
# edit: one at a time, as the core keeps what the last one rendered.
MAKING = threading.Lock()
COMPLETE = "complete"  # written after the last plan handed over: one missing then is not coming
HANDOFF_LIMIT = 3600.0  # seconds a language build waits for the parent to load and render


def plan_for(theme_language: str, directory_urls: bool, repository: str) -> SitePlan:
    """The plan a language build asks for with its config's theme language, URL style and
    repository: the one the parent build handed over, else one kept, else made now (from the
    data root, for its last commit's date). Raises DataProblems on bad data."""
    asked = plan_request(theme_language, directory_urls, repository, today=None)
    handoff = os.environ.get(PLANS_VARIABLE)
    if handoff:
        return handed_over(Path(handoff), asked)
    root = data_root()
    request = replace(asked, today=build_today(root))
    return cached_plan(root, request, lambda: made_now(root, request), cache_folder())


def make_ahead(theme_language: str, directory_urls: bool, repository: str) -> threading.Thread | None:
    """Under `serve`, when the first build's plan was kept rather than made: make it once in
    the background, so that the first edit renders only the pages it changed, as every later
    one does (the first edit took 3–4 s to show, the next ones under 1.5 s). None when there is
    nothing to make ahead."""
    if loaded.get("made") or os.environ.get(PLANS_VARIABLE):
        return None
    root = data_root()
    request = plan_request(theme_language, directory_urls, repository, build_today(root))

    def make() -> None:
        with contextlib.suppress(DataProblems):  # the next build reports them
            made_now(root, request)

    thread = threading.Thread(target=make, name="redress-plan-ahead", daemon=True)
    thread.start()
    return thread


def plan_request(theme_language: str, directory_urls: bool, repository: str,
                 today: datetime.date | None) -> PlanRequest:
    """The request of a language build, from what its config says (for the hook and the parent)."""
    return PlanRequest(language_of(theme_language), directory_urls, today, repository)


def build_today(data_root: Path) -> datetime.date | None:
    """The build's 'today' (for 'may be out of date' notes): the date of the data root's last
    commit. None outside git, which a plan reads as the data's own date."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=data_root, text=True,
                              capture_output=True, timeout=30)
    except OSError:
        return None
    date = done.stdout.strip()
    return datetime.date.fromisoformat(date) if date else None


def kept_or_made(data_root: Path, requests: list[PlanRequest],
                 make: Callable[[list[PlanRequest]], list[SitePlan]]) -> list[SitePlan]:
    """For the parent build: each request's plan, kept, or made by `make` (given those missing)."""
    return cached_plans(data_root, requests, make, cache_folder())


def handoff_environment(folder: Path) -> dict[str, str]:
    """What tells language builds where their plans will be handed over."""
    return {PLANS_VARIABLE: str(folder)}


def hand_over(folder: Path, plans: dict[PlanRequest, SitePlan]) -> dict[str, str]:
    """Write the plans where the language builds look first (each whole or not at all: they
    may be waiting for it already), then say that no other is coming; returns the environment
    that tells them where that is."""
    for request, plan in plans.items():
        target = folder / handoff_name(request)
        partial = target.with_suffix(".partial")
        partial.write_text(plan.to_json(), encoding="utf-8")
        partial.replace(target)
    (folder / COMPLETE).touch()
    return handoff_environment(folder)


def handed_over(folder: Path, asked: PlanRequest) -> SitePlan:
    """The plan the parent build hands over, waited for: the parent starts its language builds
    before it has loaded the data, so that their start overlaps its work."""
    path, parent = folder / handoff_name(asked), os.getppid()
    deadline = time.monotonic() + HANDOFF_LIMIT
    while not path.is_file():
        if (folder / COMPLETE).exists() and not path.is_file():
            raise LookupError(f"{PLANS_VARIABLE}={folder} holds no plan for {asked}: the parent "
                              "build made its plans for other settings than this build has")
        if not folder.is_dir() or os.getppid() != parent or time.monotonic() > deadline:
            raise LookupError(f"the build that started this one handed no plan over in {folder}")
        time.sleep(0.01)
    return SitePlan.from_json(path.read_text(encoding="utf-8"))


def handoff_name(request: PlanRequest) -> str:
    """Today is the parent's to decide (a language build does not know its data root), so it
    is no part of the name."""
    return hashlib.sha256(replace(request, today=None).key().encode()).hexdigest()[:16] + ".json"


def data_root() -> Path:
    return Path(os.environ.get(ROOT_VARIABLE) or PROJECT)


def cache_folder(project: Path = PROJECT) -> Path | None:
    """Where plans are kept: REDRESS_CACHE names a folder, or turns the cache `off`."""
    chosen = os.environ.get(CACHE_VARIABLE, "")
    if chosen == "off":
        return None
    return Path(chosen) if chosen else project / ".cache" / "plans"


def watched_folders() -> list[Path]:
    """What `mkdocs serve` watches for the plan: the data and prose it is made from, the core."""
    return [*(data_root() / source for source in SOURCES), CORE]


def made_now(data_root: Path, request: PlanRequest) -> SitePlan:
    with MAKING:
        site = current_core()
        try:
            plan = site.load_and_make_plans(data_root, [request], again=True)[0]  # serve: edits follow
        except site.DataProblems as problems:  # the reimported class: raise the one callers hold
            raise DataProblems(problems.problems) from None
        loaded["made"] = True
        return plan


def current_core() -> ModuleType:
    """The core, imported afresh when its code changed since it was last imported, so that
    `mkdocs serve` (which never reloads a hook, nor this module) shows code edits."""
    digest = core_digest()
    if loaded.get("digest") not in (None, digest):
        for name in sorted(n for n in sys.modules if n.startswith("redress.")):
            del sys.modules[name]
    if loaded.get("digest") != digest:
        loaded.update(core=importlib.import_module("redress.pages.site"), digest=digest)
    core = loaded["core"]
    assert isinstance(core, ModuleType)
    return core
