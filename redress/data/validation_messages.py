"""Owns how pydantic's validation errors are told to a contributor, in both languages."""
from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from redress.checks.integrity import closest
from redress.data.registry import KINDS, Kind, Records
from redress.messages import MESSAGES, Said, did_you_mean, say
from redress.problems import Finding, Loc

UNION_TAGS = {"question", "outcome"}
LANGUAGES = {"zh": ("中文（zh）", "Chinese (zh)"), "en": ("英文（en）", "English (en)")}
BY_ERROR_TYPE = {
    "string_pattern_mismatch": "bad_id", "date_from_datetime_parsing": "bad_date",
    "date_type": "bad_date", "date_parsing": "bad_date", "list_type": "need_list",
    "model_type": "need_mapping", "dict_type": "need_mapping", "model_attributes_type": "need_mapping",
    "string_type": "need_text", "too_short": "too_few", "int_parsing": "need_number",
    "int_type": "need_number", "url_parsing": "need_url", "url_scheme": "need_url",
    "url_type": "need_url", "union_tag_invalid": "bad_kind", "union_tag_not_found": "bad_kind",
}
def findings_from(kind: Kind, error: ValidationError, at: Loc = ()) -> list[Finding]:
    """Each error as a finding; `at` is where the validated value sits in its file."""
    return [finding_for(kind, detail, at) for detail in error.errors(include_url=False)]


def finding_for(kind: Kind, detail: Any, at: Loc) -> Finding:
    full = (*at, *detail["loc"])
    loc: Loc = without_union_tags(full)
    if detail["type"] == "extra_forbidden":  # suggest from the fields of the record in scope
        fields = fields_at(shape_type(kind), full[:-1])
        return Finding(kind.file, loc, unknown_field(str(loc[-1]), fields))
    return Finding(kind.file, loc, explain(detail["type"], loc, detail))


def unknown_field(word: str, fields: list[str]) -> Said:
    close = closest(word, [name for name in fields if name != word])
    if close:
        return say("unknown_field", field=word, **did_you_mean(close))
    return say("unknown_field_no_match", field=word, fields=", ".join(fields))


def shape_type(kind: Kind) -> Any:
    return list[kind.model] if isinstance(kind, Records) else kind.kind  # type: ignore[name-defined]


def fields_at(annotation: Any, loc: tuple[Any, ...]) -> list[str]:
    """The fields a record may have at this path of the file (pydantic's path, with the
    chosen node kind in it), walking the model types; all known fields when lost."""
    for step in loc:
        annotation = step_into(annotation, step)
        if annotation is None:
            return field_names()
    models = [t for t in members(annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    return [name for model in models for name in model.model_fields] or field_names()


def step_into(annotation: Any, step: Any) -> Any:
    for member in members(annotation):
        if isinstance(step, int) and typing.get_origin(member) is list:
            return typing.get_args(member)[0]
        if isinstance(member, type) and issubclass(member, BaseModel):
            if step in member.model_fields:
                return member.model_fields[step].annotation
            if step in UNION_TAGS and tagged(member) == step:  # pydantic names the node kind
                return member
        if typing.get_origin(member) is dict and isinstance(step, str):
            return typing.get_args(member)[1]
    return None


def tagged(model: type[BaseModel]) -> str | None:
    """The node kind a tree model stands for (its `kind: Literal[...]`), if it has one."""
    kind = model.model_fields.get("kind")
    values = typing.get_args(kind.annotation) if kind else ()
    return str(values[0]) if len(values) == 1 else None


def members(annotation: Any) -> list[Any]:
    """The types an annotation can stand for (unwrapping Annotated, Optional, unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in members(arg)]
    return [annotation]


def without_union_tags(loc: Loc) -> Loc:
    """pydantic names the chosen node kind in the path ('nodes', 3, 'question', ...); YAML does not."""
    return tuple(step for i, step in enumerate(loc)
                 if not (step in UNION_TAGS and i and isinstance(loc[i - 1], int)))


def explain(kind: str, loc: Loc, detail: Any) -> Said:
    last = str(loc[-1]) if loc else ""
    if kind == "missing" and last in LANGUAGES:
        zh, en = LANGUAGES[last]
        return say("missing_language", language_zh=zh, language_en=en, lang=last)
    if kind == "missing":
        return say("missing_field", field=last)
    if kind == "extra_forbidden":
        return say("unknown_field", field=last, **did_you_mean(closest(last, field_names())))
    if kind in MESSAGES:  # our own checks (redress.text.fail) carry their message's name
        return say(kind, **(detail.get("ctx") or {}))
    if kind in BY_ERROR_TYPE:
        return say(BY_ERROR_TYPE[kind])
    return say("other_value", detail=detail["msg"])


@cache  # asked for only when a field is unknown; the models do not change
def field_names() -> list[str]:
    """Every field any data file may have (for "did you mean"), from the registry's models."""
    names: set[str] = set()
    for kind in KINDS:
        names |= properties_in(kind.shape.json_schema())
    return sorted(names)


def properties_in(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return {name for part in schema for name in properties_in(part)}
    if not isinstance(schema, dict):
        return set()
    found = set(schema.get("properties", {}))
    return found | {name for part in schema.values() for name in properties_in(part)}
