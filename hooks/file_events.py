"""Owns how `mkdocs serve` hears of an edit: the system's file events, not a scan twice a second."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import watchdog.events
import watchdog.observers
from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer


def on_serve(server: LiveReloadServer, config: MkDocsConfig,
             builder: Callable[[], None]) -> LiveReloadServer:
    """MkDocs 1.6 polls every watched tree each 0.5 s: an edit waited a quarter of a second on
    average, plus a scan of every file, before its rebuild began. The native observer (inotify on
    Linux) hears it at once. Listed before every other hook, this runs before they watch
    anything; what MkDocs already watches (the docs, the config, the theme under --watch-theme)
    moves over, and config.watch is watched after the hooks, on the new observer."""
    paths = [config.docs_dir, config.config_file_path, *config.theme.dirs]
    if not native_events_work([*paths, *config.watch]):
        return server  # keep polling: slower, but it works everywhere
    watched = [path for path in paths if unwatched(server, path)]
    server.observer = EditsObserver()
    for path in watched:
        server.watch(path)
    return server


class EditsObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The native observer, hearing only what an edit does to a file. It also reports a file
    opened or closed unwritten, and every build reads every data file: MkDocs, which rebuilds
    on any event, would build again and again."""

    def schedule(self, *args: Any, **options: Any) -> Any:
        options["event_filter"] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent,
                                   FileMovedEvent]
        return super().schedule(*args, **options)


def unwatched(server: LiveReloadServer, path: str) -> bool:
    """Stop watching path on the polling observer; False if it was not watched."""
    try:
        server.unwatch(path)
    except KeyError:
        return False
    return True


def native_events_work(paths: list[str]) -> bool:
    """Whether the system gives file events for every path: a folder where it cannot (some
    network or container mounts, or no inotify watches left) keeps MkDocs' polling."""
    probe = watchdog.observers.Observer()
    try:
        for path in paths:
            if Path(path).exists():
                probe.schedule(watchdog.events.FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError:
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    return True
