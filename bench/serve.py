"""Live reload: `mkdocs serve` on 127.0.0.1, one YAML edit, seconds until the page shows it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from runs import environment
from synth import TYPES, read_yaml

HOST = "127.0.0.1"
LIMIT = 60.0  # seconds to wait for any one change to show
STARTUP_LIMIT = 300.0
# Never through a proxy: every request stays on this machine.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[str, str]:
    """The page's text and its final URL (after the redirect to the site's mount path)."""
    with OPENER.open(url, timeout=LIMIT) as response:
        return response.read().decode("utf-8", "replace"), response.geturl()


def wait_for(url: str, text: str, limit: float) -> float:
    """Poll until the page contains text; seconds waited (raises TimeoutError past limit)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        try:
            if text in fetch(url)[0]:
                return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {limit:.0f} s")


def live_reload(project: Path, edits: int, log: Path) -> list[float]:
    """Serve project (its own data) and change the first situation's Chinese summary `edits`
    times; seconds from each write until the served page has the new words."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", "mkdocs.yml",  # as make
               "-a", f"{HOST}:{port}"]  # serve runs it
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=project, env=environment(project), stdout=output,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        first = read_yaml(project / TYPES)[0]
        wait_for(f"http://{HOST}:{port}/", "</html>", STARTUP_LIMIT)
        base = fetch(f"http://{HOST}:{port}/")[1]
        url = f"{base}situations/{first['id']}/"
        summary = first["summary"]["zh"]
        wait_for(url, "</html>", LIMIT)
        seconds = []
        for edit in range(1, edits + 1):
            marker = f"BENCH{edit:02d}{port}"
            text = (project / TYPES).read_text(encoding="utf-8")
            if summary not in text:
                raise RuntimeError("the summary is not on one line of complaint_types.yml")
            changed = text.replace(summary, f"{marker} {summary}", 1)
            started = time.perf_counter()
            (project / TYPES).write_text(changed, encoding="utf-8")
            wait_for(url, marker, LIMIT)
            seconds.append(time.perf_counter() - started)
            summary = f"{marker} {summary}"
            time.sleep(1.0)  # let the watcher settle before the next edit
        return seconds
    finally:
        stop(server)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server and anything it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
