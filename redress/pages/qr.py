"""Owns the QR codes printed on paper: an address as segno's SVG, made here, with no request."""
from __future__ import annotations

from functools import cache

import segno

# Medium error correction survives a smudged or folded leaflet; the quiet zone is the
# standard four modules, so phone cameras find the code's edge on any background.
ERROR_CORRECTION = "m"


@cache
def qr_svg(url: str) -> str:
    """The address as an SVG data URI, black on white, for an <img> on a printed page."""
    return str(segno.make(url, error=ERROR_CORRECTION).svg_data_uri(scale=4, border=4))
