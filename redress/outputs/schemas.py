"""Owns the JSON Schemas: generated from the models, with bilingual help on every field."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from redress.data.registry import KINDS
from redress.outputs.field_help import help_for

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(adapter: TypeAdapter[Any], title: str) -> dict[str, Any]:
    """The schema of one data file, every property described in both languages."""
    schema = adapter.json_schema()
    for name, definition in schema.get("$defs", {}).items():
        describe(name, definition)
    describe(title, schema)
    return {"$schema": SCHEMA_DIALECT, "title": title, **schema}


def describe(model: str, definition: dict[str, Any]) -> None:
    for field, prop in definition.get("properties", {}).items():
        text = help_for(model, field)
        if text:
            prop["description"] = text


def data_schemas() -> dict[str, str]:
    """File name under data/schema/ -> the schema text, for every data file."""
    return {f"{kind.stem}.schema.json": as_text(schema_of(kind.shape, kind.stem)) for kind in KINDS}


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_data_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in data_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
