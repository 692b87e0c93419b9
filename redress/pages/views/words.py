"""Owns the view of the "what people call it" page: every guide with its keywords and synonyms."""
from __future__ import annotations

import re
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType, SynonymGroup
from redress.data.registry import SITUATIONS, SYNONYMS
from redress.data.text import Terms, Text
from redress.languages import Lang


@dataclass(frozen=True)
class WordsEntry:
    """One guide, and every word that finds it: its keywords, then the synonyms of its words."""

    id: str
    title: Text
    words: Terms


@dataclass(frozen=True)
class WordsPage:
    """words.md.j2: the search for readers without JavaScript, a list they can scan."""

    entries: tuple[WordsEntry, ...]


def says(text: str, word: str) -> bool:
    """Whether the text says the word (Chinese anywhere, English at a word's start), as the
    search index's synonyms are chosen (hooks/search_index.py)."""
    if re.search(r"[\u3400-\u9fff]", word):
        return word in text
    return re.search(r"\b" + re.escape(word.lower()), text.lower()) is not None


def words_in(situation: ComplaintType, groups: list[SynonymGroup], lang: Lang) -> list[str]:
    """The guide's keywords, then every word of a synonym group its title or keywords say."""
    own = situation.keywords.in_(lang)
    said = " ".join([situation.title.in_(lang), *own])
    words = list(own)
    for group in groups:
        members = group.words.zh if lang == "zh" else group.words.en
        if any(says(said, word) for word in members):
            words += [word for word in members if word not in words]
    return words


def words_page(kb: KnowledgeBase) -> WordsPage:
    groups = list(kb.of(SYNONYMS).values())
    return WordsPage(tuple(
        WordsEntry(c.id, c.title, Terms(zh=words_in(c, groups, "zh"), en=words_in(c, groups, "en")))
        for c in kb.of(SITUATIONS).values()))
