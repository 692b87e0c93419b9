"""The decision tree: every graph rule caught and located, every path fixture walked."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_loading import edit, problems_in

from redress.data import registry as kinds
from redress.data.loading import load_knowledge_base
from redress.data.tree_models import MAX_DEPTH
from redress.data.tree_paths import outcome_of, walk

TREE = "data/decision_tree.yml"
DEEP_CHAIN = "".join(
    f"""  - id: deep-{i}
    kind: question
    text:
      zh: 第{i}层？
      en: Level {i}?
    options:
      - id: on
        label:
          zh: 继续
          en: Go on
        next: {"deep-" + str(i + 1) if i < 6 else "no-guide"}
""" for i in range(1, 7))

BROKEN = [
    ("unknown target", "        next: counterfeit\n", "        next: counterfit\n",
     "unknown node 'counterfit' (did you mean 'counterfeit'?)"),
    ("unreachable node", "  - id: no-guide\n", "  - id: lonely\n    kind: outcome\n    why:\n      zh: 孤立\n      en: Alone\n  - id: no-guide\n",
     "no path from the start reaches 'lonely'"),
    ("cycle", "          en: None of these\n        next: no-guide", "          en: None of these\n        next: what-happened",
     "a cycle: what-happened → what-is-wrong → what-happened"),
    ("question without options", "  - id: refund\n", "  - id: empty\n    kind: question\n    text:\n      zh: 空？\n      en: Empty?\n  - id: refund\n",
     "the question 'empty' has no options"),
    ("duplicate option", "      - id: other\n", "      - id: fake\n",
     "the option 'fake' appears twice"),
    ("outcome to an unknown situation", "    situation: counterfeit\n", "    situation: counterfeits\n",
     "unknown situation 'counterfeits' (did you mean 'counterfeit'?)"),
    ("situation no path reaches", "        next: counterfeit\n", "        next: no-guide\n",
     "no path leads to the situation 'counterfeit'"),
    ("label missing a language", "          en: It's fake\n", "",
     "decision_tree.nodes[1].options[0].label.en: the English (en) text is missing"),
    ("situation three answers away", "        next: counterfeit\n",
     "        next: really\n  - id: really\n    kind: question\n    text:\n      zh: 确定吗？\n"
     "      en: Sure?\n    options:\n      - id: yes\n        label:\n          zh: 确定\n"
     "          en: Sure\n        next: counterfeit\n",
     "the situation 'counterfeit' takes 3 answers at the fewest (offer it from the first question "
     "or one level below (at most 2 answers))"),
    ("path deeper than 5", "        next: refund\n", "        next: deep-1\n",
     f"is 7 answers deep (reach every outcome in at most {MAX_DEPTH} answers)"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_graph_rule_is_caught_and_located(minimal_copy: Path, name: str, old: str, new: str,
                                               expected: str) -> None:
    if name == "path deeper than 5":
        path = minimal_copy / TREE
        path.write_text(path.read_text(encoding="utf-8") + DEEP_CHAIN, encoding="utf-8")
    edit(minimal_copy, TREE, old, new)
    found = problems_in(minimal_copy)
    assert any(expected in problem and problem.startswith(TREE + ":") for problem in found), found


def test_a_path_fixture_that_ends_elsewhere_is_reported(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/tree_paths.yml", "  outcome: counterfeit", "  outcome: refund-refused")
    assert any("these answers reach 'counterfeit', not 'refund-refused'" in p
               for p in problems_in(minimal_copy))


def test_every_path_fixture_of_the_real_tree_reaches_its_outcome() -> None:
    kb = load_knowledge_base(ROOT)
    assert kb.of(kinds.TREE_PATHS), "data/tree_paths.yml has no walks"
    for fixture in kb.of(kinds.TREE_PATHS):
        assert outcome_of(kb.of(kinds.TREE), fixture.answers) == fixture.outcome, fixture.answers


def test_the_real_tree_offers_every_situation_within_two_answers() -> None:
    kb = load_knowledge_base(ROOT)
    nearest: dict[str | None, int] = {}
    for step in walk(kb.of(kinds.TREE)):
        situation = getattr(step.node, "situation", "question")
        nearest[situation] = min(nearest.get(situation, 99), len(step.path))
    assert all(nearest[s] <= 2 for s in kb.of(kinds.SITUATIONS)), nearest


def test_the_real_tree_reaches_every_situation_within_five_answers() -> None:
    kb = load_knowledge_base(ROOT)
    steps = walk(kb.of(kinds.TREE))
    reached = {getattr(step.node, "situation", None) for step in steps}
    assert set(kb.of(kinds.SITUATIONS)) <= reached
    assert max(len(step.path) for step in steps) <= MAX_DEPTH
    assert None in reached, "an honest 'no guide fits' outcome exists"
