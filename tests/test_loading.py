"""Bad data is reported as located, fixable problems, all at once, never as a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, run_redress

from redress.data.loading import load_knowledge_base
from redress.data.registry import SITUATIONS
from redress.problems import DataProblems


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_in(root: Path) -> list[str]:
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(root)
    return [problem.english() for problem in caught.value.problems]


def test_the_minimal_dataset_is_valid() -> None:
    kb = load_knowledge_base(MINIMAL)
    assert list(kb.of(SITUATIONS)) == ["refund-refused", "counterfeit"]


CASES = [
    ("unknown field", "data/complaint_types.yml", "  summary:\n    zh: 卖家不给退款。",
     "  sumary:\n    zh: 卖家不给退款。",
     "data/complaint_types.yml:7:3 › complaint_types[refund-refused].sumary: unknown field 'sumary' (did you mean 'summary'?)"),
    ("unknown field with no near miss in its record", "data/complaint_types.yml", "  summary:\n    zh: 卖家不给退款。",
     "  note:\n    zh: 卖家不给退款。",
     "data/complaint_types.yml:7:3 › complaint_types[refund-refused].note: unknown field 'note' (remove it, or use one of the fields allowed here: id, group, title, summary, keywords, symptoms, rights, unverified, evidence, ladder, deadlines, excuses, related, last_reviewed)"),
    ("unknown field inside a step", "data/complaint_types.yml", "      do:\n        zh: 在12315投诉。",
     "      doo:\n        zh: 在12315投诉。",
     "data/complaint_types.yml:42:7 › complaint_types[refund-refused].ladder[1].doo: unknown field 'doo' (did you mean 'do'?)"),
    ("missing language", "data/evidence.yml", "    en: Chat records\n", "",
     "data/evidence.yml:14:3 › evidence[chat-records].name.en: the English (en) text is missing (add 'en:' with the text)"),
    ("unknown reference with a near miss", "data/complaint_types.yml", "    - item: photos\n  ladder",
     "    - item: photo\n  ladder",
     "data/complaint_types.yml:32:7 › complaint_types[refund-refused].evidence[2].item: unknown evidence item 'photo' (did you mean 'photos'?)"),
    ("duplicate id", "data/evidence.yml", "- id: photos", "- id: chat-records",
     "data/evidence.yml:24:3 › evidence[chat-records].id: the id 'chat-records' is used twice (give each record its own id)"),
    ("bad id", "data/evidence.yml", "- id: photos", "- id: Photos_1",
     "data/evidence.yml:24:3 › evidence[Photos_1].id: not a valid id (use lowercase ASCII words joined by hyphens, e.g. refund-refused)"),
    ("wrong date", "data/deadlines.yml", "last_reviewed: 2026-11-23", "last_reviewed: 23.11.2026",
     "data/deadlines.yml:13:3 › deadlines[quality-return].last_reviewed: not a date (write the date as YYYY-MM-DD)"),
    ("empty text", "data/evidence.yml", "    zh: 自己拍摄", "    zh: ''",
     "data/evidence.yml:32:5 › evidence[photos].where.zh: the text is empty (write the text, or remove the field)"),
    ("raw HTML", "data/evidence.yml", "    zh: 自己拍摄", "    zh: 自己拍摄<script>alert(1)</script>",
     "data/evidence.yml:32:5 › evidence[photos].where.zh: raw HTML is not allowed (write plain text; use Markdown for links)"),
    ("YAML syntax", "data/evidence.yml", "    zh: 自己拍摄", "    zh: [自己拍摄",
     "data/evidence.yml:33:7 › evidence: YAML syntax: did not find expected ',' or ']' (check indentation, and put text containing ': ' or '#' in quotes)"),
    ("tab character", "data/deadlines.yml", "  length: 7", "\tlength: 7",
     "data/deadlines.yml:9:1 › deadlines: a tab character is used (indent with spaces only)"),
    ("incomplete ladder", "data/complaint_types.yml", "    - rung: regulator\n      do:\n        zh: 在12315投诉。\n        en: Complain on 12315.\n      message:\n        zh: \"投诉请求：请求被投诉人退还【金额】元。\\n事实与理由：卖家拒绝退款。\"\n        en: The seller refuses to refund [amount] yuan.\n", "",
     "data/complaint_types.yml:33:3 › complaint_types[refund-refused].ladder: the ladder lacks the rung(s) regulator (add a step for each rung of data/channels.yml)"),
    ("wrong indentation", "data/deadlines.yml", "  length: 7\n  unit:", "  length: 7\n   unit:",
     "data/deadlines.yml:10:8 › deadlines: YAML syntax: mapping values are not allowed in this context (check indentation, and put text containing ': ' or '#' in quotes)"),
    ("quotation without source", "data/legal_bases.yml", "- id: crpl-55-1\n  law: crpl\n", "- id: crpl-55-1\n",
     "data/legal_bases.yml:18:3 › legal_bases[crpl-55-1].law: the field 'law' is missing (add 'law:')"),
    ("javascript link", "data/evidence.yml", "    en: Take them yourself", "    en: '[Take them](javascript:alert(1))'",
     "data/evidence.yml:33:5 › evidence[photos].where.en: script or data links are not allowed (link to an https:// page)"),
    ("unknown group with a near miss", "data/complaint_types.yml", "  group: goods-problems",
     "  group: goods-problem",
     "data/complaint_types.yml:63:3 › complaint_types[counterfeit].group: unknown group 'goods-problem' (did you mean 'goods-problems'?)"),
    ("situation without a group", "data/complaint_types.yml", "  group: refunds-returns\n", "",
     "data/complaint_types.yml:2:3 › complaint_types[refund-refused].group: the field 'group' is missing (add 'group:')"),
    ("group no situation uses", "data/complaint_types.yml", "  group: goods-problems",
     "  group: refunds-returns",
     "data/groups.yml:9:3 › groups[goods-problems].id: no situation belongs to the group 'goods-problems' (give a situation 'group: goods-problems' in complaint_types.yml, or remove the group)"),
    ("duplicate group id", "data/groups.yml", "- id: goods-problems", "- id: refunds-returns",
     "data/groups.yml:9:3 › groups[refunds-returns].id: the id 'refunds-returns' is used twice (give each record its own id)"),
]


@pytest.mark.parametrize(("name", "file", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_problem_is_located(minimal_copy: Path, name: str, file: str, old: str,
                                         new: str, expected: str) -> None:
    edit(minimal_copy, file, old, new)
    assert expected in problems_in(minimal_copy)


def test_every_problem_is_reported_at_once(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/evidence.yml", "    en: Chat records\n", "")
    edit(minimal_copy, "data/complaint_types.yml", "  summary:", "  sumary:")
    edit(minimal_copy, "data/deadlines.yml", "last_reviewed: 2026-11-23", "last_reviewed: soon")
    assert len(problems_in(minimal_copy)) >= 4  # sumary unknown + summary missing + en + date


def test_a_group_may_not_share_an_id_with_a_situation(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/groups.yml", "- id: goods-problems", "- id: counterfeit")
    edit(minimal_copy, "data/complaint_types.yml", "  group: goods-problems", "  group: counterfeit")
    assert problems_in(minimal_copy) == [
        "data/groups.yml:9:3 › groups[counterfeit].id: the group id 'counterfeit' is also a "
        "situation's id (give the group another id)"]


def test_missing_guide_prose_is_a_problem(minimal_copy: Path) -> None:
    (minimal_copy / "guides" / "en" / "counterfeit.md").unlink()
    assert any("guides/en/counterfeit.md" in p for p in problems_in(minimal_copy))


def test_the_check_command_prints_problems_without_a_traceback(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/evidence.yml", "    en: Chat records\n", "")
    result = run_redress("--root", str(minimal_copy), "check")
    assert result.returncode == 1
    line = next(row for row in result.stdout.splitlines() if "evidence[chat-records].name.en" in row)
    assert "缺少英文（en）文本" in line and "the English (en) text is missing" in line
    assert "Traceback" not in result.stdout + result.stderr


def test_every_message_exists_in_both_languages_with_the_same_blanks() -> None:
    import string

    from redress.messages import MESSAGES

    def blanks(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (what_zh, what_en, fix_zh, fix_en) in MESSAGES.items():
        assert all((what_zh, what_en, fix_zh, fix_en)), key
        assert blanks(what_zh) | blanks(fix_zh) == blanks(what_en) | blanks(fix_en) or key in {
            "missing_language", "unknown_ref", "unknown_field"}, key


def test_a_huge_file_is_refused_before_parsing(minimal_copy: Path) -> None:
    path = minimal_copy / "data" / "evidence.yml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * 20_000_000, encoding="utf-8")
    assert any("larger than" in p for p in problems_in(minimal_copy))


def test_a_new_type_skeleton_fails_the_check_until_it_is_written(minimal_copy: Path) -> None:
    result = run_redress("--root", str(minimal_copy), "new-type", "fake-discount")
    assert result.returncode == 0, result.stdout
    assert (minimal_copy / "guides" / "zh" / "fake-discount.md").is_file()
    found = problems_in(minimal_copy)
    assert "complaint_types[fake-discount].title.zh: the text still says TODO" in "\n".join(found)
    types = (minimal_copy / "data" / "complaint_types.yml").read_text(encoding="utf-8")
    assert "- id: fake-discount\n  group: todo-group\n" in types  # a todo- id, like the others
    assert any(p.startswith("guides/en/fake-discount.md:1:1") for p in found)
    again = run_redress("--root", str(minimal_copy), "new-type", "fake-discount")
    assert again.returncode == 1 and "exists already" in again.stdout


def test_records_older_than_a_year_are_warned_about_but_do_not_fail(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/evidence.yml", "  last_reviewed: 2026-11-23\n- id: photos",
         "  last_reviewed: 2020-01-31\n- id: photos")
    result = run_redress("--root", str(minimal_copy), "check")
    assert result.returncode == 0, result.stdout
    warning = next(line for line in result.stdout.splitlines() if line.startswith("提醒 / warning"))
    assert "data/evidence.yml:23:3 › evidence[chat-records].last_reviewed" in warning
    assert "last reviewed on 2020-01-31, more than 12 months ago" in warning


def test_shape_problems_hide_no_reference_tree_or_prose_problem_and_cause_no_false_one(
        minimal_copy: Path) -> None:
    edit(minimal_copy, "data/evidence.yml", "    en: Chat records\n", "")  # a record loses its shape
    edit(minimal_copy, "data/complaint_types.yml", "  group: goods-problems", "  group: goods-problem")
    edit(minimal_copy, "data/decision_tree.yml", "    situation: counterfeit\n", "    situation: counterfiet\n")
    (minimal_copy / "guides" / "en" / "refund-refused.md").write_text("Fine.\n\n<b>bold</b>\n", encoding="utf-8")
    problems = problems_in(minimal_copy)
    expected = ["evidence[chat-records].name.en: the English (en) text is missing",
                "complaint_types[counterfeit].group: unknown group 'goods-problem'",
                "decision_tree.nodes[3].situation: unknown situation 'counterfiet'",
                "guides/en/refund-refused.md:3:1"]
    assert all(any(part in problem for problem in problems) for part in expected), problems
    assert not any("'chat-records'" in problem or "no prose" in problem for problem in problems), problems


def test_a_problem_after_a_record_without_its_shape_is_located_at_its_own_record(
        minimal_copy: Path) -> None:
    edit(minimal_copy, "data/complaint_types.yml", "  summary:\n    zh: 卖家不给退款。", "  summary:\n    zh: ''")
    edit(minimal_copy, "data/complaint_types.yml", "  group: goods-problems", "  group: goods-problem")
    assert any(p.startswith("data/complaint_types.yml:63:3 › complaint_types[counterfeit].group: unknown group")
               for p in problems_in(minimal_copy))
