"""Owns checking every quotation against the stored law texts, where those texts are at hand."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.data.law_texts import ELLIPSIS, articles_in, quote_is_verbatim, squeeze
from redress.data.registry import BASES, LAWS
from redress.messages import say
from redress.problems import Finding

ANY_ARTICLE = re.compile(r"(?=第[零一二三四五六七八九十百千]+条)")


def find_quote_problems(kb: KnowledgeBase, laws_dir: Path) -> Iterator[Finding]:
    """Each law's stored text exists; each quotation is in its article, word for word."""
    texts: dict[str, dict[int, str]] = {}
    for index, law in enumerate(kb.of(LAWS).values()):
        path = laws_dir / law.reference
        if path.is_file():
            texts[law.id] = articles_in(path.read_text(encoding="utf-8"))
        else:
            yield Finding(LAWS.file, (index, "reference"), say("no_stored_text", reference=law.reference))
    for index, basis in enumerate(kb.of(BASES).values()):
        if basis.law in texts:
            yield from check_quote(index, basis.quote.zh, texts[basis.law].get(basis.article))


def check_quote(index: int, quote: str, article: str | None) -> Iterator[Finding]:
    loc = (index, "quote", "zh")
    if article is None:
        yield Finding(BASES.file, (index, "article"), say("no_such_article"))
    elif not quote_is_verbatim(quote, article):
        yield Finding(BASES.file, loc, say("quote_differs"))
    elif runs_across_a_reference(quote):
        yield Finding(BASES.file, loc, say("quote_spans_reference"))


def runs_across_a_reference(quote: str) -> bool:
    """The shared checker cuts law texts at every 第…条, so no piece may run on past one."""
    pieces = [squeeze(piece) for piece in ELLIPSIS.split(quote)]
    return any(match.start() > 0 for piece in pieces for match in ANY_ARTICLE.finditer(piece))
