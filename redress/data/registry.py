"""Owns the list of record kinds: each data file declared once, with its model and its uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter

from redress.data.letter_models import LetterKit
from redress.data.models import (
    Channel,
    ComplaintType,
    Deadline,
    Evidence,
    Group,
    HolidayYear,
    Law,
    LegalBasis,
    SynonymGroup,
    Topic,
    UiStrings,
)
from redress.data.platform_models import Platform, PlatformRule
from redress.data.tree_models import DecisionTree, PathFixture

Model = TypeVar("Model", bound=BaseModel)
Value = TypeVar("Value", covariant=True)


@dataclass(frozen=True)
class Records(Generic[Model]):
    """A data file that is a list of records with ids; the knowledge base holds them by id.

    noun: what one record is called in messages (zh, en); exported: in the open dataset."""

    name: str
    model: type[Model]
    noun: tuple[str, str]
    exported: bool = False

    @property
    def stem(self) -> str:
        """The file's name without folder and extension: also its name in the open dataset."""
        return self.name

    @property
    def file(self) -> str:
        return f"data/{self.stem}.yml"

    @cached_property
    def shape(self) -> TypeAdapter[Any]:
        return TypeAdapter(list[self.model])  # type: ignore[name-defined]

    @cached_property
    def one(self) -> TypeAdapter[Any]:
        """One record's shape (each is checked on its own, so one bad record hides no other)."""
        return TypeAdapter(self.model)

    @property
    def dated(self) -> bool:
        """Its records carry last_reviewed: they date the site and can grow stale."""
        return "last_reviewed" in self.model.model_fields


@dataclass(frozen=True)
class Whole(Generic[Value]):
    """A data file read as one value (the labels, the tree); `stem` names the file."""

    name: str
    stem: str
    kind: Any = field(repr=False)  # the type the whole file must have
    exported: bool = False
    dated = False

    @property
    def file(self) -> str:
        return f"data/{self.stem}.yml"

    @cached_property
    def shape(self) -> TypeAdapter[Any]:
        return TypeAdapter(self.kind)


Kind = Records[Any] | Whole[Any]

LAWS = Records("laws", Law, ("法律", "law"), exported=True)
BASES = Records("legal_bases", LegalBasis, ("法条", "legal basis"), exported=True)
EVIDENCE = Records("evidence", Evidence, ("证据", "evidence item"), exported=True)
CHANNELS = Records("channels", Channel, ("阶梯级别", "rung"), exported=True)
DEADLINES = Records("deadlines", Deadline, ("期限", "deadline"), exported=True)
GROUPS = Records("groups", Group, ("分组", "group"), exported=True)
SITUATIONS = Records("complaint_types", ComplaintType, ("情况", "situation"), exported=True)
HOLIDAYS = Records("holidays", HolidayYear, ("节假日安排", "holiday year"), exported=True)
TOPICS = Records("topics", Topic, ("专题", "topic"))
PLATFORMS = Records("platforms", Platform, ("平台", "platform"), exported=True)
PLATFORM_RULES = Records("platform_rules", PlatformRule, ("平台规则", "platform rule"), exported=True)
SYNONYMS = Records("synonyms", SynonymGroup, ("同义词组", "synonym group"), exported=True)
UI: Whole[dict[str, Any]] = Whole("ui", "ui_strings", UiStrings)
TREE: Whole[DecisionTree] = Whole("tree", "decision_tree", DecisionTree, exported=True)
TREE_PATHS: Whole[list[PathFixture]] = Whole("tree_paths", "tree_paths", list[PathFixture])
LETTERS: Whole[LetterKit] = Whole("letters", "letters", LetterKit)

# Every data file, in the order it is read; a new kind of record is one more line here.
KINDS: tuple[Kind, ...] = (LAWS, BASES, EVIDENCE, CHANNELS, DEADLINES, GROUPS, SITUATIONS, TOPICS,
                           PLATFORMS, PLATFORM_RULES, SYNONYMS, HOLIDAYS, UI, TREE, TREE_PATHS,
                           LETTERS)
# What a RefersTo mark names: a kind of records with ids.
RECORDS_BY_NAME: dict[str, Records[Any]] = {k.name: k for k in KINDS if isinstance(k, Records)}

