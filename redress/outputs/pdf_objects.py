"""Owns reading a PDF as Chromium (Skia) writes it: its objects by number, each one's dictionary
and stream, its pages in order, and the page each top-level entry of its outline points to.

Skia writes PDF 1.4 with a plain cross-reference table, one object after another, no object
streams: each object's bytes run from its offset to the next one's. That is all this reads; a
file of another shape is refused (`PdfShapeError`), never half-read.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import cache, cached_property

REF = re.compile(rb"(?<![\d.])(\d+) 0 R\b")
XREF = re.compile(rb"xref\s+0 (\d+)\s+")
START = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
ROOT = re.compile(rb"/Root (\d+) 0 R")
INFO = re.compile(rb"/Info (\d+) 0 R")
DELIMITER = re.compile(rb"<<|>>|[(<]")
PARENTHESIS = re.compile(rb"[()\\]")


class PdfShapeError(ValueError):
    """The file is not laid out as Skia writes PDFs (so it is not cut at all)."""


@dataclass
class Pdf:
    """A printed PDF's objects: number → the bytes between `N 0 obj` and `endobj`."""

    objects: dict[int, bytes]
    root: int
    info: int
    heads: dict[int, bytes] = field(default_factory=dict)
    references: dict[int, list[int]] = field(default_factory=dict)

    def head(self, number: int) -> bytes:
        """The object's dictionary (or other value), without its stream's data."""
        if number not in self.heads:
            body = self.objects.get(number, b"null")
            self.heads[number] = body[:dictionary_end(body)] if body.startswith(b"<<") else body
        return self.heads[number]

    def refs(self, number: int) -> list[int]:
        """The objects this object's dictionary refers to (a glyph's procedure: none)."""
        if number not in self.references:
            self.references[number] = [int(n) for n in REF.findall(self.head(number))]
        return self.references[number]

    def stream(self, number: int) -> bytes:
        """The object's stream, inflated when it is Flate-compressed (Skia's only filter)."""
        body = self.objects[number]
        start = body.index(b"stream", dictionary_end(body)) + len(b"stream")
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        length = int(value(self.head(number), b"Length") or 0)
        data = body[start:start + length]
        return zlib.decompress(data) if b"/FlateDecode" in self.head(number) else data

    @cached_property
    def pages(self) -> list[int]:
        """Every page object, in the order the page tree gives them."""
        found: list[int] = []
        todo = [int(value(self.head(self.root), b"Pages") or 0)]
        while todo:
            node = todo.pop(0)
            kids = array(self.head(node), b"Kids")
            if kids is None:
                found.append(node)
            else:
                todo[:0] = [int(n) for n in REF.findall(kids)]
        return found

    def outline_pages(self) -> list[int]:
        """The page index (from 0) each top-level outline entry points to, in order: with
        `outline=True`, Chromium makes one for each `<h1>`."""
        index = {page: i for i, page in enumerate(self.pages)}
        first = value(self.head(int(value(self.head(self.root), b"Outlines") or 0)), b"First")
        found, entry = [], first
        while entry:
            dest = array(self.head(int(entry)), b"Dest") or b""
            target = REF.search(dest)
            if target is None or int(target.group(1)) not in index:
                raise PdfShapeError(f"outline entry {int(entry)} points to no page")
            found.append(index[int(target.group(1))])
            entry = value(self.head(int(entry)), b"Next")
        return found


def read_pdf(data: bytes) -> Pdf:
    """The objects of a PDF written by Skia, found through its cross-reference table."""
    start, trailer = START.search(data[-64:]), data[data.rfind(b"trailer"):]
    xref_at = int(start.group(1)) if start else -1
    table = XREF.match(data, xref_at) if start else None
    root, info = ROOT.search(trailer), INFO.search(trailer)
    if table is None or root is None or info is None:
        raise PdfShapeError("not a PDF as Chromium writes it (no plain cross-reference table)")
    rows = data[table.end():table.end() + 20 * int(table.group(1))]
    offsets = sorted((int(rows[20 * n:20 * n + 10]), n) for n in range(1, int(table.group(1)))
                     if rows[20 * n + 17:20 * n + 18] == b"n")
    ends = [offset for offset, _ in offsets[1:]] + [xref_at]
    objects = {}
    for (offset, number), end in zip(offsets, ends, strict=True):
        body = data[offset:end]
        header = re.match(rb"\d+ 0 obj\s*", body)
        if header is None or not body.rstrip().endswith(b"endobj"):
            raise PdfShapeError(f"object {number} is not where the table says")
        objects[number] = body[header.end():body.rstrip().rfind(b"endobj")]
    return Pdf(objects, int(root.group(1)), int(info.group(1)))


def dictionary_end(body: bytes) -> int:
    """Where the dictionary that opens `body` closes: `<<` and `>>` counted, skipping literal
    strings (a URL or title may hold any bytes) and hex strings."""
    depth, i = 0, 0
    while (found := DELIMITER.search(body, i)) is not None:
        token, i = found.group(), found.end()
        if token == b"(":
            i = string_end(body, found.start())
        elif token == b"<":
            i = body.index(b">", i) + 1
        else:
            depth += 1 if token == b"<<" else -1
            if depth == 0:
                return i
    raise PdfShapeError("a dictionary that never closes")


def string_end(body: bytes, i: int) -> int:
    """The index after the literal string opening at `i` (balanced parentheses, `\\` escapes)."""
    depth = 0
    while (found := PARENTHESIS.search(body, i)) is not None:
        token, i = found.group(), found.end()
        if token == b"\\":
            i += 1
            continue
        depth += 1 if token == b"(" else -1
        if depth == 0:
            return i
    raise PdfShapeError("a string that never closes")


def value(head: bytes, key: bytes) -> bytes | None:
    """A key's number or reference (`/Length 120`, `/Next 7 0 R` → b"7")."""
    found = keyed(key, rb"\s+(\d+)(?:\s+0\s+R)?").search(head)
    return found.group(1) if found else None


def array(head: bytes, key: bytes) -> bytes | None:
    """A key's array, without its brackets (Skia nests none in the keys read here)."""
    found = keyed(key, rb"\s*\[([^\]]*)\]").search(head)
    return found.group(1) if found else None


@cache  # compiled once: a cut reads a few keys of a hundred thousand objects
def keyed(key: bytes, after: bytes) -> re.Pattern[bytes]:
    """The pattern of a key (`/Length`) and what follows it."""
    return re.compile(rb"/" + key + after)
