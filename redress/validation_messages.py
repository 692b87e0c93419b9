"""Owns how pydantic's validation errors are told to a contributor: what is wrong, how to fix it."""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from redress import models
from redress.integrity import did_you_mean
from redress.text import Strict
from redress.yaml_files import Finding, Loc

UNION_TAGS = {"question", "outcome"}
LANGUAGE_NAMES = {"zh": "Chinese (zh)", "en": "English (en)"}
FIXES = {
    "string_pattern_mismatch": ("not a valid id",
                                "use lowercase ASCII words joined by hyphens, e.g. refund-refused"),
    "date_from_datetime_parsing": ("not a date", "write the date as YYYY-MM-DD"),
    "date_type": ("not a date", "write the date as YYYY-MM-DD"),
    "date_parsing": ("not a date", "write the date as YYYY-MM-DD"),
    "list_type": ("a list is expected here", "write one item per line, each starting with '- '"),
    "model_type": ("a mapping is expected here", "write 'key: value' lines under this one"),
    "dict_type": ("a mapping is expected here", "write 'key: value' lines under this one"),
    "string_type": ("a text is expected here",
                    "write the text after the colon; put text that is only digits in quotes"),
    "too_short": ("too few items", "add the items this list needs"),
    "int_parsing": ("a whole number is expected", "write digits only, e.g. 24"),
    "url_parsing": ("not a web address", "write the full https:// address"),
    "url_scheme": ("not a web address", "write the full https:// address"),
}


def findings_from(file: str, error: ValidationError, data: Any) -> list[Finding]:
    return [finding_for(file, detail, data) for detail in error.errors(include_url=False)]


def finding_for(file: str, detail: Any, data: Any) -> Finding:
    loc: Loc = without_union_tags(tuple(detail["loc"]))
    kind = detail["type"]
    what, fix = explain(kind, loc, detail)
    return Finding(file, loc, what, fix)


def without_union_tags(loc: Loc) -> Loc:
    """pydantic names the chosen node kind in the path ('nodes', 3, 'question', ...); YAML does not."""
    return tuple(step for i, step in enumerate(loc)
                 if not (step in UNION_TAGS and i and isinstance(loc[i - 1], int)))


def explain(kind: str, loc: Loc, detail: Any) -> tuple[str, str]:
    last = loc[-1] if loc else ""
    if kind == "missing" and last in LANGUAGE_NAMES:
        return f"the {LANGUAGE_NAMES[last]} text is missing", f"add '{last}:' with the text"
    if kind == "missing":
        return f"the field '{last}' is missing", f"add '{last}:'"
    if kind == "extra_forbidden":
        return f"unknown field '{last}'", unknown_field_fix(str(last))
    if "fix" in (detail.get("ctx") or {}):
        return detail["msg"], detail["ctx"]["fix"]
    if kind in FIXES:
        return FIXES[kind]
    return detail["msg"], "see CONTRIBUTING.md for what this field takes"


def unknown_field_fix(name: str) -> str:
    hint = did_you_mean(name, FIELD_NAMES)
    return hint if hint.startswith("did") else "remove it, or check its spelling"


FIELD_NAMES = sorted({name for model in vars(models).values()
                      if isinstance(model, type) and issubclass(model, Strict)
                      for name in model.model_fields})
