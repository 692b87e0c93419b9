"""Owns reading the two MkDocs configs as MkDocs merges them (INHERIT, !ENV), without MkDocs."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import Node, ScalarNode, SequenceNode

from redress.languages import Lang

CONFIGS: dict[Lang, str] = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}


@dataclass(frozen=True)
class Unread:
    """A value given as a Python object (toc's slugify): MkDocs makes it, this reader need not."""

    tag: str


class ConfigConstructor(SafeConstructor):
    """The safe constructor plus MkDocs' own tags, on a class of its own: adding them to the
    shared one would change every YAML read in the process."""


def environment_value(constructor: SafeConstructor, node: Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, …, default]` as MkDocs (pyyaml_env_tag) reads it: the first
    variable set, typed as YAML would type it, else the default, else None."""
    if isinstance(node, SequenceNode) and len(node.value) > 1:
        names, default = node.value[:-1], constructor.construct_object(node.value[-1])
    else:
        names, default = node.value if isinstance(node, SequenceNode) else [node], None
    for name in (str(constructor.construct_scalar(item)) for item in names):
        if name in os.environ:
            value = os.environ[name]
            tag = constructor.loader.resolver.resolve(ScalarNode, value, (True, False))
            return constructor.construct_object(ScalarNode(tag, value))
    return default


ConfigConstructor.add_constructor("!ENV", environment_value)
ConfigConstructor.add_multi_constructor("tag:yaml.org,2002:python/",
                                        lambda constructor, suffix, node: Unread(suffix))


def language_config(project: Path, lang: Lang) -> dict[str, Any]:
    return config_file(project / CONFIGS[lang])


def config_file(path: Path) -> dict[str, Any]:
    """A config with the one it INHERITs (relative to it) merged under it, as MkDocs does."""
    reader = YAML(typ="safe", pure=True)
    reader.Constructor = ConfigConstructor
    reader.version = (1, 1)  # MkDocs reads YAML 1.1 (PyYAML): yes and on are true there
    data = reader.load(path.read_text(encoding="utf-8")) or {}
    parent = data.pop("INHERIT", None)
    return merged(config_file(path.parent / parent), data) if parent else data


def merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Mappings merged key by key; anything else, lists too, replaced (mergedeep's REPLACE)."""
    result = dict(parent)
    for key, value in child.items():
        below = result.get(key)
        result[key] = merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
    return result
