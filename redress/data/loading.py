"""Owns turning the files under data/ and guides/ into a KnowledgeBase, or into every problem."""
from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from redress.checks.quote_checks import find_quote_problems
from redress.checks.rules import find_cross_file_problems, stale_records
from redress.data.knowledge_base import KnowledgeBase
from redress.data.prose import read_prose
from redress.data.registry import KINDS, Kind, Records
from redress.data.validation_messages import findings_from
from redress.data.yaml_files import locate, positions, read_data
from redress.languages import Lang
from redress.problems import DataProblems, Finding, Problem

# Rules a later stage adds (the pages know which pages exist), run with the cross-file ones.
SiteRules = Callable[[KnowledgeBase], Iterable[Finding]]


def load_knowledge_base(root: Path, laws_dir: Path | None = None,
                        site_rules: SiteRules | None = None) -> KnowledgeBase:
    """Read and check everything; raise DataProblems listing every problem at once.

    With laws_dir (the stored law texts), every quotation is also checked against them."""
    raw: dict[str, Any] = {}
    findings: list[Finding] = []
    records: dict[str, Any] = {}
    for kind in KINDS:
        data, problems = read_data(root, kind.file)
        findings += problems
        raw[kind.file] = data
        if not problems:
            records[kind.name], problems = validate(kind, data)
            findings += problems
    prose, problems = read_prose(root / "guides")
    findings += problems
    if findings:
        raise DataProblems(locate_all(root, findings, raw))
    kb = assemble(records, prose)
    findings = list(find_cross_file_problems(kb, records))
    if laws_dir is not None:
        findings += find_quote_problems(kb, laws_dir)
    if site_rules is not None:
        findings += site_rules(kb)
    if findings:
        raise DataProblems(locate_all(root, findings, raw))
    return kb


def validate(kind: Kind, data: Any) -> tuple[Any, list[Finding]]:
    try:
        return kind.shape.validate_python(data), []
    except ValidationError as error:
        return None, findings_from(kind, error)


def assemble(records: dict[str, Any], prose: dict[tuple[str, Lang], str]) -> KnowledgeBase:
    """Records files are held by id (the file's order kept); whole files as they are."""
    held = {kind.name: ({record.id: record for record in records[kind.name]}
                        if isinstance(kind, Records) else records[kind.name]) for kind in KINDS}
    return KnowledgeBase(held, prose)


def stale_warnings(root: Path, kb: KnowledgeBase, before: datetime.date) -> list[Problem]:
    """Every record last reviewed before `before`, located like a problem."""
    findings = list(stale_records(kb, before))
    raw = {name: read_data(root, name)[0] for name in {f.file for f in findings}}
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
