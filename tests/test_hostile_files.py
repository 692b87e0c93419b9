"""A file a pull request brings is read only if it is a regular file of the repository, in UTF-8."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_loading import problems_in

EVIDENCE = "data/evidence.yml"
GUIDE = "guides/en/counterfeit.md"


def replace_with_link(root: Path, name: str, target: str) -> None:
    (root / name).unlink()
    (root / name).symlink_to(target)


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "/nowhere/at/all"])
@pytest.mark.parametrize("name", [EVIDENCE, GUIDE])
def test_a_file_that_is_a_symbolic_link_is_refused_and_never_read(minimal_copy: Path, name: str,
                                                                   target: str) -> None:
    replace_with_link(minimal_copy, name, target)
    problems = problems_in(minimal_copy)
    assert f"{name}:1:1 › " in problems[0] and f"{name} is a symbolic link" in problems[0]
    assert not any("root:" in p or "PATH=" in p for p in problems)


def test_a_folder_of_links_is_refused_too(minimal_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (minimal_copy / "guides" / "en").rename(outside)
    (minimal_copy / "guides" / "en").symlink_to(outside)
    assert any("guides/en is a symbolic link" in p for p in problems_in(minimal_copy))


@pytest.mark.parametrize("name", [EVIDENCE, "guides/en/extra.md"])
def test_a_folder_where_a_file_belongs_is_refused(minimal_copy: Path, name: str) -> None:
    path = minimal_copy / name
    path.unlink(missing_ok=True)
    path.mkdir()
    assert any(f"{name} is not a regular file" in p for p in problems_in(minimal_copy))


def test_a_named_pipe_is_refused_without_waiting_for_it(minimal_copy: Path) -> None:
    (minimal_copy / EVIDENCE).unlink()
    os.mkfifo(minimal_copy / EVIDENCE)
    assert any(f"{EVIDENCE} is not a regular file" in p for p in problems_in(minimal_copy))


@pytest.mark.parametrize(("encoding", "where"), [("gbk", ":4:9 › "), ("utf-16", ":1:1 › ")])
def test_a_file_not_in_utf8_is_refused_at_its_first_bad_byte(minimal_copy: Path, encoding: str,
                                                             where: str) -> None:
    path = minimal_copy / EVIDENCE
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    problems = problems_in(minimal_copy)
    assert any(f"{EVIDENCE}{where}" in p and "not UTF-8 (save the file as UTF-8" in p for p in problems), problems


def test_one_bad_byte_in_guide_prose_is_located(minimal_copy: Path) -> None:
    (minimal_copy / GUIDE).write_bytes("A first line.\n\nAll fine \xff here.\n".encode("latin-1"))
    assert any(f"{GUIDE}:3:10 › " in p and "not UTF-8" in p for p in problems_in(minimal_copy))


def test_a_byte_order_mark_is_allowed(minimal_copy: Path) -> None:
    path = minimal_copy / EVIDENCE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    from redress.data.loading import load_knowledge_base

    load_knowledge_base(minimal_copy)


def test_a_very_long_line_is_refused_before_parsing(minimal_copy: Path) -> None:
    path = minimal_copy / GUIDE
    path.write_text("A first line.\n\n" + "x" * 50_000 + "\n", encoding="utf-8")
    assert any(f"{GUIDE}:3:1 › " in p and "longer than 10,000 characters" in p
               for p in problems_in(minimal_copy))


def test_problems_in_other_files_are_still_reported(minimal_copy: Path) -> None:
    replace_with_link(minimal_copy, GUIDE, "/etc/passwd")
    (minimal_copy / "data" / "deadlines.yml").write_bytes("- id: ä\n".encode("latin-1"))
    problems = problems_in(minimal_copy)
    assert any(p.startswith(GUIDE) for p in problems) and any(p.startswith("data/deadlines.yml") for p in problems)
