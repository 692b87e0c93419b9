"""Owns merging a batch of content written elsewhere (a scratch folder) into data/ and guides/.

Usage: python tools/merge_content.py BATCH_DIR [--write]
BATCH_DIR mirrors the project: data/<file>.yml holds only new records (lists), guides/<lang>/*.md.
Records whose id already exists in data/ are skipped (the project's copy wins). Without --write the
merge is made in a temporary copy and checked there; with --write it is applied to the project.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent


def merge_file(target: Path, extra: Path) -> list[str]:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # the data files' style (see .yamllint.yml)
    have = yaml.load(target.read_text(encoding="utf-8")) if target.exists() else []
    have_ids = {item["id"] for item in have or []}
    new = yaml.load(extra.read_text(encoding="utf-8")) or []
    keep = [item for item in new if item["id"] not in have_ids]
    skipped = [item["id"] for item in new if item["id"] in have_ids]
    if keep:
        buffer = io.StringIO()
        yaml.dump(keep, buffer)
        added = "\n".join(line[2:] if line.startswith("  ") else line  # top-level list at col 0
                          for line in buffer.getvalue().split("\n"))
        text = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(text.rstrip("\n") + "\n\n" + added, encoding="utf-8")
    return skipped


def merge(batch: Path, root: Path) -> None:
    for extra in sorted((batch / "data").glob("*.yml")):
        skipped = merge_file(root / "data" / extra.name, extra)
        if skipped:
            print(f"{extra.name}: kept the project's records for {', '.join(skipped)}")
    for prose in sorted((batch / "guides").glob("*/*.md")):
        destination = root / "guides" / prose.parent.name / prose.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(prose, destination)


def write_flat_tree(root: Path) -> None:
    """In the temporary copy only: a one-question tree reaching every situation, so that a batch
    of new situations can be checked before the real decision tree routes to them."""
    yaml = YAML(typ="safe")
    ids = [item["id"] for item in yaml.load((root / "data/complaint_types.yml").read_text())]
    options = [{"id": i, "label": {"zh": i, "en": i}, "next": "to-" + i} for i in ids]
    outcomes = [{"id": "to-" + i, "kind": "outcome", "situation": i,
                 "why": {"zh": i, "en": i}} for i in ids]
    start = {"id": "start", "kind": "question", "text": {"zh": "?", "en": "?"}, "options": options}
    out = YAML()
    with (root / "data/decision_tree.yml").open("w", encoding="utf-8") as handle:
        out.dump({"start": "start", "nodes": [start, *outcomes]}, handle)
    (root / "data/tree_paths.yml").write_text("[]\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    batch = Path(argv[0]).resolve()
    if "--write" in argv:
        merge(batch, ROOT)
        root = ROOT
    else:
        root = Path(tempfile.mkdtemp()) / "project"
        shutil.copytree(ROOT / "data", root / "data")
        shutil.copytree(ROOT / "guides", root / "guides")
        merge(batch, root)
        write_flat_tree(root)
    return subprocess.call([sys.executable, "-m", "redress", "--root", str(root), "check"],
                           cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
