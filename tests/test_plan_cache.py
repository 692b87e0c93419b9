"""A site plan is reused only while every file it is made from is unchanged."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_loading import edit

from redress.data.loading import load_knowledge_base
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.plan_cache import cached_plan, cached_plans
from redress.pages.plan_source import cache_folder
from redress.pages.site import make_plan
from redress.problems import DataProblems

TYPES = "data/complaint_types.yml"


class Maker:
    """The real make_plan, counting how often the cache had to call it."""

    def __init__(self, root: Path, request: PlanRequest) -> None:
        self.root, self.request, self.calls = root, request, 0

    def __call__(self) -> SitePlan:
        self.calls += 1
        return make_plan(load_knowledge_base(self.root), self.request)


def test_a_kept_plan_is_the_plan_made_afresh(minimal_copy: Path, tmp_path: Path) -> None:
    request = PlanRequest("zh")
    make = Maker(minimal_copy, request)
    first = cached_plan(minimal_copy, request, make, tmp_path / "plans")
    again = cached_plan(minimal_copy, request, make, tmp_path / "plans")
    assert make.calls == 1
    assert again == first == make_plan(load_knowledge_base(minimal_copy), request)


@pytest.mark.parametrize("change", ["data", "prose", "request"])
def test_any_change_to_what_a_plan_is_made_from_makes_it_again(
        minimal_copy: Path, tmp_path: Path, change: str) -> None:
    request = PlanRequest("zh")
    cached_plan(minimal_copy, request, Maker(minimal_copy, request), tmp_path)
    if change == "data":
        edit(minimal_copy, TYPES, "summary:\n    zh: ", "summary:\n    zh: 改过的")
    elif change == "prose":
        guide = next((minimal_copy / "guides" / "zh").glob("*.md"))
        guide.write_text(guide.read_text(encoding="utf-8") + "\n多一段。\n", encoding="utf-8")
    else:
        request = PlanRequest("zh", directory_urls=False)
    make = Maker(minimal_copy, request)
    plan = cached_plan(minimal_copy, request, make, tmp_path)
    assert make.calls == 1 and plan == make_plan(load_knowledge_base(minimal_copy), request)
    if change == "data":
        assert any("改过的" in page.markdown for page in plan.pages)


def test_a_damaged_plan_is_made_again_without_complaint(minimal_copy: Path, tmp_path: Path) -> None:
    request = PlanRequest("en")
    cached_plan(minimal_copy, request, Maker(minimal_copy, request), tmp_path)
    for kept in tmp_path.glob("*.json"):
        kept.write_text('{"site_name": "half a fi', encoding="utf-8")
    make = Maker(minimal_copy, request)
    assert cached_plan(minimal_copy, request, make, tmp_path) == make_plan(load_knowledge_base(minimal_copy), request)
    assert make.calls == 1


def test_bad_data_is_reported_and_never_kept(minimal_copy: Path, tmp_path: Path) -> None:
    edit(minimal_copy, TYPES, "- id: counterfeit", "- id: Counterfeit")
    request = PlanRequest("zh")
    with pytest.raises(DataProblems):
        cached_plan(minimal_copy, request, Maker(minimal_copy, request), tmp_path)
    assert list(tmp_path.glob("*.json")) == []


def test_the_cache_can_be_moved_or_turned_off(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.delenv("REDRESS_CACHE", raising=False)
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "plans"
    monkeypatch.setenv("REDRESS_CACHE", str(tmp_path / "elsewhere"))
    assert cache_folder(tmp_path) == tmp_path / "elsewhere"
    monkeypatch.setenv("REDRESS_CACHE", "off")
    assert cache_folder(tmp_path) is None


def test_plans_are_made_together_from_one_load_and_kept_ones_read_back(
        minimal_copy: Path, tmp_path: Path) -> None:
    zh, en = PlanRequest("zh"), PlanRequest("en")
    cached_plan(minimal_copy, zh, Maker(minimal_copy, zh), tmp_path)
    asked: list[list[PlanRequest]] = []

    def make(missing: list[PlanRequest]) -> list[SitePlan]:
        asked.append(missing)
        kb = load_knowledge_base(minimal_copy)
        return [make_plan(kb, request) for request in missing]

    kb = load_knowledge_base(minimal_copy)
    assert cached_plans(minimal_copy, [zh, en], make, tmp_path) == [make_plan(kb, zh), make_plan(kb, en)]
    assert asked == [[en]]
    assert cached_plans(minimal_copy, [zh, en], make, tmp_path) == [make_plan(kb, zh), make_plan(kb, en)]
    assert asked == [[en]]


def test_a_plan_made_while_its_files_changed_is_not_kept(minimal_copy: Path, tmp_path: Path) -> None:
    request = PlanRequest("zh")

    def make_then_edit(missing: list[PlanRequest]) -> list[SitePlan]:
        plans = [make_plan(load_knowledge_base(minimal_copy), r) for r in missing]
        edit(minimal_copy, TYPES, "summary:\n    zh: ", "summary:\n    zh: 改过的")
        return plans

    cached_plans(minimal_copy, [request], make_then_edit, tmp_path)
    assert list(tmp_path.glob("*.json")) == []
