"""Owns checking every quoted platform rule against its stored copy in laws/, word for word."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from redress.data.files import read_repository_text
from redress.data.knowledge_base import KnowledgeBase
from redress.data.law_copies import copies_out_of_step
from redress.data.law_texts import articles_in, first_difference, quote_is_verbatim, unmarked_cuts
from redress.data.platform_models import PlatformRule, RuleArticle
from redress.data.registry import PLATFORM_RULES
from redress.messages import say
from redress.problems import Finding

MAX_RULE_BYTES = 2_000_000


def find_rule_quote_problems(kb: KnowledgeBase, laws_dir: Path) -> Iterator[Finding]:
    """Each rule's stored text exists, unchanged; each quoted article is in it, word for word."""
    out_of_step = copies_out_of_step(laws_dir)
    for index, rule in enumerate(kb.of(PLATFORM_RULES).values()):
        where = (index, "reference")
        if rule.reference in out_of_step:
            yield Finding(PLATFORM_RULES.file, where, say(
                "law_copy_changed", file=rule.reference, state=out_of_step[rule.reference]))
            continue
        if not (laws_dir / rule.reference).is_file():
            yield Finding(PLATFORM_RULES.file, where, say("no_stored_text", reference=rule.reference))
            continue
        text, refused = read_repository_text(laws_dir, rule.reference, MAX_RULE_BYTES)
        yield from (Finding(PLATFORM_RULES.file, where, problem.said) for problem in refused)
        if text is not None:
            yield from check_rule_articles(index, rule, articles_in(text))


def check_rule_articles(index: int, rule: PlatformRule, stored: dict[int, str]) -> Iterator[Finding]:
    for number, quoted in enumerate(rule.articles):
        yield from check_rule_quote((index, "articles", number), rule.reference, quoted,
                                    stored.get(quoted.article))


def check_rule_quote(loc: tuple[int | str, ...], reference: str, quoted: RuleArticle,
                     article: str | None) -> Iterator[Finding]:
    quote = quoted.quote.zh
    if article is None:
        yield Finding(PLATFORM_RULES.file, (*loc, "article"), say("no_such_article"))
    elif not quote_is_verbatim(quote, article):
        agreed, said_here, stored = first_difference(quote, article)
        yield Finding(PLATFORM_RULES.file, (*loc, "quote", "zh"), say(
            "quote_differs", agreed=agreed or "—", quoted=said_here or "—", stored=stored or "—",
            command=f".venv/bin/python -m redress quote '{reference}' {quoted.article}"))
    else:
        for where in unmarked_cuts(quote, article):
            yield Finding(PLATFORM_RULES.file, (*loc, "quote", "zh"), say(f"quote_cut_at_{where}"))
