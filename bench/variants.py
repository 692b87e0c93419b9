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

from redress import site
from redress.site import KnowledgeBase, Lang, navigation, pages_for

CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def site_config(project: Path, lang: Lang) -> dict[str, Any]:
    """The language's MkDocs config as written (INHERIT merged, !ENV read), not validated."""
    with (project / CONFIGS[lang]).open(encoding="utf-8") as stream:
        return dict(yaml_load(stream))


def render(kb: KnowledgeBase, project: Path, lang: Lang) -> list[tuple[site.PageSpec, str]]:
    """Every generated page's Markdown, with the options the hook gives (as in on_files)."""
    if not hasattr(site, "SiteOptions"):
        return [(page, site.render_page(kb, page, lang)) for page in pages_for(kb)]
    today = os.environ.get("REDRESS_TODAY")
    options = site.SiteOptions(
        offline=False, today=datetime.date.fromisoformat(today) if today else None,
        repository=site_config(project, lang).get("extra", {}).get("repository", ""))
    return [(page, site.render_page(kb, page, lang, options)) for page in pages_for(kb)]


def write_disk_variant(project: Path, kb: KnowledgeBase, lang: Lang, docs: Path) -> Path:
    """Every page the hook would add, rendered into docs/ (with the hand-written pages), and a
    config beside the project's that inherits it with no hook and the hook's nav; returns it."""
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / "docs" / lang, docs)
    hidden = []
    for page, text in render(kb, project, lang):
        target = docs / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if not page.in_nav:
            hidden.append("/" + page.uri)
    config: dict[str, Any] = {
        "INHERIT": CONFIGS[lang], "hooks": [], "docs_dir": str(docs),
        "site_name": kb.ui["site_name"].in_(lang), "nav": navigation(kb, lang),
        "not_in_nav": "\n".join(hidden),
        "extra": {"alternate": site.alternate_links(kb, True),
                  "redress_cover": site.booklet_strings(kb, lang)},
    }
    path = project / f"bench-disk-{lang}.yml"
    write_yaml(path, config)
    return path


def page_texts(kb: KnowledgeBase, project: Path, lang: Lang) -> list[str]:
    """The Markdown of every generated page, front matter removed (MkDocs strips it too)."""
    return [FRONT_MATTER.sub("", text, count=1) for _, text in render(kb, project, lang)]


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
