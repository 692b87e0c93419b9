"""Owns which glyphs a PDF's pages draw, and a Type 3 font cut down to them.

Chromium (Skia) draws Chinese with Type 3 fonts, each holding the glyphs of one range of glyph
numbers that the whole document uses; a document cut out of a batch keeps only its own.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from redress.outputs.pdf_objects import REF, Pdf, array, dictionary_end, keyed, value

# In a content stream: a font chosen (`/F5 9.3 Tf`: the name and "T"), a form drawn (`/X1 Do`: the
# name and "D"), glyphs shown (`<3D0E> Tj`: the hex). One leading `/` or `<` first: a third faster
# than trying three patterns at every byte of 20 MB of a batch's drawing.
DRAWING = re.compile(rb"[/<](?:(?<=/)([^\s/<>\[\]()]+)\s+(?:[-\d.]+\s+(T)f|(D)o\b)"
                     rb"|(?<=<)(?<!<<)([0-9A-Fa-f]*)>(?!>))")
NAMED = re.compile(rb"/([^\s/<>\[\]()]+)\s+(\d+) 0 R")
CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)")
# The parts of a Type 3 font a cut writes anew, in this order in `pruned_font`.
FONT_PARTS = tuple(re.compile(part, re.S) for part in (
    rb"/FirstChar \d+", rb"/LastChar \d+", rb"/Widths\s*\[[^\]]*\]", rb"/Differences\s*\[[^\]]*\]",
    rb"/CharProcs\s*<<.*?>>"))


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
            for name, chosen, drawing, shown in DRAWING.findall(pdf.stream(stream)):
                form = name if drawing else b""
                if chosen:
                    number = int(fonts.get(name, 0))
                    font = number if b"/Subtype /Type3" in pdf.head(number) else None
                elif form in forms and b"/Subtype /Form" in pdf.head(int(forms[form])):
                    todo.append(([int(forms[form])], pdf_dict(pdf, pdf.head(int(forms[form])),
                                                              b"Resources")))
                elif font is not None and not form:
                    drawn.setdefault(font, set()).update(bytes.fromhex(shown.decode()))
    return drawn


def contents(page: bytes) -> list[int]:
    found = CONTENTS.search(page)
    return [int(n) for n in REF.findall(found.group(1))] if found else []


def pdf_dict(pdf: Pdf, head: bytes, key: bytes) -> bytes:
    """A key's dictionary, written in place (`/Font <<…>>`) or referred to (`/Font 9 0 R`)."""
    found = keyed(key, rb"\s*(?:<<|(\d+) 0 R)").search(head)
    if found is None:
        return b""
    if found.group(1):
        return pdf.head(int(found.group(1)))
    start = found.end() - 2
    return head[start:start + dictionary_end(head[start:])]


@dataclass(frozen=True)
class Type3Font:
    """What pruning needs of a Type 3 font, read once a batch: its first code, widths, each
    code's glyph name, each glyph's procedure (and its place among them), and where in the
    font's dictionary each of FONT_PARTS is (start, end, which part), in order."""

    first: int
    widths: list[bytes]
    names: dict[int, bytes]
    procs: list[tuple[bytes, bytes]]
    proc_order: dict[bytes, int]
    parts: list[tuple[int, int, int]]


def type3_font(head: bytes) -> Type3Font:
    procs = re.search(rb"/CharProcs\s*(<<.*?>>)", head, re.S)
    named = NAMED.findall(procs.group(1)) if procs else []
    found = ((part.search(head), i) for i, part in enumerate(FONT_PARTS))
    return Type3Font(int(value(head, b"FirstChar") or 0), (array(head, b"Widths") or b"").split(),
                     encoding(array(head, b"Differences") or b""), named,
                     {name: i for i, (name, _) in enumerate(named)},
                     sorted((match.start(), match.end(), i) for match, i in found if match))


def pruned_font(head: bytes, font: Type3Font, codes: set[int]) -> bytes:
    """A Type 3 font with only the glyphs drawn: its glyph procedures, and its widths and
    encoding from the first code drawn to the last."""
    first, widths, names = font.first, font.widths, font.names
    used = sorted(c for c in codes if c in names and 0 <= c - first < len(widths)) or [first]
    low, high = used[0], used[-1]
    shown = [b"0"] * (high - low + 1)
    for code in used:
        shown[code - low] = widths[code - first] if code - first < len(widths) else b"0"
    kept = sorted({font.proc_order[names[c]] for c in used if names.get(c) in font.proc_order})
    new = (b"/FirstChar %d" % low, b"/LastChar %d" % high, b"/Widths [%s]" % b" ".join(shown),
           b"/Differences [%s]" % b" ".join(b"%d /%s" % (c, names[c]) for c in used if c in names),
           b"/CharProcs <<%s>>" % b" ".join(b"/%s %s 0 R" % font.procs[i] for i in kept))
    pieces, at = [], 0
    for start, end, part in font.parts:
        pieces += [head[at:start], new[part]]
        at = end
    return b"".join(pieces) + head[at:]


def encoding(differences: bytes) -> dict[int, bytes]:
    """A /Differences array as code → glyph name (a number sets the code of the names after it)."""
    names, code = {}, 0
    for token in differences.split():
        if token.startswith(b"/"):
            names[code], code = token[1:], code + 1
        else:
            code = int(token)
    return names
