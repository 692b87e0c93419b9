"""Owns the reference checks: every field marked RefersTo names records that exist."""
from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from redress.checks.integrity import unknown_reference
from redress.data.knowledge_base import KnowledgeBase
from redress.data.refs import RefersTo
from redress.data.registry import KINDS, RECORDS_BY_NAME, Records
from redress.problems import Finding, Loc

# A field's plan: (name, its RefersTo mark or None, whether a record may lie below it)
FieldPlan = tuple[str, RefersTo | None, bool]


def find_unknown_references(kb: KnowledgeBase,
                            also_known: dict[str, set[str]] | None = None) -> Iterator[Finding]:
    """Walk every record of every kind; each marked field's ids must exist (or be the ids of
    records reported for their shape, `also_known`), located by the path the walk took (so no
    check repeats a model's field names)."""
    also_known = also_known or {}
    known = {name: [*kb.of(kind), *sorted(also_known.get(name, ()))]  # in file order: what
             for name, kind in RECORDS_BY_NAME.items()}  # "did you mean" picks stays the same
    walk = Walk(known, {name: set(ids) for name, ids in known.items()})
    for kind in KINDS:
        value = kb.of(kind)
        if isinstance(kind, Records):
            for index, record in enumerate(value.values()):
                yield from walk.references_in(kind.file, record, (index,), record.id)
        else:
            yield from walk.references_in(kind.file, value, (), None)


@dataclass(frozen=True)
class Walk:
    """The ids of every kind, in order (for the hint) and as a set (to look up)."""

    known: dict[str, list[str]]
    lookup: dict[str, set[str]]

    def references_in(self, file: str, value: Any, loc: Loc, owner: str | None) -> Iterator[Finding]:
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.references_in(file, item, (*loc, index), owner)
        elif isinstance(value, BaseModel):
            for name, mark, nested in field_plan(type(value)):
                held = getattr(value, name)
                if mark is not None:
                    yield from self.check_ids(file, (*loc, name), held, mark, owner)
                elif nested:
                    yield from self.references_in(file, held, (*loc, name), owner)

    def check_ids(self, file: str, loc: Loc, held: Any, mark: RefersTo,
                  owner: str | None) -> Iterator[Finding]:
        kind = RECORDS_BY_NAME[mark.kind]
        ids = held if isinstance(held, list) else [held]
        for index, ref in enumerate(ids):
            if ref is None or (ref in self.lookup[kind.name] and not (mark.others_only and ref == owner)):
                continue
            known = [i for i in self.known[kind.name] if not (mark.others_only and i == owner)]
            at = (*loc, index) if isinstance(held, list) else loc
            yield unknown_reference(file, at, ref, kind.noun, known)


@cache  # a model's fields never change: work their plan out once, not once per record
def field_plan(model: type[BaseModel]) -> tuple[FieldPlan, ...]:
    plan = []
    for name, info in model.model_fields.items():
        mark = next((m for m in info.metadata if isinstance(m, RefersTo)), None)
        plan.append((name, mark, holds_references(info.annotation)))
    return tuple(plan)


def holds_references(annotation: Any) -> bool:
    """Whether a value of this type can hold a marked field (in a model, a list or a union):
    texts and dates hold none, so the walk never goes into them."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return any(mark is not None or nested for _, mark, nested in field_plan(annotation))
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        return any(holds_references(arg) for arg in typing.get_args(annotation))
    return False
