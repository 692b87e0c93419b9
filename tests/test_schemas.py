"""The editors' JSON Schemas are generated from the models, committed, and describe every field."""
from __future__ import annotations

import json
import re

from conftest import ROOT

from redress.outputs.schemas import data_schemas

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3}")


def test_the_committed_schemas_match_the_models() -> None:
    for name, text in data_schemas().items():
        committed = ROOT / "data" / "schema" / name
        assert committed.is_file(), f"data/schema/{name} is missing: run make schema"
        assert committed.read_text(encoding="utf-8") == text, f"{name} is stale: run make schema"


def test_every_field_is_described_in_both_languages() -> None:
    for name, text in data_schemas().items():
        schema = json.loads(text)
        for model, definition in [*schema.get("$defs", {}).items(), (name, schema)]:
            for field, prop in definition.get("properties", {}).items():
                help_text = prop.get("description", "")
                assert HAN.search(help_text) and LATIN.search(help_text), f"{name}: {model}.{field}"


def test_every_data_file_names_its_schema_for_editors() -> None:
    for path in (ROOT / "data").glob("*.yml"):
        head = path.read_text(encoding="utf-8").splitlines()[:4]
        assert head[0].startswith("# "), f"{path.name} starts without a comment saying what it holds"
        assert f"# yaml-language-server: $schema=schema/{path.stem}.schema.json" in head, path.name
