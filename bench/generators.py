"""Life after MkDocs: the staged zh site built by ProperDocs against MkDocs; whether Zensical
installs and builds it. Both live in throwaway virtualenvs, never in requirements."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from report import Report, seconds
from runs import CommandFailed, environment, measure, run_timed

PROPERDOCS_VENV = Path("/tmp/properdocs")
ZENSICAL_VENV = Path("/tmp/zensical")
INSTALL_LIMIT, BUILD_LIMIT = 900.0, 600.0
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def stage_zh(project: Path, base: Path, folder: Path) -> Path:
    """`redress stage zh` of the bench's data: Markdown files and a config with no hook."""
    command = [sys.executable, "-m", "redress", "--root", str(base), "stage", "zh", str(folder)]
    run_timed(command, project, environment(base))
    return folder / "mkdocs.yml"


def differing_pages(one: Path, other: Path) -> list[str]:
    """Files that differ between two builds once the generator's name is taken out."""
    names = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    return sorted(str(name) for name in names if not (one / name).is_file()
                  or not (other / name).is_file()
                  or GENERATOR_TAG.sub(b"", (one / name).read_bytes())
                  != GENERATOR_TAG.sub(b"", (other / name).read_bytes()))


def properdocs(project: Path, base: Path, work: Path, report: Report) -> None:
    """bench/properdocs.sh installs ProperDocs 1.6.7; both generators build the same staged
    folder in turn; the ratio of their times and the pages that differ."""
    config = stage_zh(project, base, work / "staged-zh")
    try:
        subprocess.run(["bash", str(Path(__file__).with_name("properdocs.sh"))], cwd=project,
                       env={**environment(base), "PROPERDOCS_VENV": str(PROPERDOCS_VENV),
                            "PROPERDOCS_INSTALL_ONLY": "1"},
                       check=True, capture_output=True, text=True, timeout=INSTALL_LIMIT)
    except (subprocess.SubprocessError, OSError) as failure:
        report.note(f"ProperDocs not installed: {getattr(failure, 'stderr', '') or failure}"[-300:])
        return
    out = {"mkdocs": work / "staged-mkdocs", "properdocs": work / "staged-properdocs"}
    commands = {"mkdocs": [sys.executable, "-m", "mkdocs"],
                "properdocs": [str(PROPERDOCS_VENV / "bin" / "properdocs")]}

    def build(name: str) -> float:
        command = [*commands[name], "build", "--strict", "-f", str(config), "-d", str(out[name])]
        return run_timed(command, project, environment(base), BUILD_LIMIT)[0]

    mk, pd = measure(lambda: build("mkdocs"), lambda: build("properdocs"), rounds=3)
    differ = differing_pages(out["mkdocs"], out["properdocs"])
    ratio = pd.median / mk.median
    report.details["properdocs"] = {"mkdocs": mk.runs, "properdocs": pd.runs, "ratio": ratio,
                                    "differing_files": differ}
    report.add("11 staged zh site: ProperDocs 1.6.7 / MkDocs 1.6.1",
               f"{ratio:.2f} ({seconds(pd.median)} / {seconds(mk.median)})", "",
               None, f"{mk.how}, alternating; {len(differ)} files differ "
               "beyond the generator tag")


def pip(venv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(venv / "bin" / "pip"), "--disable-pip-version-check", *args],
                          capture_output=True, text=True, timeout=INSTALL_LIMIT, check=False)


def last_error(output: str) -> str:
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    return (errors or output.strip().splitlines() or ["no output"])[-1][:240]


def zensical_install() -> tuple[str, str]:
    """`pip install zensical` in a throwaway venv: the version it installed ('' for none), and
    why not the newest one, when it is not the newest."""
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(ZENSICAL_VENV)], check=True)
    installed = pip(ZENSICAL_VENV, "install", "--quiet", "zensical")
    shown = pip(ZENSICAL_VENV, "show", "zensical").stdout
    version = next((line.split()[1] for line in shown.splitlines()
                    if line.startswith("Version:")), "")
    if installed.returncode or not version:
        return "", last_error(installed.stderr)
    offered = pip(ZENSICAL_VENV, "index", "versions", "zensical").stdout
    newest = re.search(r"Available versions: ([^,\s]+)", offered)
    if newest is None or newest.group(1) == version:
        return version, ""
    refused = pip(ZENSICAL_VENV, "install", "--dry-run", f"zensical=={newest.group(1)}")
    return version, f"the newest, {newest.group(1)}, does not: {last_error(refused.stderr)}"


def zensical(project: Path, base: Path, work: Path, report: Report) -> None:
    """Whether Zensical installs, and what it makes of the staged zh site."""
    try:
        version, why = zensical_install()
    except (subprocess.SubprocessError, OSError) as failure:
        version, why = "", str(failure)
    if not version:
        report.add("11 Zensical", "does not install", how=why)
        return
    config = work / "staged-zh" / "mkdocs.yml"
    command = [str(ZENSICAL_VENV / "bin" / "zensical"), "build", "-f", str(config)]
    try:
        took, _ = run_timed(command, project, environment(base), BUILD_LIMIT)
        outcome = f"built the staged zh site in {seconds(took)}"
    except CommandFailed as failure:
        outcome = f"fails on the staged zh site: {last_error(str(failure))}"
    report.details["zensical"] = {"version": version, "newest": why, "outcome": outcome}
    report.add(f"11 Zensical {version} (pip install zensical)", outcome, how=why)
