"""Owns the law texts kept in the repository: where each came from, and that it is unchanged."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "manifest.json"  # inside the laws folder, beside the copies it lists


@dataclass(frozen=True)
class LawCopy:
    """One stored law text: its path under laws/, its origin, and the sha256 of its bytes."""

    file: str
    repository: str
    path: str
    commit: str
    version: str
    sha256: str


def read_manifest(laws_dir: Path) -> dict[str, LawCopy]:
    """The manifest by file; empty when there is none (or it is not one)."""
    try:
        rows = json.loads((laws_dir / MANIFEST).read_text(encoding="utf-8"))
        return {row["file"]: LawCopy(**row) for row in rows}
    except (OSError, ValueError, TypeError, KeyError):
        return {}


def write_manifest(laws_dir: Path, copies: list[LawCopy]) -> None:
    rows = [asdict(copy) for copy in sorted(copies, key=lambda c: c.file)]
    text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    (laws_dir / MANIFEST).write_text(text, encoding="utf-8")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_files(laws_dir: Path) -> set[str]:
    """Every law text in the folder (the manifest aside), as paths relative to it."""
    return {p.relative_to(laws_dir).as_posix() for p in laws_dir.rglob("*")
            if p.is_file() and p.name != MANIFEST}


def copies_out_of_step(laws_dir: Path) -> dict[str, str]:
    """Each file where the folder and its manifest disagree, and how: changed, missing, or
    not listed (a copy must stay byte for byte what upstream had, so quotations mean it)."""
    listed = read_manifest(laws_dir)
    wrong = {name: "changed" for name, copy in listed.items()
             if (laws_dir / name).is_file() and sha256_of(laws_dir / name) != copy.sha256}
    wrong |= {name: "missing" for name in listed if not (laws_dir / name).is_file()}
    wrong |= {name: f"not in {MANIFEST}" for name in stored_files(laws_dir) - set(listed)}
    return dict(sorted(wrong.items()))
