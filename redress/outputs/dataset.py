"""Owns the open dataset: site/data/*.json in both languages, each with its JSON Schema beside it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import KINDS, Records
from redress.outputs.schemas import schema_of


def write_dataset(kb: KnowledgeBase, folder: Path) -> list[Path]:
    """Write every exported kind (redress.data.registry) and its schema; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in (kind for kind in KINDS if kind.exported):
        value = kb.of(kind)
        if isinstance(kind, Records):
            data: Any = [record.model_dump(mode="json") for record in value.values()]
        else:
            data = kind.shape.dump_python(value, mode="json")
        written.append(write_json(folder / f"{kind.stem}.json", data))
        written.append(write_json(folder / f"{kind.stem}.schema.json",
                                  schema_of(kind.shape, kind.stem)))
    return written


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
