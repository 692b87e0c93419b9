"""Where a language build gets its plan: handed over, kept or made now; with light imports
whenever it is not made, and the environment read in one place."""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT
from test_loading import edit

from redress.data.loading import load_knowledge_base
from redress.pages import plan_source
from redress.pages.plan import SitePlan
from redress.pages.plan_source import DataProblems, build_today, hand_over, plan_for, plan_request
from redress.pages.site import make_plan

REPOSITORY = "https://example.org/redress"
# Run as the hook runs it, in a process of its own; says which heavy modules it imported.
PROBE = f"""
import json, sys
from redress.pages.plan_source import plan_for
plan = plan_for("zh_CN", True, {REPOSITORY!r})
heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("pydantic", "jinja2", "ruamel")
               or name in ("redress.data.loading", "redress.pages.site", "redress.pages.catalogue"))
print(json.dumps({{"plan": plan.to_json(), "heavy": heavy}}))
"""


def language_build(**env: str) -> tuple[SitePlan, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    return SitePlan.from_json(found["plan"]), found["heavy"]


def test_a_kept_plan_is_taken_without_importing_the_loader_pydantic_or_jinja(
        minimal_copy: Path, tmp_path: Path) -> None:
    env = {"REDRESS_ROOT": str(minimal_copy), "REDRESS_CACHE": str(tmp_path / "plans")}
    made, heavy_when_made = language_build(**env)
    kept, heavy_when_kept = language_build(**env)
    assert "pydantic" in heavy_when_made and heavy_when_kept == []
    assert kept == made == make_plan(load_knowledge_base(minimal_copy), plan_request(
        "zh_CN", True, REPOSITORY, build_today(minimal_copy)))


def test_a_handed_over_plan_is_taken_without_reading_any_data(minimal_copy: Path, tmp_path: Path) -> None:
    request = plan_request("zh_CN", True, REPOSITORY, datetime.date(2026, 1, 2))
    plan = make_plan(load_knowledge_base(minimal_copy), request)
    (tmp_path / "handoff").mkdir()
    env = hand_over(tmp_path / "handoff", {request: plan})
    taken, heavy = language_build(**env, REDRESS_ROOT=str(tmp_path / "no-data-here"),
                                  REDRESS_CACHE="off")
    assert taken == plan and heavy == []


def test_a_build_asking_for_a_plan_not_handed_over_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    request = plan_request("zh_CN", True, REPOSITORY, None)
    plan = make_plan(load_knowledge_base(ROOT / "tests" / "fixtures" / "minimal"), request)
    monkeypatch.setenv("REDRESS_PLANS", hand_over(tmp_path, {request: plan})["REDRESS_PLANS"])
    assert plan_for("zh_CN", True, REPOSITORY) == plan
    with pytest.raises(LookupError, match="holds no plan"):
        plan_for("zh_CN", False, REPOSITORY)  # the offline build's plan was not handed over


def test_a_build_started_before_its_plan_waits_for_it_and_stops_when_none_can_come(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`redress build` starts the language builds first and hands the plans over later."""
    request = plan_request("zh_CN", True, REPOSITORY, None)
    plan = make_plan(load_knowledge_base(ROOT / "tests" / "fixtures" / "minimal"), request)
    later = tmp_path / "later"
    later.mkdir()
    monkeypatch.setenv("REDRESS_PLANS", str(later))
    handing = threading.Timer(0.3, hand_over, (later, {request: plan}))
    handing.start()
    assert plan_for("zh_CN", True, REPOSITORY) == plan
    handing.join()
    monkeypatch.setenv("REDRESS_PLANS", str(tmp_path / "gone"))  # the parent ended and tidied up
    with pytest.raises(LookupError, match="handed no plan over"):
        plan_for("zh_CN", True, REPOSITORY)


def test_bad_data_is_raised_as_the_problems_the_hook_catches(
        minimal_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(minimal_copy, "data/complaint_types.yml", "- id: counterfeit", "- id: Counterfeit")
    monkeypatch.setenv("REDRESS_ROOT", str(minimal_copy))
    monkeypatch.setenv("REDRESS_CACHE", "off")
    with pytest.raises(DataProblems) as caught:
        plan_for("en", True, REPOSITORY)
    assert "complaint_types.yml" in caught.value.report()


def test_today_is_the_date_of_the_data_roots_last_commit_or_none_outside_git(tmp_path: Path) -> None:
    committed = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, text=True,
                               capture_output=True, check=True).stdout.strip()
    assert build_today(ROOT) == datetime.date.fromisoformat(committed)
    assert build_today(tmp_path) is None  # a plan reads None as the data's own date


def test_the_request_is_the_configs_theme_language_url_style_and_repository() -> None:
    assert plan_request("zh_CN", True, REPOSITORY, None).lang == "zh"
    offline = plan_request("en", False, REPOSITORY, datetime.date(2026, 5, 1))
    assert (offline.lang, offline.directory_urls, offline.today, offline.repository) == (
        "en", False, datetime.date(2026, 5, 1), REPOSITORY)


def test_serve_watches_the_data_root_it_is_given_and_the_core(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDRESS_ROOT", str(tmp_path))
    assert plan_source.watched_folders() == [tmp_path / "data", tmp_path / "guides", ROOT / "redress"]
    monkeypatch.delenv("REDRESS_ROOT")
    assert plan_source.watched_folders()[0] == ROOT / "data"
