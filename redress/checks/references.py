"""Owns the reference checks: every field marked RefersTo names records that exist."""
from __future__ import annotations

import types
import typing
from collections.abc import Iterator
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


def find_unknown_references(kb: KnowledgeBase) -> Iterator[Finding]:
    """Walk every record of every kind; each marked field's ids must exist, located by the
    path the walk took (so no check repeats a model's field names)."""
    for kind in KINDS:
        value = kb.of(kind)
        if isinstance(kind, Records):
            for index, record in enumerate(value.values()):
                yield from references_in(kb, kind.file, record, (index,), record.id)
        else:
            yield from references_in(kb, kind.file, value, (), None)


def references_in(kb: KnowledgeBase, file: str, value: Any, loc: Loc,
                  owner: str | None) -> Iterator[Finding]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from references_in(kb, file, item, (*loc, index), owner)
    elif isinstance(value, BaseModel):
        for name, mark, nested in field_plan(type(value)):
            held = getattr(value, name)
            if mark is not None:
                yield from check_ids(kb, file, (*loc, name), held, mark, owner)
            elif nested:
                yield from references_in(kb, file, held, (*loc, name), owner)


def check_ids(kb: KnowledgeBase, file: str, loc: Loc, held: Any, mark: RefersTo,
              owner: str | None) -> Iterator[Finding]:
    kind = RECORDS_BY_NAME[mark.kind]
    records = kb.of(kind)
    ids = held if isinstance(held, list) else [held]
    for index, ref in enumerate(ids):
        if ref is None or (ref in records and not (mark.others_only and ref == owner)):
            continue
        known = [i for i in records if not (mark.others_only and i == owner)]
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
