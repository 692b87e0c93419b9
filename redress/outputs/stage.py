"""Owns staging a language's site as plain files: its pages as Markdown, a config with no page hook."""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

from redress.languages import Lang
from redress.outputs.language_plans import language_plans
from redress.outputs.mkdocs_configs import CONFIGS, language_config
from redress.pages.plan import SitePlan

# Settings MkDocs 1.6.1 and the plugins read relative to the config file's folder (its path
# options, theme.custom_dir). The staged config lives elsewhere, so it
# names them in the project; docs_dir, site_dir and hooks it sets itself.
RELATIVE_TO_CONFIG = (("theme", "custom_dir"), ("watch",))
# PyYAML (MkDocs' reader) takes these as line breaks or refuses them; JSON leaves them raw.
NOT_PLAIN_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029]")
# The hooks that make the pages and add them in memory: the staged config has them on disk
# instead. Every other hook (Material's search segmentation) stays, so the staged site is
# indexed the same.
PAGE_HOOKS = ("hooks/redress_hooks.py", "hooks/plan_ahead.py")


def stage(project: Path, data_root: Path, lang: Lang, folder: Path) -> Path:
    """The language's site as served (directory URLs) in `folder`: docs/ with every generated
    page at its uri and the hand-written pages, and mkdocs.yml, which any generator that reads
    Markdown from disk can build (without the kept search hook, Material cuts Chinese with
    jieba: the same index but for the runs tests/test_segmentation.py lists, more slowly).
    Returns the config's path. Raises DataProblems on bad data."""
    project, folder = project.resolve(), folder.resolve()  # the config names them absolutely
    plan = language_plans(project, data_root, directory_urls=True, langs=(lang,)).plans[lang]
    inherited = language_config(project, lang)
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / inherited.get("docs_dir", "docs"), docs)
    for page in plan.pages:
        target = docs / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(yaml_text(staged_config(project, lang, inherited, plan, folder)),
                      encoding="utf-8")
    return config


def staged_config(project: Path, lang: Lang, inherited: dict[str, Any], plan: SitePlan,
                  folder: Path) -> dict[str, Any]:
    """The project's config for the language (`inherited`, as read), inherited, with all that
    the hook would set."""
    hidden = [inherited.get("not_in_nav") or "", *(f"/{p.uri}" for p in plan.pages if not p.in_nav)]
    config: dict[str, Any] = {
        "INHERIT": str(project / CONFIGS[lang]), "docs_dir": str(folder / "docs"),
        # Escaped as the hook escapes it: Material prints the name unescaped in aria-label="…".
        "site_dir": str(folder / "site"), "site_name": html.escape(plan.site_name),
        "hooks": [str(project / hook) for hook in inherited.get("hooks") or [] if hook not in PAGE_HOOKS],
        "nav": plan.nav, "not_in_nav": "\n".join(line for line in hidden if line),
        "extra": {"alternate": plan.alternate, "redress_search": plan.search},
    }
    for keys in RELATIVE_TO_CONFIG:
        value = setting(inherited, keys)
        if value:
            put(config, keys, in_project(project, value))
    return config


def setting(config: dict[str, Any], keys: tuple[str, ...]) -> Any:
    value: Any = config
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def put(config: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    for key in keys[:-1]:
        config = config.setdefault(key, {})
    config[keys[-1]] = value


def in_project(project: Path, value: str | list[str]) -> str | list[str]:
    """A path (or list of them) as written in the project's config, made absolute there."""
    if isinstance(value, list):
        return [str(project / item) for item in value]
    return str(project / value)


def yaml_text(config: dict[str, Any]) -> str:
    """JSON, which is YAML, with the few characters YAML reads otherwise escaped: the same
    config gives the same bytes."""
    text = json.dumps(config, ensure_ascii=False, indent=2)
    return NOT_PLAIN_IN_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n"
