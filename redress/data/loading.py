"""Owns turning the files under data/ and guides/ into a KnowledgeBase, or into every problem."""
from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from redress.checks.platform_checks import platform_gaps
from redress.checks.quote_checks import find_quote_problems
from redress.checks.rule_quote_checks import find_rule_quote_problems
from redress.checks.rules import find_cross_file_problems, stale_records
from redress.data.knowledge_base import KnowledgeBase
from redress.data.prose import read_prose
from redress.data.registry import KINDS, Kind, Records
from redress.data.validation_messages import findings_from
from redress.data.yaml_files import read_data
from redress.data.yaml_places import deepest, places
from redress.languages import Lang
from redress.messages import say
from redress.problems import DataProblems, Finding, Loc, Problem

# A file with more problems than this has one systematic fault (a wrong format, a script's
# output): the rest would take minutes to locate and bury the fault. Beyond it, one line says so.
MAX_LISTED = 200

# Rules a later stage adds (the pages know which pages exist), run with the cross-file ones.
SiteRules = Callable[[KnowledgeBase], Iterable[Finding]]


def load_knowledge_base(root: Path, laws_dir: Path | None = None,
                        site_rules: SiteRules | None = None) -> KnowledgeBase:
    """Read and check everything; raise DataProblems listing every problem at once.

    With laws_dir (the stored law texts), every quotation is also checked against them. The
    cross-file rules run on every record that has its shape, beside the shape problems of the
    others (whose ids still count as known), so a contributor sees every problem in one run;
    only a file that cannot be read at all, or is not a list of records, stops them."""
    read = Reading()
    for kind in KINDS:
        read.add(kind, *read_data(root, kind.file))
    prose, problems = read_prose(root / "guides")
    findings = read.findings + problems
    if not read.complete:
        raise DataProblems(locate_all(root, findings, read.raw))
    kb = assemble(read.records, prose)
    later = list(find_cross_file_problems(kb, read.records, read.unchecked))
    if laws_dir is not None:
        later += find_quote_problems(kb, laws_dir)
        later += find_rule_quote_problems(kb, laws_dir)
    findings += [read.in_file(finding) for finding in later]
    if site_rules is not None and not findings:  # they render pages: only from whole data
        findings += site_rules(kb)
    if findings:
        raise DataProblems(locate_all(root, findings, read.raw))
    return kb


@dataclass
class Reading:
    """What the data files gave: each file's raw data, the records that have their shape, the
    raw records that do not (by kind), and every problem so far."""

    raw: dict[str, Any] = field(default_factory=dict)
    records: dict[str, Any] = field(default_factory=dict)
    unchecked: dict[str, list[Any]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    complete: bool = True
    places: dict[str, list[int]] = field(default_factory=dict)  # file -> each valid record's index

    def in_file(self, finding: Finding) -> Finding:
        """A rule counts records among the valid ones; the file counts them all."""
        places, loc = self.places.get(finding.file), finding.loc
        if places is None or not loc or not isinstance(loc[0], int) or loc[0] >= len(places):
            return finding
        return Finding(finding.file, (places[loc[0]], *loc[1:]), finding.said, finding.line,
                       finding.column)

    def add(self, kind: Kind, data: Any, problems: list[Finding]) -> None:
        self.raw[kind.file] = data
        self.findings += problems
        if problems:
            self.complete = False
            return
        if isinstance(kind, Records) and isinstance(data, list):
            valid, self.unchecked[kind.name], problems = validate_each(kind, data)
            self.records[kind.name] = valid
            bad = {f.loc[0] for f in problems}
            self.places[kind.file] = [i for i in range(len(data)) if i not in bad]
        else:
            self.records[kind.name], problems = validate(kind, data)
            self.complete = self.complete and not problems
        self.findings += problems


def validate_each(kind: Records[Any], data: list[Any]) -> tuple[list[Any], list[Any], list[Finding]]:
    """Each record on its own: the valid ones, the raw ones that are not, and why not."""
    valid: list[Any] = []
    invalid: list[Any] = []
    findings: list[Finding] = []
    for index, item in enumerate(data):
        if len(findings) >= MAX_LISTED:  # the rest count as records (their ids are known)
            invalid += data[index:]
            findings.append(Finding(kind.file, (index,), say("too_many_problems", limit=MAX_LISTED)))
            break
        try:
            valid.append(kind.one.validate_python(item))
        except ValidationError as error:
            invalid.append(item)
            findings += findings_from(kind, error, at=(index,))
    return valid, invalid, findings


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
    """Every record last reviewed before `before`, and every platform's missing rung, located."""
    findings = [*stale_records(kb, before), *platform_gaps(kb)]
    raw = {name: read_data(root, name)[0] for name in {f.file for f in findings}}
    return sorted(locate_all(root, findings, raw))


def locate_all(root: Path, findings: list[Finding], raw: dict[str, Any]) -> list[Problem]:
    """Give every finding its line and column; each file is walked at most once, for the
    paths its findings need."""
    listed = at_most_listed(findings)
    unplaced: dict[str, list[Loc]] = {}
    for finding in listed:
        if finding.line is None or finding.column is None:
            unplaced.setdefault(finding.file, []).append(finding.loc)
    found = {name: places((root / name).read_text(encoding="utf-8"), locs)
             for name, locs in unplaced.items()}
    problems: list[Problem] = []
    for finding in listed:
        line, column = finding.line, finding.column
        if line is None or column is None:
            line, column = deepest(found[finding.file], finding.loc)
        path = readable_path(finding, raw.get(finding.file))
        problems.append(Problem(finding.file, line, column, path, finding.said))
    return problems


def at_most_listed(findings: list[Finding]) -> list[Finding]:
    """Every finding, but in any one file at most MAX_LISTED and then one that says so."""
    kept, seen = [], Counter[str]()
    for finding in findings:
        seen[finding.file] += 1
        if seen[finding.file] <= MAX_LISTED:
            kept.append(finding)
        elif seen[finding.file] == MAX_LISTED + 1:
            kept.append(replace(finding, said=say("too_many_problems", limit=MAX_LISTED)))
    return kept


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
