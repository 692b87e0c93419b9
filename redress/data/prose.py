"""Owns the hand-written guide prose under guides/<lang>/: reading it and checking each line."""
from __future__ import annotations

from pathlib import Path

from pydantic_core import PydanticCustomError

from redress.data.files import read_repository_text
from redress.data.markdown_check import markup_problem
from redress.data.text import check_publishable
from redress.languages import LANGS, Lang
from redress.messages import say
from redress.problems import Finding

MAX_BYTES = 200_000


def read_prose(folder: Path) -> tuple[dict[tuple[str, Lang], str], list[Finding]]:
    """Every guides/<lang>/<id>.md and guides/<lang>/topics/<id>.md, keyed by ('<id>' or
    'topics/<id>', lang), with the problems in any of them."""
    prose: dict[tuple[str, Lang], str] = {}
    findings: list[Finding] = []
    for lang in LANGS:
        for path in sorted((folder / lang).rglob("*.md")):
            key = path.relative_to(folder / lang).with_suffix("").as_posix()
            text, problems = read_one(folder.parent, f"guides/{lang}/{key}.md")
            findings += problems
            # Kept even with problems (which are reported, so the data never builds): the
            # situation still has its prose, and no second, false problem says it lacks one.
            prose[(key, lang)] = text
    return prose, findings


def read_one(root: Path, name: str) -> tuple[str, list[Finding]]:
    text, refused = read_repository_text(root, name, MAX_BYTES)
    if text is None:
        return "", refused
    if not text.strip():
        return "", [Finding(name, (), say("empty_text"), 1, 1)]
    if text.startswith("---"):  # front matter: the page's own comes from the data
        return "", [Finding(name, (), say("front_matter"), 1, 1)]
    lines = [problem for number, line in enumerate(text.splitlines(), start=1)
             if (problem := line_problem(name, number, line))]
    return text, lines or parsed_problems(name, text)


def parsed_problems(name: str, text: str) -> list[Finding]:
    """What the whole text becomes when parsed (a link target may sit on the next line, a
    heading may be underlined), located at the line that holds it."""
    problem = markup_problem(text, prose=True)
    if problem is None:
        return []
    kind, values = problem
    return [Finding(name, (), say(kind, **values), line_holding(text, values.get("target")), 1)]


def line_holding(text: str, target: str | None) -> int:
    """The line of the target's first mention, else of the first block that alone has the
    problem, else the first line."""
    if target and target in text:
        return text[: text.index(target)].count("\n") + 1
    start = 0
    for block in text.split("\n\n"):
        if markup_problem(block, prose=True):
            return text[:start].count("\n") + 1 + (len(block) - len(block.lstrip("\n")))
        start += len(block) + 2
    return 1


def line_problem(name: str, number: int, line: str) -> Finding | None:
    if not line.strip():
        return None
    if line.startswith("# ") or line.startswith("## "):
        return Finding(name, (), say("big_heading"), number, 1)
    try:
        check_publishable(line)
    except PydanticCustomError as error:
        return Finding(name, (), say(error.type, **(error.context or {})), number, 1)
    return None
