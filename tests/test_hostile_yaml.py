"""Data files are read in one safe YAML subset: whatever else a file holds is refused, located,
with the other files' problems in the same run; never a traceback, a crash or a hang."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_redress
from test_loading import edit, problems_in

EVIDENCE = "data/evidence.yml"
SUBSET = {  # the text that replaces `    zh: 自己拍摄` (line 32), where it is refused, and why
    "    zh: &x 自己拍摄": ("32:9", "anchors, aliases and merge keys"),
    "    zh: !!python/object/apply:os.system ['echo hi']": ("32:9", "YAML tags"),
    "    zh: !!binary aGk=": ("32:9", "YAML tags"),
    "    ? [a, b]\n    : 自己拍摄": ("32:7", "a key may only be a plain word"),
    "    <<: {en: x}\n    zh: 自己拍摄": ("32:5", "anchors, aliases and merge keys"),
    "    zh: " + "[" * 2_000 + "]" * 2_000: ("32:26", "nested more than 20 levels deep"),
}
BOMB = "a: &a [x, x]\n" + "".join(f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}]\n"
                                  for a, b in zip("abcdefghij", "bcdefghijk", strict=True))
MERGE_BOMB = "a: &a {x: 1}\n" + "".join(f"{b}: &{b} {{<<: [*{a}, *{a}]}}\n"
                                        for a, b in zip("abcdefghijklmnop", "bcdefghijklmnopq", strict=True))


@pytest.mark.parametrize("text", list(SUBSET), ids=range(len(SUBSET)))
def test_what_leaves_the_yaml_subset_is_refused_where_it_is(minimal_copy: Path, text: str) -> None:
    edit(minimal_copy, EVIDENCE, "    zh: 自己拍摄", text)
    edit(minimal_copy, "data/deadlines.yml", "  length: 7", "  length: seven")  # another file's
    where, said = SUBSET[text]
    problems = problems_in(minimal_copy)
    assert any(p.startswith(f"{EVIDENCE}:{where} › ") and said in p for p in problems), problems
    assert any(p.startswith("data/deadlines.yml:") for p in problems)


BOMBS = [BOMB, MERGE_BOMB, "? " + BOMB.replace("\n", "\n  ") + "\n: v\n",
         "a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 500)),
         "a: " + "[\n" * 30_000 + "]\n" * 30_000]  # 60 KB of brackets, one a line: under the line limit


@pytest.mark.parametrize("bomb", BOMBS, ids=["aliases", "merge keys", "alias key", "indented", "brackets"])
def test_bombs_and_deep_nesting_are_refused_by_the_command_without_a_crash(minimal_copy: Path,
                                                                          bomb: str) -> None:
    (minimal_copy / EVIDENCE).write_text(bomb, encoding="utf-8")
    result = run_redress("--root", str(minimal_copy), "check")
    assert result.returncode == 1, result  # a crash would be a negative code
    assert f"{EVIDENCE}:" in result.stdout and "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2026-11-31"])
def test_an_impossible_date_is_located_and_hides_nothing(minimal_copy: Path, date: str) -> None:
    edit(minimal_copy, "data/deadlines.yml", "last_reviewed: 2026-11-23", f"last_reviewed: {date}")
    edit(minimal_copy, EVIDENCE, "    en: Chat records\n", "")
    problems = problems_in(minimal_copy)
    assert any(p.startswith("data/deadlines.yml:13:3 › deadlines[quality-return].last_reviewed: not a date")
               for p in problems), problems
    assert any("evidence[chat-records].name.en" in p for p in problems)


@pytest.mark.parametrize("date", ["2099-01-01", "9999-12-31"])
def test_a_review_date_in_the_future_is_refused(minimal_copy: Path, date: str) -> None:
    edit(minimal_copy, "data/deadlines.yml", "last_reviewed: 2026-11-23", f"last_reviewed: {date}")
    assert any(p.startswith("data/deadlines.yml:13:3 › deadlines[quality-return].last_reviewed: "
                            f"the review date {date} is in the future") for p in problems_in(minimal_copy))


def test_a_file_of_many_broken_records_lists_the_first_problems_and_says_so(minimal_copy: Path) -> None:
    (minimal_copy / EVIDENCE).write_text("".join(f"- id: e{n}\n" for n in range(5_000)), encoding="utf-8")
    problems = problems_in(minimal_copy)
    in_file = [p for p in problems if p.startswith(f"{EVIDENCE}:")]
    assert len(in_file) == 201 and "more than 200 problems; the rest are not listed" in in_file[-1]
    assert in_file[0].startswith(f"{EVIDENCE}:1:3 › ") and in_file[-1].startswith(f"{EVIDENCE}:51:3 › ")
