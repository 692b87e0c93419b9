"""Owns the views of the law pages: the index of laws quoted, and one law's quoted articles."""
from __future__ import annotations

from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType, Law, LegalBasis
from redress.data.registry import LAWS


@dataclass(frozen=True)
class QuotedLaw:
    """A law and the articles of it the site quotes, in article order."""

    law: Law
    articles: tuple[LegalBasis, ...]


@dataclass(frozen=True)
class LawsIndex:
    """laws.md.j2: every law with at least one quoted article."""

    laws: tuple[QuotedLaw, ...]


@dataclass(frozen=True)
class Article:
    """A quoted article and the situations that rest on it."""

    basis: LegalBasis
    cited_by: tuple[ComplaintType, ...]


@dataclass(frozen=True)
class LawPage:
    """law.md.j2: one law, every article quoted from it in full."""

    law: Law
    articles: tuple[Article, ...]


def quoted_laws(kb: KnowledgeBase) -> tuple[QuotedLaw, ...]:
    """The laws with quoted articles, in the order of data/laws.yml; a law nothing quotes has
    no page."""
    every = (QuotedLaw(law, tuple(kb.bases_of_law(law.id))) for law in kb.of(LAWS).values())
    return tuple(quoted for quoted in every if quoted.articles)


def laws_index(kb: KnowledgeBase) -> LawsIndex:
    return LawsIndex(quoted_laws(kb))


def law_page(kb: KnowledgeBase, quoted: QuotedLaw) -> LawPage:
    return LawPage(quoted.law, tuple(Article(b, tuple(kb.citing(b.id))) for b in quoted.articles))
