"""Owns the fast YAML loader: ruamel's safe C loader, trimmed for plain data, same results."""
from __future__ import annotations

from functools import cached_property
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

TAG = "tag:yaml.org,2002:"
MAP, SEQ, STR, MERGE = TAG + "map", TAG + "seq", TAG + "str", TAG + "merge"
TIMESTAMP = TAG + "timestamp"


class Yaml12Resolver(VersionedResolver):
    """ruamel's YAML 1.2 rules, worked out once per file. The stock resolver works the version
    out again for every scalar, through two caught AttributeErrors under the C parser, and
    always arrives at 1.2 (files with a %YAML directive are refused before parsing)."""

    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)

    @cached_property
    def versioned_resolver(self) -> Any:
        # ruamel's own property, computed once here instead of once per scalar
        return vars(VersionedResolver)["versioned_resolver"].fget(self)


class PlainDataConstructor(SafeConstructor):
    """Builds plain text, lists and mappings directly; hands every other node (numbers,
    dates, merge keys, tags) to the stock constructor, and duplicate keys to its check.

    The stock one routes each node through memo tables and generators meant for recursive
    structures; data files are almost all text, so that overhead was most of the loading."""

    def construct_document(self, node: Node) -> Any:
        self.made: dict[int, Any] = {}
        return self.plain(node)

    def plain(self, node: Node) -> Any:
        if node.__class__ is ScalarNode:
            if node.tag == STR:
                return node.value
            if node.tag == TIMESTAMP:  # 2026-02-30 or month 13: left as text, for the model
                return self.timestamp_or_text(node)  # to report where it is, with the rest
            return self.construct_object(node, deep=True)
        if id(node) in self.made:  # an alias (even one inside itself): the same object
            return self.made[id(node)]
        if node.__class__ is SequenceNode and node.tag == SEQ:
            sequence: list[Any] = []
            self.made[id(node)] = sequence  # registered before its items, as the stock one does
            sequence.extend(self.plain(child) for child in node.value)
            return sequence
        if node.__class__ is MappingNode and node.tag == MAP and not any(
                key_node.tag == MERGE for key_node, _ in node.value):
            mapping: dict[Any, Any] = {}
            self.made[id(node)] = mapping
            for key_node, value_node in node.value:
                key, value = self.plain(key_node), self.plain(value_node)
                if isinstance(key, list):  # as the stock one: a list key becomes a tuple
                    key = tuple(key)
                if key in mapping:  # raises DuplicateKeyError, with both places
                    self.check_mapping_key(node, key_node, mapping, key, value)
                mapping[key] = value
            return mapping
        return self.construct_object(node, deep=True)


    def timestamp_or_text(self, node: ScalarNode) -> Any:
        try:
            return self.construct_object(node, deep=True)
        except ValueError:
            return node.value


def fast_loader() -> YAML:
    """A fresh loader (ruamel keeps per-load state on it): YAML 1.2, C parser, plain data."""
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = Yaml12Resolver
    yaml.Constructor = PlainDataConstructor
    return yaml
