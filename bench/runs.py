"""Running and timing commands: alone, one after another, side by side; medians of short runs."""
from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SHORT = 10.0  # seconds: a first run shorter than this is repeated, and the median kept
REPEATS = 3


@dataclass
class Timing:
    """One measurement: every run's seconds, and the median of them."""

    runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def how(self) -> str:
        return f"median of {len(self.runs)}" if len(self.runs) > 1 else "1 run"


def measure(*probes: Callable[[], float], rounds: int | None = None) -> list[Timing]:
    """Run the probes in turn (interleaved, so drift hits them alike); when every probe of the
    first round took less than SHORT seconds, run REPEATS rounds in all (or exactly `rounds`)."""
    timings = [Timing() for _ in probes]
    for _ in range(rounds or REPEATS):
        for timing, probe in zip(timings, probes, strict=True):
            timing.runs.append(probe())
        if not rounds and max(timing.runs[0] for timing in timings) >= SHORT:
            break
    return timings


def environment(data_root: Path, **extra: str) -> dict[str, str]:
    """A language build run on its own (`mkdocs build`, as in `make serve`), reading data_root:
    it finds its plan kept or makes it, where `python -m redress build` hands it over."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REDRESS_ROOT": str(data_root),
            "PYTHONHASHSEED": "0", **extra}


def mkdocs_build(config: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)]


class CommandFailed(RuntimeError):
    """A timed command exited with an error; carries the end of its output."""


def start(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """A command in its own process group, so it and its children can be ended together."""
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def finish(commands: list[list[str]], running: list[subprocess.Popen[str]],
           limit: float | None = None) -> list[str]:
    """Wait for every process and return their outputs; on any error or failure end them all
    (whole process groups) and raise."""
    try:
        outputs = [process.communicate(timeout=limit)[0] for process in running]
    except subprocess.TimeoutExpired:
        raise CommandFailed(f"{' '.join(commands[0])} took over {limit:.0f} s") from None
    finally:
        for process in running:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    for command, process, output in zip(commands, running, outputs, strict=True):
        if process.returncode:
            raise CommandFailed(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return outputs


def run_timed(command: list[str], cwd: Path, env: dict[str, str],
              limit: float | None = None) -> tuple[float, str]:
    """Seconds of wall time and the output; raises CommandFailed when it fails."""
    started = time.perf_counter()
    output = finish([command], [start(command, cwd, env)], limit)[0]
    return time.perf_counter() - started, output


def side_by_side(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> float:
    """Seconds until every command, all started at once, has finished."""
    started = time.perf_counter()
    finish(commands, [start(command, cwd, env) for command in commands])
    return time.perf_counter() - started


def one_after_another(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> float:
    return sum(run_timed(command, cwd, env)[0] for command in commands)
