"""Owns the one YAML subset data files are written in: plain keys, no anchors, aliases, merge
keys or tags, nesting no deeper than data needs; checked on the parser's events, before any
structure is built (building a 30,000-deep list crashed the C composer; a merge-key bomb of
under 1 KB never finished)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from redress.messages import Said, say

MAX_DEPTH = 20  # the deepest data file (the tree) nests 6 levels


@dataclass
class Level:
    """One open list or mapping: whether a mapping, and how many nodes it holds so far."""

    mapping: bool
    nodes: int = 0

    @property
    def at_key(self) -> bool:
        return self.mapping and self.nodes % 2 == 0


@dataclass
class Walk:
    levels: list[Level] = field(default_factory=list)

    def refusal(self, event: Event) -> Said | None:
        """What in this event leaves the subset (None: nothing), then the walk moves on."""
        at_key = bool(self.levels) and self.levels[-1].at_key
        said = node_refusal(event, at_key) if isinstance(event, NodeEvent) else None
        if isinstance(event, CollectionStartEvent):
            self.levels.append(Level(isinstance(event, MappingStartEvent)))
            if len(self.levels) > MAX_DEPTH:
                said = said or say("yaml_too_deep", limit=str(MAX_DEPTH))
        elif isinstance(event, CollectionEndEvent):
            self.levels.pop()
        if isinstance(event, ScalarEvent | AliasEvent | CollectionEndEvent) and self.levels:
            self.levels[-1].nodes += 1
        return said


def node_refusal(event: NodeEvent, at_key: bool) -> Said | None:
    if isinstance(event, AliasEvent) or event.anchor:
        return say("yaml_alias")
    if getattr(event, "tag", None) and not implicitly_tagged(event):
        return say("yaml_tag")
    if at_key and not isinstance(event, ScalarEvent):
        return say("yaml_complex_key")
    if at_key and isinstance(event, ScalarEvent) and event.value == "<<" and not event.style:
        return say("yaml_alias")  # a merge key: it copies another mapping, like an alias
    return None


def implicitly_tagged(event: NodeEvent) -> bool:
    """The parser names a tag for some untagged nodes; only one written out is refused."""
    implicit = getattr(event, "implicit", None)
    return bool(implicit if isinstance(event, CollectionStartEvent) else implicit and implicit[0])


def outside_the_subset(text: str) -> tuple[Said, int, int] | None:
    """The first thing in the text that leaves the subset, with its line and column."""
    walk = Walk()
    for event in YAML(typ="safe", pure=False).parse(text):
        said = walk.refusal(event)
        if said:
            mark = event.start_mark
            return said, mark.line + 1, mark.column + 1
    return None
