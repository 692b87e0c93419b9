"""Owns reading a file of the repository: only a regular file inside it, strict UTF-8, bounded."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from redress.messages import say
from redress.problems import Finding

BOM = "\ufeff"
# Refused before anything is parsed: a line this long is an accident or an attack, and the
# Markdown and YAML parsers slow down badly on one (a 5 MB line took minutes to build).
MAX_LINE = 10_000


def read_repository_text(root: Path, name: str, max_bytes: int) -> tuple[str | None, list[Finding]]:
    """The text of root/name, or why it may not be read: a symbolic link on the way (git keeps
    them, and one could publish any file of the build machine), not a regular file, larger
    than max_bytes (counted while reading: /proc files say they are empty), not UTF-8, or a
    line longer than MAX_LINE characters."""
    linked = linked_part(root, name)
    if linked:
        return None, [Finding(name, (), say("symlink", path=linked), 1, 1)]
    try:
        data = read_bounded(root / name, max_bytes)
    except FileNotFoundError:
        return None, [Finding(name, (), say("file_missing", name=name), 1, 1)]
    except (IsADirectoryError, NotARegularFile):
        return None, [Finding(name, (), say("not_a_file", name=name), 1, 1)]
    except OSError as error:
        return None, [Finding(name, (), say("unreadable", problem=error.strerror or str(error)), 1, 1)]
    if data is None:
        limit = f"{max_bytes / 1e6:g} MB" if max_bytes >= 1e6 else f"{max_bytes / 1e3:g} KB"
        return None, [Finding(name, (), say("file_too_large", limit=limit), 1, 1)]
    return decoded(name, data)


class NotARegularFile(OSError):
    """A device, a pipe, a socket: nothing a contributor's file can be."""


def linked_part(root: Path, name: str) -> str | None:
    """The first part of name (the file itself included) that is a symbolic link, if any."""
    here = root
    for part in Path(name).parts:
        here = here / part
        if here.is_symlink():
            return here.relative_to(root).as_posix()
    return None


def read_bounded(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, opened without following a link; None when there are more than
    max_bytes. O_NONBLOCK keeps a named pipe from hanging the build."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise NotARegularFile(path)
        data = stream.read(max_bytes + 1)
    return data if len(data) <= max_bytes else None


def decoded(name: str, data: bytes) -> tuple[str | None, list[Finding]]:
    """Strict UTF-8 (a BOM at the start is allowed and dropped), each line bounded."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = place_of(data, error.start)
        return None, [Finding(name, (), say("not_utf8"), line, column)]
    text = text.removeprefix(BOM)
    for number, line_text in enumerate(text.split("\n"), start=1):
        if len(line_text) > MAX_LINE:
            return None, [Finding(name, (), say("line_too_long", limit=f"{MAX_LINE:,}"), number, 1)]
    return text, []


def place_of(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the byte at offset."""
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column
