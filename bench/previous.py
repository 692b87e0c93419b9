"""A cold `make site` of today's code against the previous release's, each on its own data,
compared per page built (the data gains fields a release before cannot read, and pages)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from report import Report, seconds
from runs import CommandFailed, environment, measure, run_timed

PROJECT = Path(__file__).resolve().parent.parent
FALLBACK = "72ee0af"  # the commit the last published bench table was measured on
ROUNDS = 3
INSTALL_LIMIT = 900.0


def previous_release() -> str:
    """The newest tag, or, while the project has none, the commit of the last bench table."""
    tag = subprocess.run(["git", "describe", "--tags", "--abbrev=0"], cwd=PROJECT,
                         capture_output=True, text=True, check=False)
    return tag.stdout.strip() if not tag.returncode else FALLBACK


def check_out(ref: str, folder: Path) -> None:
    """The release in a second work tree (git worktree add), with its own locked virtualenv
    as `make site` makes it there."""
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(folder), ref],
                   cwd=PROJECT, check=True, capture_output=True, text=True)
    subprocess.run(["make", ".venv/.installed"], cwd=folder, check=True, capture_output=True,
                   text=True, timeout=INSTALL_LIMIT)


def remove(folder: Path) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=PROJECT,
                   capture_output=True, check=False)
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["git", "worktree", "prune"], cwd=PROJECT, capture_output=True, check=False)


def cold_build(python: Path, code: Path, data: Path, scratch: Path) -> Callable[[], float]:
    """`make site` as after a fresh clone: no kept plans, no site, no compiled project code."""
    def build() -> float:
        for folder in (scratch / "cache", scratch / "site"):
            shutil.rmtree(folder, ignore_errors=True)
        for compiled in [*code.glob("redress/**/__pycache__"), *code.glob("hooks/__pycache__")]:
            shutil.rmtree(compiled, ignore_errors=True)
        command = [str(python), "-m", "redress", "--root", str(data), "build",
                   "--out", str(scratch / "site")]
        env = environment(data, REDRESS_CACHE=str(scratch / "cache"))
        return run_timed(command, code, env)[0]
    return build


def pages_built(scratch: Path) -> int:
    """The HTML pages of the last build in scratch (both languages)."""
    return sum(1 for _ in (scratch / "site").rglob("*.html"))


def compare_cold(project: Path, base: Path, work: Path, report: Report) -> None:
    """Both cold builds in turn (alternating, so drift hits both alike), ROUNDS times."""
    ref, folder = previous_release(), work / "previous"
    try:
        check_out(ref, folder)
        then = cold_build(folder / ".venv" / "bin" / "python", folder, folder, work / "cold-then")
        now = cold_build(Path(sys.executable), project, base, work / "cold-now")
        old, new = measure(then, now, rounds=ROUNDS)
        pages_then, pages_now = pages_built(work / "cold-then"), pages_built(work / "cold-now")
    except (subprocess.SubprocessError, CommandFailed, OSError) as failure:
        report.note(f"cold build against {ref} skipped: {str(failure).strip()[-300:]}")
        return
    finally:
        remove(folder)
    ratio = (new.median / pages_now) / (old.median / pages_then)
    report.details["cold_make_site"] = {"previous": ref, "then": old.runs, "now": new.runs,
                                        "pages": [pages_then, pages_now], "ratio": ratio}
    report.add(f"9 cold make site a page, today / {ref} (each its own data)",
               f"{ratio:.2f} ({seconds(new.median)} for {pages_now} pages / "
               f"{seconds(old.median)} for {pages_then})", "≤ 0.65",
               ratio <= 0.65, f"{new.how}, alternating; each with its own locked venv")
