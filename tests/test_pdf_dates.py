"""A printed PDF's dates become the data date, in place, without moving a byte offset."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from redress.outputs.pdf_dates import stamp_pdf

DAY = datetime.date(2026, 11, 23)
# What Skia writes (Chromium 156): the Info dictionary, then a cross-reference table by offset.
PRINTED = (b"%PDF-1.4\n1 0 obj\n<</Title (A \\(title\\))\n/Producer (Skia/PDF m156)\n"
           b"/CreationDate (D:20261201232517+00'00')\n/ModDate (D:20261201232517+00'00')>>\n"
           b"endobj\ntrailer\n<</Size 2\n/Info 1 0 R>>\nstartxref\n9\n%%EOF\n")


def test_the_dates_become_the_data_date_and_every_offset_stays(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PRINTED)
    stamp_pdf(pdf, DAY)
    stamped = pdf.read_bytes()
    assert len(stamped) == len(PRINTED)
    assert stamped == PRINTED.replace(b"D:20261201232517+00'00'", b"D:20261123000000+00'00'")


def test_a_shorter_date_form_is_kept_in_its_form(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PRINTED.replace(b"+00'00'", b"Z"))
    stamp_pdf(pdf, DAY)
    assert pdf.read_bytes().count(b"(D:20261123000000Z)") == 2


@pytest.mark.parametrize("extra", [b"/ID [<01><01>]", b"<</Type /Metadata /Subtype /XML>>"])
def test_what_would_still_differ_between_prints_is_refused(tmp_path: Path, extra: bytes) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PRINTED.replace(b"trailer\n<<", b"trailer\n<<" + extra))
    with pytest.raises(ValueError, match="XMP metadata or a document ID"):
        stamp_pdf(pdf, DAY)


def test_a_pdf_without_dates_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(ValueError, match="no /CreationDate"):
        stamp_pdf(pdf, DAY)
