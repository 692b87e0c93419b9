"""Owns the rules across records and files: ids unique, references known, ladders complete."""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from redress.yaml_files import Finding, Loc


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "use an id that exists"


def unknown_reference(file: str, loc: Loc, ref: str, kind: str, known: Iterable[str]) -> Finding:
    return Finding(file, loc, f"unknown {kind} '{ref}'", did_you_mean(ref, known))


def duplicate_ids(file: str, records: Sequence[Any]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, record in enumerate(records):
        if record.id in seen:
            yield Finding(file, (index, "id"), f"the id '{record.id}' is used twice",
                          "give each record its own id")
        seen.add(record.id)


def check_refs(file: str, loc: Loc, refs: Iterable[str], kind: str,
               known: Iterable[str]) -> Iterator[Finding]:
    """Each id in a list of references must exist; loc names the list."""
    known = list(known)
    for index, ref in enumerate(refs):
        yield from check_ref(file, (*loc, index), ref, kind, known)


def check_ref(file: str, loc: Loc, ref: str, kind: str, known: Iterable[str]) -> Iterator[Finding]:
    """One id must exist; loc names the field that holds it."""
    known = list(known)
    if ref not in known:
        yield unknown_reference(file, loc, ref, kind, known)


def check_ladder(file: str, loc: Loc, rungs: list[str], canonical: list[str]) -> Iterator[Finding]:
    """Every situation walks the whole ladder, in the order channels.yml gives it."""
    known = [rung for rung in rungs if rung in canonical]
    missing = [rung for rung in canonical if rung not in rungs]
    if missing:
        yield Finding(file, loc, f"the ladder lacks the rung(s) {', '.join(missing)}",
                      "add a step for each rung of data/channels.yml")
    if known != sorted(known, key=canonical.index):
        yield Finding(file, loc, "the ladder's steps are out of order",
                      f"order them as in data/channels.yml: {', '.join(canonical)}")
    if len(set(rungs)) != len(rungs):
        yield Finding(file, loc, "a rung appears twice", "keep one step per rung")


def needs_basis(file: str, loc: Loc, bases: list[str], reported: object) -> Iterator[Finding]:
    if not bases and reported is None:
        yield Finding(file, loc, "no legal basis and no report date",
                      "name the articles in bases:, or give reported_as_of: for a buyers' report")
