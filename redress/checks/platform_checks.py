"""Owns the platform rules across files: variants for rungs in use, one per rung, and the gaps."""
from __future__ import annotations

from collections.abc import Iterator

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import CHANNELS, PLATFORMS, SITUATIONS
from redress.messages import say
from redress.problems import Finding


def find_platform_problems(kb: KnowledgeBase) -> Iterator[Finding]:
    """A platform gives at most one variant per rung, and a note only for a rung its situation
    uses (a note on a rung the guide never shows would never be read)."""
    for index, platform in enumerate(kb.of(PLATFORMS).values()):
        seen: set[str] = set()
        for number, variant in enumerate(platform.rungs):
            if variant.rung in seen:
                yield Finding(PLATFORMS.file, (index, "rungs", number, "rung"),
                              say("variant_twice", rung=variant.rung))
            seen.add(variant.rung)
        for number, note in enumerate(platform.notes):
            situation = kb.of(SITUATIONS).get(note.situation)
            if situation and note.rung not in {step.rung for step in situation.ladder}:
                yield Finding(PLATFORMS.file, (index, "notes", number, "rung"),
                              say("note_for_unused_rung", rung=note.rung, situation=note.situation))


def platform_gaps(kb: KnowledgeBase) -> Iterator[Finding]:
    """Warnings, not errors: a rung every situation uses that a platform neither words its own
    way nor declares `general` (its view then shows the general steps there)."""
    situations = list(kb.of(SITUATIONS).values())
    everywhere = [rung for rung in kb.of(CHANNELS)
                  if situations and all(rung in {s.rung for s in c.ladder} for c in situations)]
    for index, platform in enumerate(kb.of(PLATFORMS).values()):
        covered = {variant.rung for variant in platform.rungs} | set(platform.general)
        missing = [rung for rung in everywhere if rung not in covered]
        if missing:
            yield Finding(PLATFORMS.file, (index, "rungs"),
                          say("platform_rung_missing", rungs=", ".join(missing)))
