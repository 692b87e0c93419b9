"""Owns printing with Chromium: two browsers side by side on the two cores, each taking the
next task (a booklet's two prints, a batch of documents to print and cut) as it is free, while
the parent goes on (it builds the offline sites meanwhile)."""
from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from itertools import accumulate
from multiprocessing.util import Finalize
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = os.environ.get("REDRESS_CHROMIUM") or "/usr/bin/chromium"  # Debian's, never a download
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
BROWSERS = 2  # one a core
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# This worker process's browser tab, opened by its first task and closed when the worker ends.
WORKER: dict[str, Any] = {}


@dataclass(frozen=True)
class Timing:
    """How long a task took, and the CPU its browser and worker spent on it."""

    kind: str
    name: str
    seconds: float
    cpu: float


class PrintTask(Protocol):
    """What a browser is given to print: its kind (export.KINDS), a name for its progress
    line, how many PDFs it makes."""

    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def count(self) -> int: ...
    def run(self, tab: Page, day: datetime.date) -> None: ...


class Printing:
    """Two browsers, each taking the next task as it is free: tasks are started in groups (the
    checklists only once the offline site they print is built), the longest first in each, so
    that both browsers finish together."""

    def __init__(self, day: datetime.date, tasks: list[PrintTask]) -> None:
        total, firsts = sum(t.count for t in tasks), accumulate((t.count for t in tasks), initial=1)
        self.numbered = {id(task): (first, total, task) for first, task in zip(firsts, tasks, strict=False)}
        self.run = functools.partial(run_task, day)
        self.started: list[Any] = []

    def __enter__(self) -> Printing:
        # multiprocessing's Pool, not concurrent.futures: leaving its block on an error or an
        # interruption terminates the workers (the executor would wait for them to finish).
        self.pool = multiprocessing.Pool(processes=BROWSERS, initializer=quietly_ended)
        return self

    def __exit__(self, *failure: object) -> None:
        self.pool.terminate()

    def start(self, tasks: list[PrintTask]) -> None:
        self.started.append(self.pool.map_async(self.run, [self.numbered[id(t)] for t in tasks],
                                                chunksize=1))

    def finish(self) -> list[Timing]:
        """Each task's time, once every task is done."""
        try:
            done = [timing for started in self.started for timing in started.get()]
        except Exception as failure:  # Playwright's errors have no common base to name
            raise RuntimeError(f"printing the PDFs failed: {failure}") from failure
        self.pool.close()
        self.pool.join()  # each worker closes its browser as it ends
        return done


def quietly_ended() -> None:
    """A worker ends at once, without a traceback, when the export is interrupted (it was
    forked with the parent's handlers, which unwind the parent)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_task(day: datetime.date, numbered: tuple[int, int, PrintTask]) -> Timing:
    first, total, task = numbered
    tab = browser_tab()
    started, cpu = time.perf_counter(), cpu_seconds()
    task.run(tab, day)
    span = f"{first}" + (f"–{first + task.count - 1}" if task.count > 1 else "")
    print(f"  PDF {span}/{total}: {task.name}", flush=True)
    return Timing(task.kind, task.name, time.perf_counter() - started, cpu_seconds() - cpu)


def cpu_seconds() -> float:
    """The CPU this worker and every process under it (its browser's) have used, in seconds:
    what a task costs whatever else the machine runs (Linux's /proc; 0 where there is none)."""
    used: dict[int, float] = {}
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        pid = int(stat.parent.name)
        used[pid] = sum(int(n) for n in fields[11:15]) / TICKS  # its own and its reaped children's
        children.setdefault(int(fields[1]), []).append(pid)
    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def browser_tab() -> Page:
    """This worker's tab, its browser started the first time (a failing start is the task's
    error, not a worker the pool would start again and again)."""
    if "tab" not in WORKER:
        from playwright.sync_api import sync_playwright  # only export needs a browser

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        WORKER["tab"] = browser.new_page()
        Finalize(None, stop_browser, args=(playwright, browser), exitpriority=10)
    tab: Page = WORKER["tab"]
    return tab


def stop_browser(playwright: Any, browser: Any) -> None:
    browser.close()
    playwright.stop()
