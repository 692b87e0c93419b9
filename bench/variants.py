"""The comparison builds: the same pages as Markdown files on disk, and Python-Markdown alone."""
from __future__ import annotations

import datetime
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import yaml_load
from synth import write_yaml

from redress.languages import Lang
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.site import make_plan

CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def site_config(project: Path, lang: Lang) -> dict[str, Any]:
    """The language's MkDocs config as written (INHERIT merged, !ENV read), not validated."""
    with (project / CONFIGS[lang]).open(encoding="utf-8") as stream:
        return dict(yaml_load(stream))


def plan_of(project: Path, data_root: Path, lang: Lang) -> SitePlan:
    """The plan the hook takes for this language, made afresh (as in on_config)."""
    today = os.environ.get("REDRESS_TODAY")
    request = PlanRequest(lang, today=datetime.date.fromisoformat(today) if today else None,
                          repository=site_config(project, lang).get("extra", {}).get("repository", ""))
    return make_plan(data_root, request)


def write_disk_variant(project: Path, data_root: Path, lang: Lang, docs: Path) -> Path:
    """Every page the hook would add, written into docs/ (with the hand-written pages), and a
    config beside the project's that inherits it with no hook and the hook's nav; returns it."""
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / "docs" / lang, docs)
    plan = plan_of(project, data_root, lang)
    for page in plan.pages:
        target = docs / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config: dict[str, Any] = {
        "INHERIT": CONFIGS[lang], "hooks": [], "docs_dir": str(docs),
        "site_name": plan.site_name, "nav": plan.nav,
        "not_in_nav": "\n".join("/" + page.uri for page in plan.pages if not page.in_nav),
        "extra": {"alternate": plan.alternate, "redress_cover": plan.booklet},
    }
    path = project / f"bench-disk-{lang}.yml"
    write_yaml(path, config)
    return path


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
