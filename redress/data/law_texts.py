"""Owns reading a stored law text into articles, and checking that a quotation is verbatim."""
from __future__ import annotations

import re
from pathlib import Path

from redress.data.numerals import from_chinese

ARTICLE_START = re.compile(r"^[\s\u3000#*]*第([零一二三四五六七八九十百千]+)条[\s\u3000]*", re.MULTILINE)
WHITESPACE = re.compile(r"[\s\u3000]+")
ELLIPSIS = re.compile(r"…+|\.{3,}")


def articles_in(text: str) -> dict[int, str]:
    """Article number -> its full text (all paragraphs), as the stored file has it."""
    starts = list(ARTICLE_START.finditer(text))
    found: dict[int, str] = {}
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        number = from_chinese(here.group(1))
        body = text[here.end(): after.start() if after else len(text)]
        found.setdefault(number, cut_trailing_headings(body).strip())
    return found


def cut_trailing_headings(body: str) -> str:
    """Drop a chapter or section heading (第三章 …) that follows the article's last paragraph."""
    return re.split(r"\n[\s\u3000#]*第[零一二三四五六七八九十百]+[章节编]", body)[0]


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def quote_is_verbatim(quote: str, article: str) -> bool:
    """Each piece of the quotation (pieces are cut by …) occurs in the article, in order."""
    pieces = [squeeze(piece) for piece in ELLIPSIS.split(quote) if squeeze(piece)]
    haystack, position = squeeze(article), 0
    for piece in pieces:
        found = haystack.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return bool(pieces)


def article_text(laws_dir: Path, reference: str, number: int) -> str | None:
    path = laws_dir / reference
    if not path.is_file():
        return None
    return articles_in(path.read_text(encoding="utf-8")).get(number)


def unmarked_cuts(quote: str, article: str) -> list[str]:
    """Where a verbatim quotation leaves out text of its article with no …… to say so: 'start'
    (text before it), 'end' (text after it). Between two pieces a …… is there by definition."""
    pieces = [squeeze(piece) for piece in ELLIPSIS.split(quote) if squeeze(piece)]
    haystack = squeeze(article)
    first = haystack.find(pieces[0]) if pieces else -1
    last_end, position = first, first
    for piece in pieces:
        position = haystack.find(piece, position)
        last_end = position + len(piece)
    stripped = quote.strip(" \u3000\n")
    cuts = []
    if first > 0 and not ELLIPSIS.match(stripped):
        cuts.append("start")
    if 0 <= last_end < len(haystack) and not ELLIPSIS.search(stripped[-3:]):
        cuts.append("end")
    return cuts


def first_difference(quote: str, article: str, width: int = 12) -> tuple[str, str, str]:
    """Where a quotation stops matching its article (whitespace aside): the text both agree
    on just before, then what the quotation has and what the article has there."""
    haystack = squeeze(article)
    for piece in (squeeze(p) for p in ELLIPSIS.split(quote) if squeeze(p)):
        if piece in haystack:
            continue
        low, high = 0, len(piece)  # the longest start of the piece that the article holds
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if piece[:middle] in haystack else (low, middle - 1)
        agreed = piece[:low]
        at = haystack.find(agreed) + len(agreed) if agreed else 0
        return agreed[-width:], piece[low:low + width], haystack[at:at + width]
    return "", "", ""
