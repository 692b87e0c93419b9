"""The registry declares every data file once; references are checked wherever a model marks them."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT
from pydantic import BaseModel
from test_loading import edit, problems_in

from redress.checks.references import field_plan
from redress.data import models as models_module
from redress.data import tree_models
from redress.data.registry import KINDS, RECORDS_BY_NAME

REFERENCES = [  # (file, text in the minimal data, the same with a wrong id, the problem expected)
    ("data/complaint_types.yml", "  deadlines:\n    - quality-return\n", "  deadlines:\n    - quality-retrun\n",
     "complaint_types[refund-refused].deadlines[0]: unknown deadline 'quality-retrun' (did you mean 'quality-return'?)"),
    ("data/complaint_types.yml", "  related:\n    - counterfeit\n", "  related:\n    - refund-refused\n",
     "complaint_types[refund-refused].related[0]: unknown situation 'refund-refused'"),
    ("data/channels.yml", "    bases:\n      - crpl-24\n  url: https://www.12315.cn",
     "    bases:\n      - crpl-42\n  url: https://www.12315.cn",
     "channels[regulator].response.bases[0]: unknown legal basis 'crpl-42' (did you mean 'crpl-24'?)"),
    ("data/topics.yml", "  bases:\n    - crpl-24\n", "  bases:\n    - crpl-2\n",
     "topics[complaint-process].bases[0]: unknown legal basis 'crpl-2'"),
    ("data/legal_bases.yml", "  law: crpl\n", "  law: cprl\n",
     "legal_bases[crpl-24].law: unknown law 'cprl' (did you mean 'crpl'?)"),
    ("data/decision_tree.yml", "    situation: counterfeit\n", "    situation: counterfiet\n",
     "decision_tree.nodes[3].situation: unknown situation 'counterfiet' (did you mean 'counterfeit'?)"),
]


@pytest.mark.parametrize("case", REFERENCES, ids=[c[3].split(":")[0] for c in REFERENCES])
def test_a_marked_reference_to_nothing_is_located_with_a_near_miss(minimal_copy: Path,
                                                                    case: tuple[str, ...]) -> None:
    file, old, new, expected = case
    edit(minimal_copy, file, old, new)
    found = [problem for problem in problems_in(minimal_copy) if expected in problem]
    assert found, problems_in(minimal_copy)
    assert all(problem.startswith(f"{file}:") for problem in found)


def test_every_data_file_is_a_declared_kind_and_every_kind_has_its_file() -> None:
    for root in (ROOT, MINIMAL):
        on_disk = {path.relative_to(root).as_posix() for path in (root / "data").glob("*.yml")}
        assert on_disk == {kind.file for kind in KINDS}, root


def test_every_reference_mark_names_a_kind_of_records() -> None:
    models = [value for module in (models_module, tree_models) for value in vars(module).values()
              if isinstance(value, type) and issubclass(value, BaseModel)]
    marks = [mark for model in models for _, mark, _ in field_plan(model) if mark]
    assert len(marks) >= 10, "the models declare fewer references than the data has"
    assert {mark.kind for mark in marks} <= set(RECORDS_BY_NAME)
