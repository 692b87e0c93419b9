"""Owns checking every quotation against the law texts kept in laws/, and those texts themselves."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from redress.data.files import read_repository_text
from redress.data.knowledge_base import KnowledgeBase
from redress.data.law_copies import MANIFEST, copies_out_of_step
from redress.data.law_texts import articles_in, first_difference, quote_is_verbatim, unmarked_cuts
from redress.data.models import LegalBasis
from redress.data.registry import BASES, LAWS
from redress.messages import say
from redress.problems import Finding

MAX_LAW_BYTES = 5_000_000  # the whole Civil Code is about 0.4 MB


def find_quote_problems(kb: KnowledgeBase, laws_dir: Path) -> Iterator[Finding]:
    """Each law's stored text exists, unchanged; each quotation is in its article, word for word."""
    texts: dict[str, dict[int, str]] = {}
    out_of_step = copies_out_of_step(laws_dir)
    for index, law in enumerate(kb.of(LAWS).values()):
        if law.reference in out_of_step:
            yield Finding(LAWS.file, (index, "reference"), say(
                "law_copy_changed", file=law.reference, state=out_of_step.pop(law.reference)))
        elif (laws_dir / law.reference).is_file() or (laws_dir / law.reference).is_symlink():
            text, refused = read_repository_text(laws_dir, law.reference, MAX_LAW_BYTES)
            if text is not None:
                texts[law.id] = articles_in(text)
            yield from (Finding(LAWS.file, (index, "reference"), problem.said) for problem in refused)
        else:
            yield Finding(LAWS.file, (index, "reference"), say("no_stored_text", reference=law.reference))
    for name, state in out_of_step.items():  # copies no law cites
        yield Finding(f"laws/{MANIFEST}", (), say("law_copy_changed", file=name, state=state), 1, 1)
    for index, basis in enumerate(kb.of(BASES).values()):
        if basis.law in texts:
            yield from check_quote(index, basis, kb.of(LAWS)[basis.law].reference,
                                   texts[basis.law].get(basis.article))


def check_quote(index: int, basis: LegalBasis, reference: str,
                article: str | None) -> Iterator[Finding]:
    loc, quote = (index, "quote", "zh"), basis.quote.zh
    if article is None:
        yield Finding(BASES.file, (index, "article"), say("no_such_article"))
    elif not quote_is_verbatim(quote, article):
        agreed, quoted, stored = first_difference(quote, article)
        yield Finding(BASES.file, loc, say(
            "quote_differs", agreed=agreed or "—", quoted=quoted or "—", stored=stored or "—",
            command=f".venv/bin/python -m redress quote '{reference}' {basis.article}"))
    else:
        for where in unmarked_cuts(quote, article):
            yield Finding(BASES.file, loc, say(f"quote_cut_at_{where}"))




def quotations_compared(kb: KnowledgeBase, laws_dir: Path) -> int:
    """How many quotations had their law's stored text to be compared with."""
    present = {law.id for law in kb.of(LAWS).values() if (laws_dir / law.reference).is_file()}
    return sum(basis.law in present for basis in kb.of(BASES).values())
