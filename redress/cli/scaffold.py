"""Owns `make new-type ID=…`: a skeleton situation that fails the check until it is written."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from ruamel.yaml import YAML

from redress.pages.rendering import environment

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def new_type(root: Path, new_id: str, today: datetime.date) -> list[str]:
    """Append the skeleton record and create both prose files; return what was done or why not."""
    if not ID.match(new_id):
        return [f"'{new_id}' is not a valid id: use lowercase ASCII words joined by hyphens"]
    types = root / "data" / "complaint_types.yml"
    existing = {record["id"] for record in YAML(typ="safe").load(types.read_text("utf-8")) or []}
    if new_id in existing:
        return [f"'{new_id}' exists already in data/complaint_types.yml"]
    rungs = [record["id"] for record in YAML(typ="safe").load(
        (root / "data" / "channels.yml").read_text("utf-8"))]
    skeleton = environment().get_template("new_type.yml.j2").render(
        id=new_id, rungs=rungs, today=today.isoformat())
    types.write_text(types.read_text("utf-8").rstrip("\n") + "\n" + skeleton, encoding="utf-8")
    done = [f"added '{new_id}' to data/complaint_types.yml"]
    for lang in ("zh", "en"):
        prose = root / "guides" / lang / f"{new_id}.md"
        prose.write_text("TODO\n", encoding="utf-8")
        done.append(f"created guides/{lang}/{new_id}.md")
    done.append("next: replace every TODO, then add an answer and an outcome for it in "
                "data/decision_tree.yml and a walk in data/tree_paths.yml; `make check` says "
                "what remains")
    return done
