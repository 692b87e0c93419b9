"""Peak memory of a command and everything it starts: resident memory sampled from /proc."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from runs import finish, start

PAGE = os.sysconf("SC_PAGE_SIZE")
INTERVAL = 0.2  # seconds between samples: often enough for builds that run for minutes


@dataclass
class Peak:
    """The most resident memory seen: of the whole process group at once, and of one process."""

    group: int = 0
    process: int = 0


def group_rss(group: int) -> list[int]:
    """Resident bytes of each live process in the process group (the build and its children:
    `runs.start` gives each command a session, hence a group, of its own)."""
    sizes = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # ended between listing and reading
            continue
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        if int(fields[2]) == group:  # state, ppid, pgrp, …, rss is the 22nd
            sizes.append(int(fields[21]) * PAGE)
    return sizes


def run_sampled(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, Peak]:
    """Seconds of wall time and the peak memory of the command's process group."""
    peak, done = Peak(), threading.Event()
    started = time.perf_counter()
    process = start(command, cwd, env)

    def sample() -> None:
        while not done.wait(INTERVAL):
            sizes = group_rss(process.pid)
            peak.group = max(peak.group, sum(sizes))
            peak.process = max(peak.process, max(sizes, default=0))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        finish([command], [process])
    finally:
        done.set()
        sampler.join()
    return time.perf_counter() - started, peak
