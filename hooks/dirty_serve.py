"""Owns `mkdocs serve --dirty` for the generated pages: rebuild only those whose text changed,
all of them when something shown on every page changed, and index each page once in search."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from redress.pages.plan import SitePlan

PROJECT = Path(__file__).resolve().parent.parent
SearchEntry = dict[str, Any]  # one entry of Material's search index; its "location" is a URL


class GeneratedPage(File):
    """A page made by the core. MkDocs counts every in-memory file as modified; under
    `serve --dirty` a page whose text is the same as at the last build is not."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


@dataclass(frozen=True)
class BuiltTexts:
    """A build's pages: a hash of what shows on every page, and each generated page's text."""

    site_wide: str
    texts: dict[str, str]


def texts_to_compare(last_good: BuiltTexts | None, now: BuiltTexts) -> dict[str, str] | None:
    """The last good build's page texts to tell unchanged pages by, when nothing shown on every
    page changed since it; None when every page must be built again."""
    if last_good is not None and last_good.site_wide == now.site_wide:
        return last_good.texts
    return None


def search_url(page_url: str) -> str:
    """The URL a page's search entries start with: its own, but '' for the home page."""
    return "" if page_url in (".", "./") else page_url


def entries_to_keep(last: list[SearchEntry], rebuilt: set[str]) -> list[SearchEntry]:
    """The last index's entries minus those of every rebuilt page (given by search_url): an
    entry's location is its page's URL, then '#' and the anchor; the home page's start with '#'."""
    return [entry for entry in last if entry["location"].split("#")[0] not in rebuilt]


def site_wide_digest(plan: SitePlan, configs: Iterable[bytes], theme_files: Iterable[str],
                     src_uris: Iterable[str]) -> str:
    """A hash of what shows on every page: the plan's navigation, names and set of pages, the
    config files, the theme overrides (name and time of each) and the set of files."""
    digest = hashlib.sha256(plan.site_wide().encode())
    for config in configs:
        digest.update(config)
    for stamp in theme_files:
        digest.update(stamp.encode())
    digest.update("\n".join(sorted(src_uris)).encode())
    return digest.hexdigest()


class CompiledTemplates(BytecodeCache):
    """The theme's templates as compiled at the last rebuild, kept in memory. MkDocs makes a new
    Jinja environment for every rebuild, which parsed and compiled Material's templates again:
    a quarter of the CPU of a rebuild. Jinja checks each template's source against its
    checksum, so an edited override is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class DirtyServe:
    """What outlives a rebuild under `serve --dirty`: the last good build's texts and the texts
    of the build under way (they become the last good ones only if it goes through), and the
    theme's compiled templates."""

    def __init__(self) -> None:
        self.active = False
        self.built: BuiltTexts | None = None
        self.pending: BuiltTexts | None = None
        self.templates = CompiledTemplates()

    def reuse_templates(self, env: Environment) -> None:
        if self.active:
            env.bytecode_cache = self.templates

    def last_texts(self, files: Files, config: MkDocsConfig, plan: SitePlan) -> dict[str, str]:
        """Each page's text at the last good build; nothing (and the output emptied, so every
        page is built anew) when not serving dirty or something shown on every page changed."""
        if not self.active:
            return {}
        texts = {page.uri: page.markdown for page in plan.pages}
        self.pending = BuiltTexts(site_wide_digest(plan, config_files(config), theme_stamps(config),
                                                   files.src_uris), texts)
        previous = texts_to_compare(self.built, self.pending)
        if previous is None:
            clean_directory(config.site_dir)
        return previous or {}

    def keep_search_whole(self, files: Files, config: MkDocsConfig) -> None:
        """Material's search, under dirty reload, merges the new entries into the last index but
        drops the old entries of only one page; drop those of every rebuilt page instead."""
        search: Any = next((p for name, p in config.plugins.items() if name.endswith("search")), None)
        last, index = getattr(search, "search_index_prev", None), getattr(search, "search_index", None)
        if not self.active or last is None or index is None:
            return
        rebuilt = {search_url(file.url) for file in files.documentation_pages() if file.is_modified()}
        index.entries = entries_to_keep(last.entries, rebuilt)
        search.search_index_prev = None

    def build_went_through(self) -> None:
        if self.pending is not None:  # its pages are what the server shows now
            self.built, self.pending = self.pending, None


def config_files(config: MkDocsConfig) -> list[bytes]:
    return [path.read_bytes() for path in sorted(Path(config.config_file_path).parent.glob("*.yml"))]


def theme_stamps(config: MkDocsConfig) -> list[str]:
    """Each theme override's name and time. Relative names: MkDocs gives the folder as written at
    the first build, resolved after."""
    overrides = Path(config.theme.custom_dir or PROJECT / "overrides")
    return [f"{path.relative_to(overrides)}{path.stat().st_mtime_ns}"
            for path in sorted(overrides.rglob("*"))]
