"""Owns printing with Chromium: two browsers side by side on the two cores, each taking the
next task (a booklet's two prints, a batch of documents to print and cut) as it is free."""
from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import signal
import time
from itertools import accumulate
from multiprocessing.util import Finalize
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = os.environ.get("REDRESS_CHROMIUM") or "/usr/bin/chromium"  # Debian's, never a download
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
BROWSERS = 2  # one a core
# This worker process's browser tab, opened by its first task and closed when the worker ends.
WORKER: dict[str, Any] = {}


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


def print_all(day: datetime.date, tasks: list[PrintTask]) -> list[tuple[str, str, float]]:
    """Every task, in the order given, each in whichever browser is free (the longest first
    keeps both busy to the end); each task's kind, name and seconds."""
    total = sum(task.count for task in tasks)
    numbered = [(first, total, task)
                for first, task in zip(accumulate((t.count for t in tasks), initial=1), tasks, strict=False)]
    # multiprocessing's Pool, not concurrent.futures: leaving its block on an error or an
    # interruption terminates the workers (the executor would wait for them to finish).
    with multiprocessing.Pool(processes=BROWSERS, initializer=quietly_ended) as pool:
        done = list(pool.imap_unordered(functools.partial(run_task, day), numbered, chunksize=1))
        pool.close()
        pool.join()  # each worker closes its browser as it ends
    return done


def quietly_ended() -> None:
    """A worker ends at once, without a traceback, when the export is interrupted (it was
    forked with the parent's handlers, which unwind the parent)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_task(day: datetime.date, numbered: tuple[int, int, PrintTask]) -> tuple[str, str, float]:
    first, total, task = numbered
    started = time.perf_counter()
    task.run(browser_tab(), day)
    span = f"{first}" + (f"–{first + task.count - 1}" if task.count > 1 else "")
    print(f"  PDF {span}/{total}: {task.name}", flush=True)
    return task.kind, task.name, time.perf_counter() - started


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
