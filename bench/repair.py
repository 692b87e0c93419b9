"""A loadable copy of the data even mid-edit: drops what points nowhere, else uses the fixture."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from synth import add_branch, copy_project_data, read_yaml, write_yaml

from redress.checks.rules import find_cross_file_problems
from redress.data import loading
from redress.data.prose import read_prose
from redress.data.registry import KINDS
from redress.data.yaml_files import read_data
from redress.problems import DataProblems, Finding

TREE, TYPES = "data/decision_tree.yml", "data/complaint_types.yml"
ROUNDS = 20


def prepare_base(project: Path, fixture: Path, dest: Path) -> str:
    """Copy project's data/ and guides/ into dest so that it loads; say what had to change."""
    copy_project_data(project, dest)
    try:
        loading.load_knowledge_base(dest)
        return "real data"
    except DataProblems as problems:
        first = len(problems.problems)
    try:
        changes = repair(dest, fixture)
        loading.load_knowledge_base(dest)
        return f"real data mid-edit ({first} problems); repaired: {changes}"
    except Exception as failure:  # any shape the repair cannot handle: use the fixture
        copy_project_data(fixture, dest)
        loading.load_knowledge_base(dest)
        return f"real data mid-edit ({first} problems), not repairable ({failure!r}); fixture"


def repair(root: Path, fixture: Path) -> str:
    """Files that do not parse or fit their model come from the fixture; then every reference
    that points nowhere is dropped, innermost list item first, until nothing is left to drop."""
    raw = {kind.file: read_data(root, kind.file)[0] for kind in KINDS}
    dropped, replaced = 0, list[str]()
    for kind in KINDS:
        name = kind.file
        if raw[name] is None or loading.validate(kind, raw[name])[1]:
            shutil.copyfile(fixture / name, root / name)
            raw[name], replaced = read_yaml(root / name), [*replaced, name]
    for _ in range(ROUNDS):
        findings = cross_file_findings(root, raw)
        if not findings:
            break
        if any(f.loc == ("nodes",) for f in findings):
            reach_all(raw)
        dropped += drop_all(root, raw, findings)
    else:
        raise RuntimeError("still not loadable after dropping references")
    for kind in KINDS:
        write_yaml(root / kind.file, raw[kind.file])
    fixture_files = f", from the fixture: {', '.join(replaced)}" if replaced else ""
    return f"dropped {dropped} references{fixture_files}"


def cross_file_findings(root: Path, raw: dict[str, Any]) -> list[Finding]:
    records = {kind.name: kind.shape.validate_python(raw[kind.file]) for kind in KINDS}
    prose, problems = read_prose(root / "guides")
    kb = loading.assemble(records, prose)
    return list(find_cross_file_problems(kb, records)) + problems


def drop_all(root: Path, raw: dict[str, Any], findings: list[Finding]) -> int:
    """Remove what each finding is about: deepest lists first, highest index first, so no
    removal shifts another; returns how many things were removed."""
    targets: set[tuple[str, tuple[str | int, ...], int]] = set()
    dropped = 0
    for finding in findings:
        loc = list(finding.loc)
        if finding.file.startswith("guides/"):
            (root / finding.file).unlink(missing_ok=True)
            dropped += 1
        elif finding.file == TREE and loc and loc[-1] == "situation":
            dropped += raw[TREE]["nodes"][loc[1]].pop("situation", None) is not None
        else:
            while loc and not isinstance(loc[-1], int):
                loc.pop()
            if loc:
                targets.add((finding.file, tuple(loc[:-1]), int(loc[-1])))
    for file, path, index in sorted(targets, key=lambda t: (len(t[1]), t[2]), reverse=True):
        container = raw[file]
        for step in path:
            container = container[step]
        del container[index]
        dropped += 1
    return dropped


def reach_all(raw: dict[str, Any]) -> None:
    """Situations no outcome leads to get one on an added branch of the tree."""
    reached = {node.get("situation") for node in raw[TREE]["nodes"]}
    missing = [t for t in raw[TYPES] if t["id"] not in reached]
    add_branch(raw[TREE], missing, tag="repair")
