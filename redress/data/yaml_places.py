"""Owns finding where paths are in a YAML file: the parser's events walked once, nothing built.

Only done when there are problems to locate. Building a node tree of the whole file for that
took most of `redress check` on a large broken file (500,000 records: minutes); the walk keeps
only the positions asked for, and stops after the last record a problem is in.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    StreamStartEvent,
)

from redress.problems import Loc

Place = tuple[int, int]  # line and column, from 0


@dataclass
class Frame:
    """A mapping or sequence being walked: its path, and where in it the walk is."""

    path: Loc
    mapping: bool
    index: int = 0  # a sequence's next item
    key: str | None = None  # a mapping's key whose value comes next (None: a key comes next)


def places(text: str, wanted: Iterable[Loc]) -> dict[Loc, Place]:
    """The place of every path in `wanted` and of each path above it that the file has (a
    mapping's step: its key's place; a sequence's: its item's); the root's place as ()."""
    asked = {loc[:depth] for loc in wanted for depth in range(len(loc) + 1)}
    last = max((loc[0] for loc in asked if loc and isinstance(loc[0], int)), default=None)
    listed = all(not loc or isinstance(loc[0], int) for loc in asked)
    found: dict[Loc, Place] = {}
    stack: list[Frame] = []
    for event in YAML(typ="safe", pure=False).parse(text):
        if isinstance(event, StreamStartEvent | DocumentStartEvent):
            continue
        if isinstance(event, CollectionEndEvent):
            stack.pop()
            moved_on(stack)
            if listed and len(stack) == 1 and (last is None or stack[0].index > last):
                break  # a list of records: nothing asked for lies further on
        elif isinstance(event, NodeEvent):
            path = step_into(stack, event, asked, found)
            if path is None:
                continue  # a key: its value comes next
            if isinstance(event, CollectionStartEvent):
                stack.append(Frame(path, isinstance(event, MappingStartEvent)))
            else:
                moved_on(stack)
    return found


def step_into(stack: list[Frame], event: NodeEvent, asked: set[Loc],
              found: dict[Loc, Place]) -> Loc | None:
    """The path of the node this event starts (None when it is a mapping's key), its place
    kept when it was asked for."""
    if not stack:
        path: Loc = ()
    elif stack[-1].mapping and stack[-1].key is None:
        key = str(event.value) if isinstance(event, ScalarEvent) else ""
        stack[-1].key = key
        keep((*stack[-1].path, key), event, asked, found)  # a mapping's step is at its key
        return None
    elif stack[-1].mapping:
        return (*stack[-1].path, stack[-1].key or "")
    else:
        path = (*stack[-1].path, stack[-1].index)
    keep(path, event, asked, found)
    return path


def keep(path: Loc, event: Event, asked: set[Loc], found: dict[Loc, Place]) -> None:
    if path in asked and event.start_mark is not None:
        found[path] = (event.start_mark.line, event.start_mark.column)


def moved_on(stack: list[Frame]) -> None:
    """A node ended: its mapping waits for a key again, its sequence for the next item."""
    if stack and stack[-1].mapping:
        stack[-1].key = None
    elif stack:
        stack[-1].index += 1


def deepest(found: dict[Loc, Place], loc: Loc) -> tuple[int, int]:
    """Line and column (from 1) of the deepest path on loc that the file has."""
    for depth in range(len(loc), -1, -1):
        if loc[:depth] in found:
            line, column = found[loc[:depth]]
            return line + 1, column + 1
    return 1, 1
