"""Owns how pydantic's validation errors are told to a contributor, in both languages."""
from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import ValidationError

from redress.checks.integrity import closest
from redress.data.registry import KINDS
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
def findings_from(file: str, error: ValidationError) -> list[Finding]:
    return [finding_for(file, detail) for detail in error.errors(include_url=False)]


def finding_for(file: str, detail: Any) -> Finding:
    loc: Loc = without_union_tags(tuple(detail["loc"]))
    return Finding(file, loc, explain(detail["type"], loc, detail))


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
