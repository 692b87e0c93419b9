"""Owns how a language build ends when the machine fails it (a full disk, a folder it may not
write): one line in both languages, not a traceback.

An OSError is the machine's, not the data's (data problems never reach MkDocs: the core
reports them before) nor the theme's. `redress build` prints a failed language build's
output; without this hook that was MkDocs' whole traceback.
"""
from __future__ import annotations

from mkdocs.exceptions import Abort


def on_build_error(error: Exception) -> None:
    """MkDocs' event, with the exception that ends the build: an OSError ends it in one line
    (MkDocs prints an Abort's message alone and exits with 1)."""
    if isinstance(error, OSError):
        problem, where = error.strerror or str(error), error.filename or ""
        raise Abort(f"无法完成：{problem}（{where}） / could not finish: {problem} ({where})") from None
