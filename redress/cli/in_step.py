"""Owns the record of when each guide's two languages were last in step: a hash of each side."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

RECORD = Path("guides") / "in-step.json"  # written by `make in-step`, read by the report


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def read_record(root: Path) -> dict[str, dict[str, str]]:
    try:
        record = json.loads((root / RECORD).read_text(encoding="utf-8"))
        return record if isinstance(record, dict) else {}
    except (OSError, ValueError):
        return {}


def record_in_step(root: Path, keys: list[str]) -> list[str]:
    """Say that these guides (all, when none is named) now read the same in both languages."""
    record = read_record(root)
    zh_folder, en_folder = root / "guides" / "zh", root / "guides" / "en"
    pairs = sorted(p.relative_to(zh_folder).as_posix() for p in zh_folder.rglob("*.md")
                   if (en_folder / p.relative_to(zh_folder)).is_file())
    chosen = [key for key in pairs if not keys or key in keys or key.removesuffix(".md") in keys]
    for key in chosen:
        record[key] = {"zh": digest(zh_folder / key), "en": digest(en_folder / key)}
    (root / RECORD).write_text(json.dumps(dict(sorted(record.items())), indent=2) + "\n",
                               encoding="utf-8")
    return [f"in step: guides/*/{key}" for key in chosen] or ["no such guide in both languages"]


def changed_since_in_step(root: Path, key: str) -> set[str] | None:
    """Which languages changed since the pair was last recorded in step; None: never recorded."""
    recorded = read_record(root).get(key)
    if not recorded:
        return None
    return {lang for lang in ("zh", "en")
            if digest(root / "guides" / lang / key) != recorded.get(lang)}
