"""Owns which glyphs a PDF's pages draw, and a Type 3 font cut down to them.

Chromium (Skia) draws Chinese with Type 3 fonts, each holding the glyphs of one range of glyph
numbers that the whole document uses; a document cut out of a batch keeps only its own.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from redress.outputs.pdf_objects import REF, Pdf, array, dictionary_end, value

# In a content stream: a font chosen (`/F5 9.3 Tf`), glyphs shown (`<3D0E> Tj`), a form drawn.
DRAWING = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-\d.]+\s+Tf|(?<!<)<([0-9A-Fa-f]*)>(?!>)"
                     rb"|/([^\s/<>\[\]()]+)\s+Do\b")
NAMED = re.compile(rb"/([^\s/<>\[\]()]+)\s+(\d+) 0 R")


def glyphs_drawn(pdf: Pdf, pages: list[int]) -> dict[int, set[int]]:
    """The codes each Type 3 font shows on these pages (and in the forms they draw)."""
    drawn: dict[int, set[int]] = {}
    todo = deque((contents(pdf.head(page)), pdf_dict(pdf, pdf.head(page), b"Resources"))
                 for page in pages)
    while todo:
        streams, resources = todo.popleft()
        fonts = dict(NAMED.findall(pdf_dict(pdf, resources, b"Font")))
        forms = dict(NAMED.findall(pdf_dict(pdf, resources, b"XObject")))
        font: int | None = None
        for stream in streams:
            for chosen, shown, form in DRAWING.findall(pdf.stream(stream)):
                if chosen:
                    number = int(fonts.get(chosen, 0))
                    font = number if b"/Subtype /Type3" in pdf.head(number) else None
                elif form in forms and b"/Subtype /Form" in pdf.head(int(forms[form])):
                    todo.append(([int(forms[form])], pdf_dict(pdf, pdf.head(int(forms[form])),
                                                              b"Resources")))
                elif font is not None and not form:
                    drawn.setdefault(font, set()).update(bytes.fromhex(shown.decode()))
    return drawn


def contents(page: bytes) -> list[int]:
    found = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", page)
    return [int(n) for n in REF.findall(found.group(1))] if found else []


def pdf_dict(pdf: Pdf, head: bytes, key: bytes) -> bytes:
    """A key's dictionary, written in place (`/Font <<…>>`) or referred to (`/Font 9 0 R`)."""
    found = re.search(rb"/" + key + rb"\s*(?:<<|(\d+) 0 R)", head)
    if found is None:
        return b""
    if found.group(1):
        return pdf.head(int(found.group(1)))
    start = found.end() - 2
    return head[start:start + dictionary_end(head[start:])]


@dataclass(frozen=True)
class Type3Font:
    """What pruning needs of a Type 3 font, read once a batch: its first code, widths, each
    code's glyph name and each glyph's procedure."""

    first: int
    widths: list[bytes]
    names: dict[int, bytes]
    procs: list[tuple[bytes, bytes]]


def type3_font(head: bytes) -> Type3Font:
    procs = re.search(rb"/CharProcs\s*(<<.*?>>)", head, re.S)
    return Type3Font(int(value(head, b"FirstChar") or 0), (array(head, b"Widths") or b"").split(),
                     encoding(array(head, b"Differences") or b""),
                     NAMED.findall(procs.group(1)) if procs else [])


def pruned_font(head: bytes, font: Type3Font, codes: set[int]) -> bytes:
    """A Type 3 font with only the glyphs drawn: its glyph procedures, and its widths and
    encoding from the first code drawn to the last."""
    first, widths, names = font.first, font.widths, font.names
    used = sorted(c for c in codes if c in names and 0 <= c - first < len(widths)) or [first]
    low, high, drawn, kept = used[0], used[-1], set(used), {names.get(c) for c in used}
    new = {rb"/FirstChar \d+": b"/FirstChar %d" % low,
           rb"/LastChar \d+": b"/LastChar %d" % high,
           rb"/Widths\s*\[[^\]]*\]": b"/Widths [%s]" % b" ".join(
               widths[c - first] if c in drawn else b"0" for c in range(low, high + 1)),
           rb"/Differences\s*\[[^\]]*\]": b"/Differences [%s]" % b" ".join(
               b"%d /%s" % (c, names[c]) for c in used if c in names),
           rb"/CharProcs\s*<<.*?>>": b"/CharProcs <<%s>>" % b" ".join(
               b"/%s %s 0 R" % pair for pair in font.procs if pair[0] in kept)}
    for old, text in new.items():
        found = re.search(old, head, re.S)
        head = head[:found.start()] + text + head[found.end():] if found else head
    return head


def encoding(differences: bytes) -> dict[int, bytes]:
    """A /Differences array as code → glyph name (a number sets the code of the names after it)."""
    names, code = {}, 0
    for token in differences.split():
        if token.startswith(b"/"):
            names[code], code = token[1:], code + 1
        else:
            code = int(token)
    return names
