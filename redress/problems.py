"""Owns the Problem record: one located, fixable complaint about the data, and its one-line form."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a data file, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    path: str
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where} › {self.path}: {self.what} ({self.fix})"


class DataProblems(Exception):
    """Raised once, with every problem found, when the data cannot be built."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        header = f"数据有 {count} 处问题 / {count} problem(s) in the data:"
        return "\n".join([header, *(f"  {problem}" for problem in self.problems)])
