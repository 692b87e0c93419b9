"""GitHub runs, on every pull request, exactly what .ci/run runs: the project's own `make test`."""
from __future__ import annotations

from conftest import ROOT
from ruamel.yaml import YAML


def commands_of(script: str) -> list[str]:
    return [line.strip() for line in script.splitlines()
            if line.strip() and not line.lstrip().startswith(("#", "set ", "cd "))]


def test_ci_run_is_make_test() -> None:
    assert commands_of((ROOT / ".ci" / "run").read_text(encoding="utf-8")) == ["make test"]


def test_every_pull_request_runs_ci_run() -> None:
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    assert "pull_request" in workflow["on"]
    pull_request_jobs = [job for job in workflow["jobs"].values()
                         if "pull_request" in str(job.get("if", "pull_request"))]
    runs = [commands_of(step.get("run", "")) for job in pull_request_jobs for step in job["steps"]]
    assert ["bash .ci/run"] in runs


def test_every_day_and_on_main_a_job_builds_the_staged_site_with_properdocs() -> None:
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    assert workflow["on"]["schedule"] and workflow["on"]["push"]["branches"] == ["main"]
    jobs = [job for job in workflow["jobs"].values()
            if "schedule" in str(job.get("if", "")) and "push" in str(job.get("if", ""))]
    runs = [commands_of(step.get("run", "")) for job in jobs for step in job["steps"]]
    assert ["make properdocs"] in runs
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "properdocs: $(STAMP)" in makefile and "bash bench/properdocs.sh staged/zh" in makefile
    script = (ROOT / "bench" / "properdocs.sh").read_text(encoding="utf-8")
    assert "properdocs==1.6.7" in script and 'properdocs" build --strict' in script


def test_the_repository_tracks_no_symbolic_link() -> None:
    # A link in a clone points wherever it was made: a .venv link once replaced the virtualenv of
    # the checkout it landed in, and a link under data/ would publish the file it names.
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert [line.split("\t")[1] for line in listed if line.startswith("120000 ")] == []
