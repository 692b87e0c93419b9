"""Owns `make laws`: copying the law texts the data cites from the upstream folder into laws/."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from redress.data.law_copies import LawCopy, read_manifest, sha256_of, stored_files, write_manifest

# A row of reference.md's file table: | sources/<file> [*(Part C)*] | repo : path | commit | version |
ROW = re.compile(r"^\|\s*sources/(?P<file>[^|*]+?)\s*(?:\*\([^)]*\)\*)?\s*\|\s*(?P<repo>[^|:]+?)\s*:"
                 r"\s*(?P<path>[^|]+?)\s*\|\s*(?P<commit>[0-9a-f]+)[^|]*\|\s*(?P<version>[^|]*?)\s*\|",
                 re.MULTILINE)
FULL_COMMIT = re.compile(r"\b[0-9a-f]{40}\b")
# A row of reference.md's platform-rule table:
# | name | platform | version | url | `sources-platform-rules/<file>` (= `<path>`) |
RULE_ROW = re.compile(r"^\|[^|]*\|[^|]*\|\s*(?P<version>[^|]*?)\s*\|[^|]*\|\s*`sources-platform-rules/"
                      r"(?P<file>[^`]+)`\s*\(=\s*`(?P<path>[^`]+)`\)\s*\|", re.MULTILINE)
RULES_COMMIT = re.compile(r"files last changed in `([0-9a-f]{40})`")
RULES = "platform-rules/"  # platform rules (not law) sit in laws/platform-rules/, apart from the laws


def refresh_laws(root: Path, upstream: Path) -> list[str]:
    """Copy, unmodified, every text data/laws.yml cites from upstream/sources into laws/,
    with its origin (from upstream/reference.md) and sha256; drop copies no longer cited."""
    laws_dir = root / "laws"
    cited = [*references_in(root / "data" / "laws.yml"), *references_in(root / "data" / "platform_rules.yml")]
    reference = (upstream / "reference.md").read_text(encoding="utf-8")
    origins = origins_in(reference) | rule_origins_in(reference)
    said, copies, kept = [], [], read_manifest(laws_dir)
    for name in dict.fromkeys(cited):
        source = upstream / (f"sources-platform-rules/{name.removeprefix(RULES)}"
                             if name.startswith(RULES) else f"sources/{name}")
        if not source.is_file() or name not in origins:
            said.append(f"not found upstream, left as it is: {name}")
            copies += [kept[name]] if name in kept else []
            continue
        (laws_dir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, laws_dir / name)
        copies.append(LawCopy(name, *origins[name], sha256=sha256_of(source)))
    for stale in stored_files(laws_dir) - {copy.file for copy in copies}:
        (laws_dir / stale).unlink()
        said.append(f"removed (no longer cited): {stale}")
    write_manifest(laws_dir, copies)
    return [*said, f"{len(copies)} law texts in laws/, listed in laws/manifest.json"]


def references_in(data_file: Path) -> list[str]:
    """The stored texts a data file's records name (none when the file is absent)."""
    if not data_file.is_file():
        return []
    return [row["reference"] for row in YAML(typ="safe").load(data_file.read_text(encoding="utf-8"))]


def rule_origins_in(reference: str) -> dict[str, tuple[str, str, str, str]]:
    """Platform rule file (as laws/ holds it) -> its origin, from reference.md's rule table."""
    commit = RULES_COMMIT.search(reference)
    return {f"{RULES}{row['file'].strip()}": ("JeasonLi2024/claimcraft-creative", row["path"].strip(),
                                              commit[1] if commit else "", row["version"].strip())
            for row in RULE_ROW.finditer(reference)}


def origins_in(reference: str) -> dict[str, tuple[str, str, str, str]]:
    """File -> (repository, path in it, full commit, version) from reference.md's file table;
    "same repo" rows take the repository of the row above, short commits are written out."""
    commits = set(FULL_COMMIT.findall(reference))
    found: dict[str, tuple[str, str, str, str]] = {}
    repository = ""
    for row in ROW.finditer(reference):
        repo = row["repo"].strip("` ")
        repository = repository if repo == "same repo" else repo
        commit = next((c for c in sorted(commits) if c.startswith(row["commit"])), row["commit"])
        found[row["file"].strip()] = (repository, row["path"].strip("` "), commit,
                                      row["version"].replace("**", "").strip())
    return found
