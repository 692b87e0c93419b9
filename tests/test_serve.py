"""`make serve` (mkdocs serve --dirty): an edit rebuilds only the pages it changes, a change
that shows on every page rebuilds them all, and search always indexes each page once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, free_port
from test_loading import edit

pytestmark = pytest.mark.site
TYPES = "data/complaint_types.yml"
LIMIT = 90.0  # seconds for any one rebuild to show
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> tuple[str, str]:
    """The text at url and the address it ended at; empty while the server is not up."""
    try:
        with NO_PROXY.open(url, timeout=10) as response:
            return response.read().decode("utf-8"), response.geturl()
    except OSError:
        return "", url


def wait_until(ready: Callable[[], bool], what: str) -> None:
    started = time.monotonic()
    while not ready():
        assert time.monotonic() - started < LIMIT, f"{what} did not happen in {LIMIT:.0f} s"
        time.sleep(0.2)


@pytest.fixture
def served(minimal_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The Chinese site of a copy of the minimal data, served as `make serve` does; yields its
    address and the folder MkDocs builds into (its temporary folder goes under tmp_path)."""
    port = free_port()
    env = {**os.environ, "REDRESS_ROOT": str(minimal_copy), "TMPDIR": str(tmp_path),
           "REDRESS_CACHE": str(tmp_path / "plans"), "NO_MKDOCS_2_WARNING": "1"}
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", "mkdocs.yml",
             "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: "</html>" in fetch(f"http://127.0.0.1:{port}/")[0], "the first build")
        yield fetch(f"http://127.0.0.1:{port}/")[1], next(tmp_path.glob("mkdocs_*"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def written(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def search_entries(base: str) -> list[dict[str, str]]:
    return json.loads(fetch(f"{base}search/search_index.json")[0] or '{"docs": []}')["docs"]


def searchable(entries: list[dict[str, str]]) -> str:
    """The index's text as a reader would search it (Material puts a zero-width space
    between the words it cut Chinese into)."""
    return json.dumps(entries, ensure_ascii=False).replace("\u200b", "")


def test_an_edit_rebuilds_only_its_pages_and_search_stays_whole(
        served: tuple[str, Path], minimal_copy: Path) -> None:
    base, site = served
    before, entries = written(site), search_entries(base)
    edit(minimal_copy, TYPES, "zh: 卖家不给退款。", "zh: 卖家就是不给退款。")
    wait_until(lambda: "卖家就是不给退款" in searchable(search_entries(base)),
               "the edited summary in search")
    after = search_entries(base)
    rebuilt = {page for page, mtime in written(site).items() if before.get(page) != mtime}
    assert "situations/refund-refused/index.html" in rebuilt
    assert "卖家就是不给退款" in fetch(f"{base}situations/refund-refused/")[0]
    assert not rebuilt & {"about/index.html", "channels/index.html", "laws/index.html"}
    assert len(rebuilt) < len(before) / 3, sorted(rebuilt)
    assert sorted(e["location"] for e in after) == sorted(e["location"] for e in entries)


def test_a_change_to_the_navigation_rebuilds_every_page(
        served: tuple[str, Path], minimal_copy: Path) -> None:
    base, site = served
    before = written(site)
    edit(minimal_copy, "data/ui_strings.yml", "zh: 关于本站\n", "zh: 关于这个网站\n")
    wait_until(lambda: "关于这个网站" in fetch(f"{base}channels/")[0], "the new label on every page")
    after = written(site)
    assert all(after.get(page) != mtime for page, mtime in before.items())
    assert len(search_entries(base)) == len({e["location"] for e in search_entries(base)})
