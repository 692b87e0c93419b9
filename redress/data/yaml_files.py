"""Owns reading YAML: a fast parse for the data, a slower one for line and column when reporting."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from redress.data.files import read_repository_text
from redress.data.yaml_fast import fast_loader
from redress.data.yaml_subset import outside_the_subset
from redress.messages import say
from redress.problems import Finding, Loc

VERSION_DIRECTIVE = re.compile(r"^%YAML", re.MULTILINE)
MAX_BYTES = 20_000_000  # 1,000 situations take about 18 MB; anything bigger is an accident


def read_data(root: Path, name: str) -> tuple[Any, list[Finding]]:
    """Parse root/name with the fast loader; return its data or what stops it being read."""
    text, refused = read_repository_text(root, name, MAX_BYTES)
    if text is None:
        return None, refused
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return None, [Finding(name, (), say("tab"), line, 1)]
    directive = VERSION_DIRECTIVE.search(text)
    if directive:  # the C parser ignores it, the positions parser and editors do not
        line = text[: directive.start()].count("\n") + 1
        return None, [Finding(name, (), say("yaml_directive"), line, 1)]
    try:
        leaving = outside_the_subset(text)  # before anything is built from the text
        if leaving:
            return None, [Finding(name, (), *leaving)]
        return fast_loader().load(text), []
    except MarkedYAMLError as error:
        return None, [syntax_finding(name, error)]
    except YAMLError as error:
        return None, [Finding(name, (), say("yaml_syntax", problem=str(error)), 1, 1)]


def syntax_finding(name: str, error: MarkedYAMLError) -> Finding:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Finding(name, (), say("yaml_syntax", problem=error.problem or error.context), line, column)


def positions(path: Path) -> Node | None:
    """Parse again keeping line and column of every node (only done when there is a problem):
    the C parser's node tree, nothing constructed, so an impossible date stays where it is and
    a file of 500,000 broken records is located in seconds (the round-trip loader took minutes)."""
    return fast_parser().compose(path.read_text(encoding="utf-8"))


def fast_parser() -> YAML:
    return YAML(typ="safe", pure=False)


def locate(tree: Node | None, loc: Loc) -> tuple[int, int]:
    """Line and column (1-based) of the deepest node on loc that exists in the parsed tree:
    a mapping's key, a sequence's item."""
    if tree is None:
        return 1, 1
    line, column = tree.start_mark.line, tree.start_mark.column
    node = tree
    for step in loc:
        found = child(node, step)
        if found is None:
            break
        (line, column), node = found
    return line + 1, column + 1


def child(node: Node, step: str | int) -> tuple[tuple[int, int], Node] | None:
    """The position a step names under node (its key's, or its item's) and the node it leads to."""
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item = node.value[step]
        return (item.start_mark.line, item.start_mark.column), item
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(step):
                return (key.start_mark.line, key.start_mark.column), value
    return None
