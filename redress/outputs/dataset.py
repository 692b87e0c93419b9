"""Owns the open dataset: site/data/*.json in both languages, each with its JSON Schema beside it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import Channel, ComplaintType, Deadline, Evidence, Group, Law, LegalBasis
from redress.data.tree_models import DecisionTree
from redress.outputs.schemas import schema_of

# file name (also the KnowledgeBase attribute) -> the model of its records
EXPORTS: dict[str, type[BaseModel]] = {
    "complaint_types": ComplaintType, "groups": Group, "legal_bases": LegalBasis, "evidence": Evidence,
    "laws": Law, "channels": Channel, "deadlines": Deadline,
}


def write_dataset(kb: KnowledgeBase, folder: Path) -> list[Path]:
    """Write every exported collection and its schema; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in EXPORTS.items():
        records = [record.model_dump(mode="json") for record in getattr(kb, name).values()]
        written.append(write_json(folder / f"{name}.json", records))
        written.append(write_json(folder / f"{name}.schema.json", schema_for(model, name)))
    written.append(write_json(folder / "decision_tree.json", kb.tree.model_dump(mode="json")))
    written.append(write_json(folder / "decision_tree.schema.json",
                              schema_of(TypeAdapter(DecisionTree), "decision_tree")))
    return written


def schema_for(model: type[BaseModel], name: str) -> dict[str, Any]:
    return schema_of(TypeAdapter(list[model]), name)


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
