"""Owns reading YAML: the fast parse of the data (yaml_places.py finds line and column when reporting)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from redress.data.files import read_repository_text
from redress.data.yaml_fast import fast_loader
from redress.data.yaml_subset import outside_the_subset
from redress.messages import say
from redress.problems import Finding

VERSION_DIRECTIVE = re.compile(r"^%YAML", re.MULTILINE)
MAX_BYTES = 20_000_000  # 1,000 situations take about 18 MB; anything bigger is an accident
# Files parsed lately, by their text: `mkdocs serve` reads every file on each edit, and one edit
# changes one file. Nothing the loader does changes the parsed data, so it can be handed out again.
RECENT_FILES = 32


def read_data(root: Path, name: str) -> tuple[Any, list[Finding]]:
    """Parse root/name with the fast loader; return its data or what stops it being read."""
    text, refused = read_repository_text(root, name, MAX_BYTES)
    if text is None:
        return None, refused
    data, findings = parsed(name, text)
    return data, list(findings)


@lru_cache(maxsize=RECENT_FILES)
def parsed(name: str, text: str) -> tuple[Any, tuple[Finding, ...]]:
    data, findings = parse(name, text)
    return data, tuple(findings)


def parse(name: str, text: str) -> tuple[Any, list[Finding]]:
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return None, [Finding(name, (), say("tab"), line, 1)]
    directive = VERSION_DIRECTIVE.search(text)
    if directive:  # the C parser ignores it, editors do not
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
