"""Owns cutting documents out of one printed batch: each one's pages, the part of the tagged
structure on them, and only the glyphs they draw, written as a PDF of its own.

Chromium costs about 0.3 s of CPU for every print, however short the page, so the export prints
many documents as one and cuts them apart here. A copied object keeps its bytes; only
references are renumbered. Chinese is drawn with Type 3 fonts, which Skia groups by glyph
number, so a font of the batch holds the glyphs of every document: each cut keeps only the
glyphs its own pages draw (a leaflet would otherwise carry those of all 225).
"""
from __future__ import annotations

import re
from collections import deque

from redress.outputs.pdf_fonts import Type3Font, glyphs_drawn, pruned_font, type3_font
from redress.outputs.pdf_objects import REF, Pdf, string_end, value
from redress.outputs.pdf_structure import Structure

PARENT = re.compile(rb"\s*/Parent \d+ 0 R")


class Batch:
    """A printed batch of documents, read once, and what every cut of it needs."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        self.fonts: dict[int, Type3Font] = {}
        self.structure = Structure(pdf)

    def type3(self, number: int) -> Type3Font:
        if number not in self.fonts:
            self.fonts[number] = type3_font(self.pdf.head(number))
        return self.fonts[number]

    def cut(self, first: int, end: int, title: str) -> bytes:
        """Pages [first, end) as a PDF of their own, titled `title`."""
        pages = self.pdf.pages[first:end]
        heads = {page: PARENT.sub(b"", self.pdf.head(page)) for page in pages}
        heads |= {font: pruned_font(self.pdf.head(font), self.type3(font), codes)
                  for font, codes in glyphs_drawn(self.pdf, pages).items()}
        heads |= self.structure.on(first, end)
        skip = set(self.pdf.pages) - set(pages) | {self.pdf.root, self.pdf.info}
        tree = [self.structure.root] if self.structure.root else []
        order = reachable(self.pdf, heads, pages + tree, skip)
        numbers = {old: new for new, old in enumerate(order, start=4)}
        numbers[int(value(self.pdf.head(self.pdf.root), b"Pages") or 0)] = 2
        bodies = [renumbered(self.pdf.head(self.pdf.root), numbers),
                  b"<</Type /Pages\n/Count %d\n/Kids [%s]>>" % (
                      len(pages), b" ".join(b"%d 0 R" % numbers[p] for p in pages)),
                  titled(self.pdf.head(self.pdf.info), title)]
        for old in order:
            head = heads.get(old, self.pdf.head(old))
            rest = self.pdf.objects[old][len(self.pdf.head(old)):]
            parent = b"\n/Parent 2 0 R>>" if old in pages else b""
            if old in heads or self.pdf.refs(old):
                head = renumbered(head[:-2] + parent if parent else head, numbers)
            bodies.append(head + rest)
        return written(bodies)

def reachable(pdf: Pdf, heads: dict[int, bytes], roots: list[int], skip: set[int]) -> list[int]:
    """Every object the roots lead to, breadth first (so the numbering is the same each time)."""
    order, seen, todo = [], set(skip), deque(roots)
    while todo:
        number = todo.popleft()
        if number in seen or number not in pdf.objects:
            continue
        seen.add(number)
        order.append(number)
        todo += ([int(n) for n in REF.findall(heads[number])] if number in heads
                 else pdf.refs(number))
    return order


def renumbered(head: bytes, numbers: dict[int, int]) -> bytes:
    """References to copied objects renumbered; any other (a page not in this cut) is null."""
    def new(found: re.Match[bytes]) -> bytes:
        number = numbers.get(int(found.group(1)))
        return b"%d 0 R" % number if number else b"null"

    return REF.sub(new, head)


def titled(info: bytes, title: str) -> bytes:
    """The batch's Info dictionary with this document's own title (UTF-16, as PDF text)."""
    text = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    at = info.find(b"/Title")
    if at < 0:
        return info[:-2] + b"\n/Title " + text + b">>"
    start = at + len(b"/Title")
    while info[start:start + 1].isspace():
        start += 1
    end = string_end(info, start) if info[start:start + 1] == b"(" else info.index(b">", start) + 1
    return info[:start] + text + info[end:]


def written(bodies: list[bytes]) -> bytes:
    """A PDF 1.4 file of these objects, numbered from 1 (1 the catalog, 2 the pages, 3 Info)."""
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d\n/Root 1 0 R\n/Info 3 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1, table)
    return bytes(out)
