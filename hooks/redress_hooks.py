"""MkDocs adapter: takes the Redress core's site plan and adds its pages in memory; no logic of
its own beyond what MkDocs needs (under `mkdocs serve --dirty`, rebuild only changed pages)."""
from __future__ import annotations

import datetime
import hashlib
import importlib
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from redress.languages import language_of
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.plan_cache import cache_folder, cached_plan, core_digest

ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = Path(os.environ.get("REDRESS_ROOT", ROOT))
state: dict[str, Any] = {}  # MkDocs loads a hook once per process: this outlives a rebuild


class GeneratedPage(File):
    """A page made by the core. MkDocs counts every in-memory file as modified; under
    `serve --dirty` a page whose text is the same as at the last build is not."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def on_startup(command: str, dirty: bool) -> None:
    state["dirty_serve"] = command == "serve" and dirty


def on_config(config: Any) -> Any:
    today = os.environ.get("REDRESS_TODAY")
    request = PlanRequest(lang=language_of(config.theme["language"]),
                          directory_urls=config.use_directory_urls,
                          today=datetime.date.fromisoformat(today) if today else None,
                          repository=config.extra.get("repository", ""))
    plan = cached_plan(DATA_ROOT, request, lambda: made_plan(request), cache_folder(ROOT))
    state["plan"] = plan
    config.site_name = plan.site_name
    config.nav = plan.nav
    config.extra["alternate"] = plan.alternate
    if not config.use_directory_urls:  # the offline bundle: Material disables instant loading
        features = config.theme["features"]  # on file:// anyway, and completes document$ unfired
        config.theme["features"] = [f for f in features if f != "navigation.instant"]
    config.extra["redress_cover"] = plan.booklet
    if "print-site" in config.plugins:  # the booklet build only
        printer = config.plugins["print-site"]
        printer.config["toc_title"] = plan.booklet["toc_title"]
        if hasattr(printer, "print_page"):
            printer.print_page.title = plan.booklet["page_title"]
    return config


def made_plan(request: PlanRequest) -> SitePlan:
    core = current_core()
    try:
        return core.make_plan(DATA_ROOT, request)
    except core.DataProblems as problems:
        raise PluginError(problems.report()) from None


def current_core() -> Any:
    """The core, imported afresh when its code changed: `mkdocs serve` picks up code edits
    (MkDocs never reloads hooks)."""
    digest = core_digest()
    if state.get("core_digest") != digest:
        for name in sorted(n for n in sys.modules if n.startswith("redress.")):
            del sys.modules[name]
        state.update(core=importlib.import_module("redress.pages.site"), core_digest=digest)
    return state["core"]


def on_files(files: Files, config: Any) -> Files:
    plan: SitePlan = state["plan"]
    previous = last_build_texts(files, config, plan)
    for page in plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = GeneratedPage.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        file.unchanged = previous.get(page.uri) == page.markdown
        files.append(file)
    if state.get("dirty_serve"):
        rebuilt = {page_url(file) for file in files.documentation_pages() if file.is_modified()}
        keep_search_entries_except(config, rebuilt)
    return files


def last_build_texts(files: Files, config: Any, plan: SitePlan) -> dict[str, str]:
    """Under `serve --dirty`, each page's text at the last good build, when nothing that shows
    on every page has changed since; otherwise nothing, and the output is emptied so that every
    page is built anew."""
    if not state.get("dirty_serve"):
        return {}
    state["pending"] = {"site_wide": site_wide_digest(files, config, plan),
                        "texts": {page.uri: page.markdown for page in plan.pages}}
    built = state.get("built")
    if built and built["site_wide"] == state["pending"]["site_wide"]:
        return built["texts"]
    clean_directory(config.site_dir)
    return {}


def site_wide_digest(files: Files, config: Any, plan: SitePlan) -> str:
    """A hash of what shows on every page: the plan's navigation, names and set of pages, the
    config files, the theme overrides, and the set of files."""
    digest = hashlib.sha256(plan.site_wide().encode())
    for path in sorted(Path(config.config_file_path).parent.glob("*.yml")):
        digest.update(path.read_bytes())
    overrides = Path(config.theme.custom_dir or ROOT / "overrides")
    # Relative names: MkDocs gives this folder as written at the first build, resolved after.
    for path in sorted(overrides.rglob("*")):
        digest.update(f"{path.relative_to(overrides)}{path.stat().st_mtime_ns}".encode())
    digest.update("\n".join(sorted(files.src_uris)).encode())
    return digest.hexdigest()


def keep_search_entries_except(config: Any, rebuilt: set[str]) -> None:
    """Material's search, under dirty reload, merges the new entries into the last index but
    drops the old entries of only one page; drop those of every rebuilt page instead."""
    search = next((p for name, p in config.plugins.items() if name.endswith("search")), None)
    last, index = getattr(search, "search_index_prev", None), getattr(search, "search_index", None)
    if last is None or index is None:
        return
    index.entries = [e for e in last.entries if e["location"].split("#")[0] not in rebuilt]
    search.search_index_prev = None


def page_url(file: File) -> str:
    """The URL search entries start with: the page's, where the home page's is ''."""
    return "" if file.url in (".", "./") else file.url


def on_post_build(config: Any) -> None:
    if "pending" in state:  # the build went through: its pages are what the server shows
        state["built"] = state.pop("pending")


def on_serve(server: Any, config: Any, builder: Any) -> None:
    for folder in ("data", "guides", "redress"):
        server.watch(str((ROOT if folder == "redress" else DATA_ROOT) / folder))
