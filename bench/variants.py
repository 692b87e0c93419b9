"""The comparison builds: the same pages as Markdown files on disk, and Python-Markdown alone."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import yaml_load

from redress.languages import Lang
from redress.outputs.language_plans import language_plans
from redress.outputs.mkdocs_configs import CONFIGS
from redress.outputs.stage import stage
from redress.pages.plan import SitePlan

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def site_config(project: Path, lang: Lang) -> dict[str, Any]:
    """The language's MkDocs config as written (INHERIT merged, !ENV read), not validated."""
    with (project / CONFIGS[lang]).open(encoding="utf-8") as stream:
        return dict(yaml_load(stream))


def plan_of(project: Path, data_root: Path, lang: Lang) -> SitePlan:
    """The plan the hook takes for this language: the one `redress build` hands over to it."""
    return language_plans(project, data_root, directory_urls=True, langs=(lang,)).plans[lang]


def write_disk_variant(project: Path, data_root: Path, lang: Lang, folder: Path) -> Path:
    """Every page the hook would add, written as Markdown with the hand-written pages, and a
    config that inherits the language's with no hook (`redress stage`); returns the config."""
    return stage(project, data_root, lang, folder)


def page_texts(project: Path, data_root: Path, lang: Lang) -> list[str]:
    """The Markdown of every generated page, front matter removed (MkDocs strips it too)."""
    return [FRONT_MATTER.sub("", page.markdown, count=1)
            for page in plan_of(project, data_root, lang).pages]


def floor_seconds(project: Path, lang: Lang, texts: list[str]) -> float:
    """Python-Markdown alone, with the site's own extensions and their options, over every page."""
    extensions = site_config(project, lang)["markdown_extensions"]
    md = markdown.Markdown(extensions=list(extensions),
                           extension_configs={k: v or {} for k, v in extensions.items()})
    started = time.perf_counter()
    for text in texts:
        md.reset()
        md.convert(text)
    return time.perf_counter() - started
