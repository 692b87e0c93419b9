"""Labels are data, not format strings: only the blanks their key is given, filled as text."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_loading import edit, problems_in

from redress.data.labels import fill

UI = "data/ui_strings.yml"
ABOUT_DATE = "  zh: 数据截至{date}\n"  # the data_as_of label of the minimal data


@pytest.mark.parametrize("label", ["{n.__class__.__mro__}", "{date.year}", "{0}", "{date!r}",
                                   "{date:>99999}", "{today}", "截至 {date", "截至 date}"])
def test_a_label_with_anything_but_its_own_blanks_is_refused_where_it_is(minimal_copy: Path,
                                                                         label: str) -> None:
    edit(minimal_copy, UI, ABOUT_DATE, f"  zh: '数据截至 {label}'\n")
    problems = problems_in(minimal_copy)
    assert any(p.startswith(f"{UI}:") and "ui_strings.data_as_of.zh: braces in a label may only be "
               "the blanks this label is given: {date}" in p for p in problems), problems


def test_a_label_without_blanks_may_not_have_braces(minimal_copy: Path) -> None:
    edit(minimal_copy, UI, "site_name:\n  zh: ", "site_name:\n  zh: '{x}'  # ")
    assert any("ui_strings.site_name.zh" in p and "given: —" in p for p in problems_in(minimal_copy))


def test_filling_a_label_never_evaluates_it() -> None:
    assert fill("截至 {date}", date="2026年12月1日") == "截至 2026年12月1日"
    assert fill("{date.__class__}", date="x") == "{date.__class__}"  # left as it is, and refused by check
