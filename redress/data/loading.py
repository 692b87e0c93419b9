"""Owns turning the files under data/ and guides/ into a KnowledgeBase, or into every problem."""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from redress.checks.quote_checks import find_quote_problems
from redress.checks.rules import (
    BASES,
    CHANNELS,
    DEADLINES,
    EVIDENCE,
    GROUPS,
    LAWS,
    TOPICS,
    TYPES,
    find_cross_file_problems,
    stale_records,
)
from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import (
    Channel,
    ComplaintType,
    Deadline,
    Evidence,
    Group,
    Law,
    LegalBasis,
    Topic,
    UiStrings,
)
from redress.data.prose import read_prose
from redress.data.tree_models import DecisionTree, PathFixture
from redress.data.validation_messages import findings_from
from redress.data.yaml_files import locate, positions, read_data
from redress.problems import DataProblems, Finding, Problem

UI = "data/ui_strings.yml"
TREE, TREE_PATHS = "data/decision_tree.yml", "data/tree_paths.yml"
SHAPES: dict[str, TypeAdapter[Any]] = {
    LAWS: TypeAdapter(list[Law]),
    BASES: TypeAdapter(list[LegalBasis]),
    EVIDENCE: TypeAdapter(list[Evidence]),
    CHANNELS: TypeAdapter(list[Channel]),
    DEADLINES: TypeAdapter(list[Deadline]),
    GROUPS: TypeAdapter(list[Group]),
    TYPES: TypeAdapter(list[ComplaintType]),
    TOPICS: TypeAdapter(list[Topic]),
    UI: TypeAdapter(UiStrings),
    TREE: TypeAdapter(DecisionTree),
    TREE_PATHS: TypeAdapter(list[PathFixture]),
}


def load_knowledge_base(root: Path, laws_dir: Path | None = None) -> KnowledgeBase:
    """Read and check everything; raise DataProblems listing every problem at once.

    With laws_dir (the stored law texts), every quotation is also checked against them."""
    raw: dict[str, Any] = {}
    findings: list[Finding] = []
    records: dict[str, Any] = {}
    for name, shape in SHAPES.items():
        data, problems = read_data(root / name, name)
        findings += problems
        raw[name] = data
        if not problems:
            records[name], problems = validate(name, shape, data)
            findings += problems
    prose, problems = read_prose(root / "guides")
    findings += problems
    if findings:
        raise DataProblems(locate_all(root, findings, raw))
    kb = assemble(records, prose)
    findings = list(find_cross_file_problems(kb, records))
    if laws_dir is not None:
        findings += find_quote_problems(kb, laws_dir)
    if findings:
        raise DataProblems(locate_all(root, findings, raw))
    return kb


def validate(name: str, shape: TypeAdapter[Any], data: Any) -> tuple[Any, list[Finding]]:
    try:
        return shape.validate_python(data), []
    except ValidationError as error:
        return None, findings_from(name, error)


def assemble(records: dict[str, Any], prose: dict) -> KnowledgeBase:
    def by_id(name: str) -> dict[str, Any]:
        return {record.id: record for record in records[name]}

    return KnowledgeBase(
        laws=by_id(LAWS), legal_bases=by_id(BASES), evidence=by_id(EVIDENCE),
        channels=by_id(CHANNELS), deadlines=by_id(DEADLINES), groups=by_id(GROUPS),
        complaint_types=by_id(TYPES), topics=by_id(TOPICS),
        ui=records[UI], prose=prose, tree=records[TREE], tree_paths=records[TREE_PATHS],
    )


def stale_warnings(root: Path, kb: KnowledgeBase, before: datetime.date) -> list[Problem]:
    """Every record last reviewed before `before`, located like a problem."""
    findings = list(stale_records(kb, before))
    raw = {name: read_data(root / name, name)[0] for name in {f.file for f in findings}}
    return sorted(locate_all(root, findings, raw))


def locate_all(root: Path, findings: list[Finding], raw: dict[str, Any]) -> list[Problem]:
    """Give every finding its line and column; each file is re-read at most once."""
    trees: dict[str, Any] = {}
    problems = []
    for finding in findings:
        line, column = finding.line, finding.column
        if line is None or column is None:
            if finding.file not in trees:
                trees[finding.file] = positions(root / finding.file)
            line, column = locate(trees[finding.file], finding.loc)
        path = readable_path(finding, raw.get(finding.file))
        problems.append(Problem(finding.file, line, column, path, finding.said))
    return problems


def readable_path(finding: Finding, data: Any) -> str:
    """'complaint_types[refund-refused].ladder[2].message' rather than a bare index path."""
    stem = Path(finding.file).stem
    parts = [stem]
    for index, step in enumerate(finding.loc):
        if isinstance(step, int):
            parts[-1] += f"[{record_name(data, step) if index == 0 else step}]"
        else:
            parts.append(str(step))
    return ".".join(parts)


def record_name(data: Any, index: int) -> str:
    if isinstance(data, list) and 0 <= index < len(data) and isinstance(data[index], dict):
        return str(data[index].get("id", index))
    return str(index)
