"""Owns noting what of the knowledge base a page reads, so that an edit renders again only the
pages that read what it changed (what `mkdocs serve` remakes on every edit)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

ALWAYS = "always"  # a read that cannot be named: the page is rendered every time
# What is noted: a kind read through KnowledgeBase.of (its name: any change to it counts), one
# record or one field of it (record_read), one guide's prose (prose_read), or ALWAYS.
_noting: list[set[str]] = []


def note(read: str) -> None:
    """Add a read to every noting under way (views do not nest, but a view read twice is safe)."""
    for reads in _noting:
        reads.add(read)


@contextmanager
def noting() -> Iterator[set[str]]:
    """Everything read in this block, as the set it yields, filled as the block runs."""
    reads: set[str] = set()
    _noting.append(reads)
    try:
        yield reads
    finally:
        _noting.remove(reads)


def record_read(kind: str, record_id: str, field: str = "") -> str:
    """A record read whole, or one field of it."""
    return f"{kind}\0{record_id}\0{field}" if field else f"{kind}\0{record_id}"


def prose_read(key: str) -> str:
    return f"prose\0{key}"
