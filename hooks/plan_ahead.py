"""Owns the plan `mkdocs serve` makes ahead: once, in the background, after the first build."""
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from redress.pages.plan_source import make_ahead


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> None:
    # The first build took the plan kept on disk, which keeps no page to reuse: made once more
    # now, the first edit renders only what it changed, as every later one does.
    make_ahead(config.theme["language"], config.use_directory_urls, config.extra.get("repository", ""))
