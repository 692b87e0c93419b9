"""Owns the rules across records and files: ids unique, references known, ladders complete."""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from redress.messages import did_you_mean, say
from redress.problems import Finding, Loc

# "Did you mean" compares the word with every known one: past this many (a generated or broken
# file), each suggestion costs seconds and is rarely the right one, so none is made.
MAX_SUGGESTED_FROM = 10_000


def closest(word: str, known: Iterable[str]) -> str | None:
    candidates = list(known)
    if len(candidates) > MAX_SUGGESTED_FROM:
        return None
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_reference(file: str, loc: Loc, ref: str, noun: tuple[str, str],
                      known: Iterable[str]) -> Finding:
    """noun: what the record referred to is called (zh, en), as the registry declares it."""
    said = say("unknown_ref", kind_zh=noun[0], kind_en=noun[1], ref=ref,
               **did_you_mean(closest(ref, known)))
    return Finding(file, loc, said)


def duplicate_ids(file: str, records: Sequence[Any]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, record in enumerate(records):
        if record.id in seen:
            yield Finding(file, (index, "id"), say("duplicate_id", id=record.id))
        seen.add(record.id)


def check_ref(file: str, loc: Loc, ref: str, noun: tuple[str, str],
              known: Iterable[str]) -> Iterator[Finding]:
    """One id must exist; loc names the field that holds it."""
    known = list(known)
    if ref not in known:
        yield unknown_reference(file, loc, ref, noun, known)


def check_ladder(file: str, loc: Loc, rungs: list[str], canonical: list[str]) -> Iterator[Finding]:
    """Every situation walks the whole ladder, in the order channels.yml gives it."""
    known = [rung for rung in rungs if rung in canonical]
    missing = [rung for rung in canonical if rung not in rungs]
    if missing:
        yield Finding(file, loc, say("ladder_missing", rungs=", ".join(missing)))
    if known != sorted(known, key=canonical.index):
        yield Finding(file, loc, say("ladder_order", order=", ".join(canonical)))
    if len(set(rungs)) != len(rungs):
        yield Finding(file, loc, say("ladder_twice"))


def needs_basis(file: str, loc: Loc, bases: list[str], reported: object) -> Iterator[Finding]:
    if not bases and reported is None:
        yield Finding(file, loc, say("no_basis"))
