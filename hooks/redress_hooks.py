"""MkDocs adapter: loads the Redress core and adds its pages in memory; no logic of its own."""
from __future__ import annotations

import datetime
import importlib
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

import redress.site

ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = Path(os.environ.get("REDRESS_ROOT", ROOT))
state: dict[str, Any] = {}


def fresh_core() -> Any:
    """Reload the core so `mkdocs serve` picks up code edits (MkDocs never reloads hooks)."""
    for name in sorted(n for n in sys.modules if n.startswith("redress.")):
        del sys.modules[name]
    return importlib.import_module("redress.site")


def on_config(config: Any) -> Any:
    core = fresh_core()
    lang = core.language_of(config.theme["language"])
    try:
        kb = core.load_knowledge_base(DATA_ROOT)
    except core.DataProblems as problems:
        raise PluginError(problems.report()) from None
    state.update(core=core, kb=kb, lang=lang)
    config.site_name = kb.ui["site_name"].in_(lang)
    config.nav = core.navigation(kb, lang)
    config.extra["alternate"] = core.alternate_links(kb, config.use_directory_urls)
    if not config.use_directory_urls:  # the offline bundle: Material disables instant loading
        features = config.theme["features"]  # on file:// anyway, and completes document$ unfired
        config.theme["features"] = [f for f in features if f != "navigation.instant"]
    booklet = core.booklet_strings(kb, lang)
    config.extra["redress_cover"] = booklet
    if "print-site" in config.plugins:  # the booklet build only
        printer = config.plugins["print-site"]
        printer.config["toc_title"] = booklet["toc_title"]
        if hasattr(printer, "print_page"):
            printer.print_page.title = booklet["page_title"]
    return config


def on_files(files: Files, config: Any) -> Files:
    core, kb, lang = state["core"], state["kb"], state["lang"]
    today = os.environ.get("REDRESS_TODAY")
    options = core.SiteOptions(offline=not config.use_directory_urls,
                               today=datetime.date.fromisoformat(today) if today else None,
                               repository=config.extra.get("repository", ""))
    for page in core.pages_for(kb):
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        content = core.render_page(kb, page, lang, options)
        files.append(File.generated(config, page.uri, content=content, inclusion=inclusion))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> None:
    for folder in ("data", "guides", "redress"):
        server.watch(str((ROOT if folder == "redress" else DATA_ROOT) / folder))


__all__ = ["on_config", "on_files", "on_serve", "redress"]
