"""Owns reusing a site plan while nothing it is made from has changed: a cache keyed by content."""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from redress.pages.plan import PlanRequest, SitePlan

CORE = Path(__file__).resolve().parents[1]  # the code and templates that make the pages
SOURCES = ("data", "guides")  # everything the core reads under a data root
LIBRARIES = ("jinja2", "markupsafe", "pydantic", "pydantic-core", "ruamel.yaml")
KEEP = 8  # plans kept: one data version × two languages × site and offline builds, twice over


def cached_plan(data_root: Path, request: PlanRequest, make: Callable[[], SitePlan],
                folder: Path | None) -> SitePlan:
    """The plan made from exactly these files for this request: read back when it was made
    before, otherwise made now and kept. Bad data is never kept (make raises first)."""
    return cached_plans(data_root, [request], lambda missing: [make()], folder)[0]


def cached_plans(data_root: Path, requests: list[PlanRequest],
                 make: Callable[[list[PlanRequest]], list[SitePlan]],
                 folder: Path | None) -> list[SitePlan]:
    """The plans for these requests: those made before read back, the others made together
    (`make` is given the requests missing, so the data is loaded once) and kept. Every hash is
    taken before anything is made: a plan is kept only if no file changed while it was made."""
    if folder is None:
        return make(requests)
    digests = [inputs_digest(data_root, request) for request in requests]
    kept = [kept_plan(folder / f"{digest}.json") for digest in digests]
    missing = [request for request, plan in zip(requests, kept, strict=True) if plan is None]
    made = iter(make(missing) if missing else [])
    plans = [plan or next(made) for plan in kept]
    for request, digest, plan, old in zip(requests, digests, plans, kept, strict=True):
        if old is None and inputs_digest(data_root, request) == digest:
            keep(folder, folder / f"{digest}.json", plan.to_json())
    return plans


def kept_plan(path: Path) -> SitePlan | None:
    """A plan kept before, or None when there is none or it cannot be read (it is made again)."""
    try:
        return SitePlan.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def inputs_digest(data_root: Path, request: PlanRequest) -> str:
    """One hash over the request, the Python and library versions, the data and prose files
    and the core's own code and templates: any change to any of them changes it."""
    digest = hashlib.sha256(request.key().encode())
    digest.update(sys.version.encode())
    for library in LIBRARIES:
        digest.update(f"{library}={metadata.version(library)};".encode())
    digest.update(core_digest().encode())
    for source in SOURCES:
        digest.update(folder_digest(data_root / source).encode())
    return digest.hexdigest()


def core_digest() -> str:
    return folder_digest(CORE)


def folder_digest(folder: Path) -> str:
    """A hash of every file's path (relative to the folder) and bytes; compiled caches aside."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def keep(folder: Path, path: Path, text: str) -> None:
    """Write the plan whole or not at all (builds run side by side), then drop the oldest.
    A folder that cannot be written only means the next build makes its plan again."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                         delete=False) as stream:
            stream.write(text)
        os.replace(stream.name, path)
        plans = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in plans[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
