"""`redress stage`: a language's site as Markdown files and a config that inherits the project's,
which MkDocs builds with no hook into the same pages as the hook's build."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SITE_ENV, run_redress
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from redress.data.loading import load_knowledge_base
from redress.outputs.build import environment_for
from redress.outputs.language_plans import language_plans
from redress.outputs.stage import stage

ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


@pytest.fixture
def staged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDRESS_CACHE", "off")
    return stage(ROOT, MINIMAL, "zh", tmp_path / "staged")


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_docs_hold_every_generated_page_and_the_hand_written_ones(staged: Path) -> None:
    plan = language_plans(ROOT, MINIMAL, directory_urls=True, langs=("zh",)).plans["zh"]
    docs = staged.parent / "docs"
    for page in plan.pages:
        assert (docs / page.uri).read_text(encoding="utf-8") == page.markdown
    assert (docs / "about.md").read_bytes() == (ROOT / "docs" / "zh" / "about.md").read_bytes()
    assert len(tree(docs)) == len(plan.pages) + len(tree(ROOT / "docs" / "zh"))


def test_the_staged_config_sets_what_the_hook_sets_and_points_into_the_project(staged: Path) -> None:
    plan = language_plans(ROOT, MINIMAL, directory_urls=True, langs=("zh",)).plans["zh"]
    project, config = load_config(str(ROOT / "mkdocs.yml")), load_config(str(staged))
    with staged.open(encoding="utf-8") as stream:  # as MkDocs reads it (PyYAML)
        assert yaml_load(stream)["nav"] == plan.nav
    assert (config.site_name, config.extra["alternate"]) == (plan.site_name, plan.alternate)
    assert config.docs_dir == str(staged.parent / "docs")
    assert list(config.hooks) == [str(ROOT / "hooks" / name)  # every hook but the two page hooks
                                  for name in ("file_events.py", "search_segmentation.py",
                                               "theme_context.py", "lean_assets.py",
                                               "search_index.py", "machine_failures.py",
                                               "page_memory.py")]
    assert config.theme.custom_dir == project.theme.custom_dir
    assert config.watch == project.watch
    assert config.theme["language"] == project.theme["language"] and config.extra["repository"]
    assert "print-site" not in config.plugins  # the booklet is the core's (pages/templates/print)


def test_mkdocs_reads_no_other_path_relative_to_the_config() -> None:
    """The options MkDocs 1.6.1 resolves against the config's folder; stage sets docs_dir,
    site_dir and hooks, and rewrites theme.custom_dir and watch. A new one needs a look."""
    kinds = (config_options.FilesystemObject, config_options.ListOfPaths, config_options.Theme,
             config_options.Hooks)
    relative = {name for name, option in MkDocsConfig._schema if isinstance(option, kinds)}
    assert relative == {"docs_dir", "site_dir", "theme", "hooks", "watch"}


def test_staging_again_writes_the_same_bytes(staged: Path) -> None:
    first = {**tree(staged.parent / "docs"), "mkdocs.yml": staged.read_text(encoding="utf-8")}
    stage(ROOT, MINIMAL, "zh", staged.parent)
    assert {**tree(staged.parent / "docs"), "mkdocs.yml": staged.read_text(encoding="utf-8")} == first


def articles(site: Path) -> dict[str, list[str]]:
    return {str(page.relative_to(site)): ARTICLE.findall(page.read_text(encoding="utf-8"))
            for page in sorted(site.rglob("*.html"))}


@pytest.mark.site
def test_the_staged_site_built_with_no_page_hook_has_the_hooks_articles_and_index(
        built_site: Path, tmp_path: Path) -> None:
    folder = tmp_path / "staged"
    result = run_redress("stage", "zh", str(folder), env=SITE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    env = {**environment_for(load_knowledge_base(ROOT)), **SITE_ENV}  # as `redress build` runs it
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                            str(folder / "mkdocs.yml")], cwd=tmp_path, env=env, text=True,
                           capture_output=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    by_hook, from_disk = articles(built_site / "zh"), articles(folder / "site")
    assert sorted(from_disk) == sorted(by_hook)
    assert [page for page in by_hook if by_hook[page] != from_disk[page]] == []
    assert all(len(found) == 1 for found in by_hook.values())  # each page's one article compared
    # Chinese cut by the same kept hook; entries in the order pages were built (files on disk
    # come before pages in memory), so compared in any order
    assert index_entries(folder / "site") == index_entries(built_site / "zh")


def index_entries(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted(json.dumps(entry, ensure_ascii=False, sort_keys=True) for entry in index["docs"])
