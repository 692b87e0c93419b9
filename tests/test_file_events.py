"""hooks/file_events.py: `mkdocs serve` hears an edit from the system's file events, and only an
edit: reading a file (every build reads every data file) is no reason to build again."""
from __future__ import annotations

import time
from pathlib import Path

import watchdog.events
from conftest import ROOT
from file_events import EditsObserver, on_serve
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer


def heard(folder: Path, act: object) -> list[str]:
    """The events the observer reports while act() runs on folder (and a moment after)."""
    events: list[str] = []
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: events.append(event.event_type)  # type: ignore[method-assign]
    observer = EditsObserver()
    observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        act()  # type: ignore[operator]
        time.sleep(0.5)
    finally:
        observer.stop()
        observer.join()
    return events


def test_reading_a_file_is_not_heard(tmp_path: Path) -> None:
    data = tmp_path / "data.yml"
    data.write_text("a: 1\n", encoding="utf-8")
    assert heard(tmp_path, lambda: data.read_text(encoding="utf-8")) == []


def test_writing_a_file_is_heard_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data.yml"
    data.write_text("a: 1\n", encoding="utf-8")
    assert "modified" in heard(tmp_path, lambda: data.write_text("a: 2\n", encoding="utf-8"))


def test_what_mkdocs_watched_moves_to_the_native_observer() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(ROOT))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    polling = server.observer
    on_serve(server, config, lambda: None)
    assert isinstance(server.observer, EditsObserver)
    assert not polling.emitters  # nothing is left on the polling observer
    watched = {Path(emitter.watch.raw_path) for emitter in server.observer.emitters}
    assert watched == {Path(config.docs_dir), Path(config.config_file_path)}
