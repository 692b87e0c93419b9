"""Shared test fixtures: the project, the real built site, a local web server and the browser."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
LAWS = ROOT / "laws"  # the law texts the data quotes, kept in the repository
UPSTREAM = ROOT.parent / "shared" / "laws"  # where they are refreshed from (make laws)
CHROMIUM = os.environ.get("REDRESS_CHROMIUM") or "/usr/bin/chromium"  # as export finds it
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


def run_redress(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as make does."""
    return subprocess.run([sys.executable, "-m", "redress", *args], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = free_port()
# Built for the address it is served from, as a deployment is: Material's language switch only
# maps pages under the site_url the site was built with.
SITE_ENV = {"REDRESS_SITE_URL_ZH": f"http://127.0.0.1:{PORT}/zh/",
            "REDRESS_SITE_URL_EN": f"http://127.0.0.1:{PORT}/en/"}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from the real data by the real build command."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_redress("build", "--out", str(out), env=SITE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def exported(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The downloads of a real export (PDFs and offline zips) of the real built site."""
    site = tmp_path_factory.mktemp("export") / "site"
    shutil.copytree(built_site, site)
    result = run_redress("export", "--out", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ PDF files" in result.stdout  # progress is shown, with times
    assert "  PDF 1" in result.stdout and "wrote " in result.stdout  # each batch of PDFs, then what was written where
    return site / "downloads"


def unpack(exported: Path, target: Path) -> Path:
    """Both offline zips unpacked side by side, as a reader does; the bundle's folder."""
    for lang in ("zh", "en"):
        with zipfile.ZipFile(exported / f"redress-offline-{lang}.zip") as bundle:
            bundle.extractall(target)
    return target / "redress-offline"


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    """A writable copy of the smallest valid dataset, to break on purpose."""
    copy = tmp_path / "project"
    shutil.copytree(MINIMAL, copy)
    return copy


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(folder: Path, port: int = 0) -> Iterator[str]:
    """A folder served on this machine's loopback address only, while the block runs."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on this machine's loopback address only."""
    with serving(built_site, PORT) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


def open_chromium(playwright: object, profile: Path, **options: object) -> object:
    """Debian's Chromium (never a downloaded one) with a fresh profile and no background traffic."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True,
        viewport={"width": 412, "height": 900}, **options)


@pytest.fixture(scope="session")
def browser_context(playwright: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    context = open_chromium(playwright, tmp_path_factory.mktemp("profile"))
    yield context
    context.close()


def refuse_other_hosts(tab: object, site_url: str) -> list[str]:
    """Let the tab load only from `site_url` (and data: or blob: URLs); every other request is
    refused, and recorded in the list returned."""
    refused: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url
        if url.startswith(site_url) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    tab.route("**/*", guard)
    return refused


@pytest.fixture
def page(browser_context: object, site_url: str) -> Iterator[object]:
    """A page that refuses, and records, every request to another host."""
    tab = browser_context.new_page()
    tab.foreign_requests = refuse_other_hosts(tab, site_url)
    yield tab
    assert tab.foreign_requests == [], f"requests left the machine: {tab.foreign_requests}"
    tab.close()


# The markers promise `-m "not site and not browser"` needs no build and no browser: a test that
# asks for a fixture which builds the site or launches Chromium must say so, or nothing runs.
NEEDS = {"site": {"built_site", "site_url", "exported"},
         "browser": {"playwright", "page", "browser_context", "exported"}}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    untrue = [f"{item.nodeid} uses {sorted(fixtures & set(item.fixturenames))} without "
              f"@pytest.mark.{marker}"
              for item in items for marker, fixtures in NEEDS.items()
              if fixtures & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker(marker)]
    if untrue:
        raise pytest.UsageError("test markers do not tell the truth:\n" + "\n".join(untrue))
