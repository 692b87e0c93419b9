"""Synthetic data for the scaling runs: N complaint types copied from a base, all in the tree
and in groups."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

TYPES, TREE, GROUPS = "data/complaint_types.yml", "data/decision_tree.yml", "data/groups.yml"
PER_QUESTION = 10  # 100 situations a group question, so 1,000 sit 2 answers deep on 10 questions
PER_GROUP = 20  # copies per synthetic group: each page's sidebar lists its group, not all


def read_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> None:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def copy_project_data(source: Path, dest: Path) -> None:
    """data/ and guides/ of source into dest, replacing dest's own."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in ("data", "guides"):
        shutil.rmtree(dest / folder, ignore_errors=True)
        shutil.copytree(source / folder, dest / folder)


def make_synthetic(base: Path, dest: Path, total: int) -> int:
    """dest gets base's data with `total` complaint types (the base's own first, then copies
    `<id>-s0001`…, each with its prose, PER_GROUP to a group `bench-group-0001`… after the
    base's groups); returns how many were added (none if the base has `total` or more)."""
    copy_project_data(base, dest)
    types = read_yaml(base / TYPES)
    originals = list(types)
    added: list[str] = []
    serial = 0
    while len(types) < total:
        original = originals[serial % len(originals)]
        serial += 1
        twin = copy.deepcopy(original)
        suffix = f"s{serial:04d}"
        twin["id"] = f"{original['id']}-{suffix}"
        twin["title"] = {lang: f"{text} {suffix}" for lang, text in original["title"].items()}
        twin["group"] = group_id(len(added) // PER_GROUP + 1)
        types.append(twin)
        added.append(twin["id"])
        for lang in ("zh", "en"):
            shutil.copyfile(base / "guides" / lang / f"{original['id']}.md",
                            dest / "guides" / lang / f"{twin['id']}.md")
    write_yaml(dest / TYPES, types)
    groups = read_yaml(base / GROUPS)
    count = -(-len(added) // PER_GROUP)  # rounded up
    write_yaml(dest / GROUPS, groups + [synthetic_group(n) for n in range(1, count + 1)])
    tree = read_yaml(base / TREE)
    add_branch(tree, [t for t in types if t["id"] in added])
    write_yaml(dest / TREE, tree)
    return len(added)


def group_id(number: int) -> str:
    return f"bench-group-{number:04d}"


def synthetic_group(number: int) -> dict[str, Any]:
    return {"id": group_id(number), "title": {"zh": f"第{number}组", "en": f"Group {number}"},
            "summary": {"zh": f"基准测试用的第{number}组合成情况。",
                        "en": f"Synthetic situations for the benchmark, group {number}."}}


def add_branch(tree: dict[str, Any], types: list[dict[str, Any]], tag: str = "bench") -> None:
    """More answers at the start, each a group of questions' worth of situations (PER_QUESTION
    squared), listed on one question: every added situation is 2 answers from the start, as the
    tree's own rule asks (every situation within the first question or one level below)."""
    if not types:
        return
    size = PER_QUESTION * PER_QUESTION
    start = next(n for n in tree["nodes"] if n["id"] == tree["start"])
    nodes: list[dict[str, Any]] = []
    for g, first in enumerate(range(0, len(types), size), start=1):
        asks = question(f"{tag}-group-{g}", f"第{g}组情况", f"Situations, group {g}")
        start["options"].append(option(f"{tag}-group-{g}", f"更多情况（第{g}组）",
                                       f"More situations (group {g})", asks["id"]))
        nodes.append(asks)
        for kind in types[first:first + size]:
            outcome = f"{kind['id']}-outcome"
            asks["options"].append(option(kind["id"], kind["title"]["zh"], kind["title"]["en"],
                                          outcome))
            nodes.append({"id": outcome, "kind": "outcome", "situation": kind["id"],
                          "why": dict(kind["summary"])})
    tree["nodes"].extend(nodes)


def question(node_id: str, zh: str, en: str) -> dict[str, Any]:
    return {"id": node_id, "kind": "question", "text": {"zh": zh, "en": en}, "options": []}


def option(option_id: str, zh: str, en: str, target: str) -> dict[str, Any]:
    return {"id": option_id, "label": {"zh": zh, "en": en}, "next": target}
