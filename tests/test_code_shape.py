"""The code stays in small rooms: short modules, short functions, a docstring saying what each owns."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

FOLDERS = ("redress", "hooks", "bench", "tools")
MODULE_LINES, FUNCTION_LINES = 220, 40  # "about 200" and 40, as ARCHITECTURE.md says


def modules() -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.py"))


def test_no_module_is_long() -> None:
    long = {str(p.relative_to(ROOT)): n for p in modules()
            if (n := p.read_text(encoding="utf-8").count("\n")) > MODULE_LINES}
    assert long == {}


def test_no_function_is_long() -> None:
    long = [f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({size} lines)"
            for path in modules() for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (size := (node.end_lineno or node.lineno) - node.lineno + 1) > FUNCTION_LINES]
    assert long == []


def test_every_module_says_what_it_owns() -> None:
    silent = [str(p.relative_to(ROOT)) for p in modules()
              if p.stat().st_size and not (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "")]
    assert silent == []


GENERATOR = {"mkdocs", "material", "jieba", "rjieba"}  # what only hooks/ may import


def test_the_core_never_imports_mkdocs_or_material() -> None:
    importing = [str(p.relative_to(ROOT)) for p in (ROOT / "redress").rglob("*.py")
                 for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Import | ast.ImportFrom)
                 and any(name.split(".")[0] in GENERATOR for name in imported(node))]
    assert importing == []


def imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def test_the_mkdocs_hook_stays_a_thin_adapter() -> None:
    assert (ROOT / "hooks" / "redress_hooks.py").read_text(encoding="utf-8").count("\n") <= 60
