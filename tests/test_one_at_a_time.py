"""One build at a time; Ctrl-C or SIGTERM ends the whole build, tidily, keeping the last good site."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT

pytestmark = pytest.mark.site


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "redress", "--root", str(MINIMAL), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "REDRESS_CACHE": "off"})


def descendants(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found] + [d for p in found for d in descendants(int(p))]


def wait_for(condition: object, seconds: float = 120) -> None:
    started = time.monotonic()
    while not condition():  # type: ignore[operator]
        assert time.monotonic() - started < seconds, "timed out"
        time.sleep(0.05)


def test_two_builds_at_once_take_turns_and_leave_a_whole_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first, second = start("build", "--out", str(out)), start("build", "--out", str(out))
    outputs = [first.communicate(timeout=600)[0], second.communicate(timeout=600)[0]]
    assert first.returncode == second.returncode == 0, outputs
    assert any("another build is writing" in text for text in outputs)
    assert sorted(p.name for p in out.iterdir()) == ["data", "downloads", "en", "index.html", "zh"]
    assert (out / "en" / "index.html").is_file() and (out / "zh" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_sigterm_ends_the_language_builds_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert start("build", "--out", str(out)).wait(timeout=600) == 0
    before = (out / "zh" / "index.html").read_bytes()
    build = start("build", "--out", str(out))
    wait_for(lambda: len(descendants(build.pid)) >= 2)  # both mkdocs builds are running
    children = descendants(build.pid)
    build.send_signal(signal.SIGTERM)
    said = build.communicate(timeout=60)[0]
    assert build.returncode == 130 and "interrupted (SIGTERM)" in said and "Traceback" not in said
    assert [pid for pid in children if Path(f"/proc/{pid}").exists()] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]
    assert (out / "zh" / "index.html").read_bytes() == before


@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_sigterm_ends_an_export_with_its_workers_and_browsers(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "downloads" / "index.html").write_text("previous", encoding="utf-8")
    export = start("export", "--out", str(site))
    assert export.stdout is not None
    for line in export.stdout:
        if "… PDF files" in line:
            break
    wait_for(lambda: any("chrom" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                         for pid in descendants(export.pid) if Path(f"/proc/{pid}").exists()))
    children = descendants(export.pid)
    export.send_signal(signal.SIGTERM)
    said = export.communicate(timeout=60)[0]
    assert export.returncode == 130 and "interrupted (SIGTERM)" in said and "Traceback" not in said
    wait_for(lambda: not [pid for pid in children if alive(pid)], seconds=30)
    assert sorted(p.name for p in site.iterdir()) == ["downloads"]
    assert (site / "downloads" / "index.html").read_text(encoding="utf-8") == "previous"


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent that is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def limited_to(size: int) -> Callable[[], None]:
    """A machine whose disk takes no file over `size` bytes: writing more fails (EFBIG) as a full
    disk does (ENOSPC), in this process and every build it starts."""
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("size", [20_000, 200_000, 600_000])  # the parent's, then the builds' writes
def test_a_machine_that_cannot_write_ends_the_build_in_one_line_and_keeps_the_last_good_site(
        tmp_path: Path, size: int) -> None:
    out = tmp_path / "site"
    assert start("build", "--out", str(out)).wait(timeout=600) == 0
    before = (out / "zh" / "index.html").read_bytes()
    build = subprocess.run([sys.executable, "-m", "redress", "--root", str(MINIMAL), "build", "--out",
                            str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                           env={**os.environ, "REDRESS_CACHE": "off"}, preexec_fn=limited_to(size))
    said = build.stdout + build.stderr
    assert build.returncode == 1 and "Traceback" not in said, said
    assert "could not finish: File too large" in said and "无法完成" in said
    assert (out / "zh" / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]
