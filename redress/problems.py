"""Owns the problem records: a Finding (file and path), a located Problem and its one-line form."""
from __future__ import annotations

from dataclasses import dataclass

from redress.messages import Said

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem found before it has a line and column: the file and the path inside it."""

    file: str
    loc: Loc
    said: Said
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a data file, with where it is and how to fix it, in both languages."""

    file: str
    line: int
    column: int
    path: str
    said: Said

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column} › {self.path}"

    def english(self) -> str:
        return f"{self.where}: {self.said.what_en} ({self.said.fix_en})"

    def chinese(self) -> str:
        return f"{self.where}: {self.said.what_zh}（{self.said.fix_zh}）"

    def __str__(self) -> str:
        """Chinese first, English after: `file:line:col › path: 问题（改法） / what (fix)`."""
        said = self.said
        return f"{self.where}: {said.what_zh}（{said.fix_zh}） / {said.what_en} ({said.fix_en})"


class DataProblems(Exception):
    """Raised once, with every problem found, when the data cannot be built."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        header = f"数据有 {count} 处问题 / {count} problem(s) in the data:"
        return "\n".join([header, *(f"  {problem}" for problem in self.problems)])
