"""Owns a printed PDF's dates: the data date, never the clock, so two exports are byte-identical.

Chromium (Skia) writes the clock into the Info dictionary's /CreationDate and /ModDate and
nothing else that changes between prints: no XMP metadata stream, no document /ID. Each date is
rewritten in place with a value of the same length, so every byte offset in the cross-reference
table stays right and the file needs no other change.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[0-9+\-Z']*)\)")
# What would make a second print differ if Chromium began to write it; refused rather than kept.
UNSTAMPED = re.compile(rb"/Type\s*/Metadata\b|/ID\s*\[")


def pdf_dates(day: datetime.date) -> list[bytes]:
    """The day at midnight UTC in each form a PDF date may take (PDF 1.7, 7.9.4), longest first."""
    stamp = f"D:{day:%Y%m%d}000000"
    return [f"{stamp}+00'00'".encode(), f"{stamp}+00'00".encode(), f"{stamp}Z".encode(),
            stamp.encode()]


def stamp_pdf(path: Path, day: datetime.date) -> None:
    """Give the PDF at `path` the data date as its creation and modification date."""
    path.write_bytes(stamped(path.read_bytes(), day, path.name))


def stamped(data: bytes, day: datetime.date, name: str) -> bytes:
    """The PDF `data` (named `name` in errors) with the data date as its creation and
    modification date."""
    if UNSTAMPED.search(data):
        raise ValueError(f"{name}: Chromium wrote XMP metadata or a document ID, which "
                         "would differ between prints; pdf_dates.py must rewrite it too")
    forms = pdf_dates(day)

    def same_length(found: re.Match[bytes]) -> bytes:
        old = found.group(2)
        new = next((form for form in forms if len(form) == len(old)), None)
        if new is None:
            raise ValueError(f"{name}: a PDF date of an unknown form, {old!r}")
        return found.group(0).replace(old, new)

    result, count = DATE.subn(same_length, data)
    if count == 0:
        raise ValueError(f"{name}: no /CreationDate or /ModDate to give the data date")
    return result
