"""Owns running one build or export at a time, and ending it whole on Ctrl-C or SIGTERM."""
from __future__ import annotations

import fcntl
import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType


class Interrupted(BaseException):
    """SIGTERM (or Ctrl-C's SIGINT) arrived: unwind, tidy up, say so once."""


@contextmanager
def only_build_writing(out: Path) -> Iterator[None]:
    """Hold the lock of `out` (site/): a second build or export waits until the first has
    finished, instead of both swapping folders under each other."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with (out.parent / f".{out.name}.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"另一个构建正在写 {out}，等它结束…… / another build is writing {out}; waiting for it…",
                  flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def ending_whole_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise Interrupted in this process, so every `finally` runs: staging
    folders are removed and child processes are ended (see ending_children)."""
    def interrupt(number: int, frame: FrameType | None) -> None:
        raise Interrupted(signal.Signals(number).name)

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def ending_children(children: Callable[[], list[subprocess.Popen[str]]]) -> Iterator[None]:
    """When the work is cut short, end the child processes it started and wait for them."""
    try:
        yield
    except BaseException:
        for child in children():
            child.terminate()
        for child in children():
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
        raise
