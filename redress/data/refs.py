"""Owns the mark a model field carries when its ids name records of another kind."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RefersTo:
    """On a field (`Annotated[list[Id], RefersTo("legal_bases")]`): each id it holds must be a
    record of that kind. The reference checks find every such field by this mark alone."""

    kind: str  # the kind's name in redress.data.registry
    others_only: bool = False  # a record may not name itself (a situation's `related`)
