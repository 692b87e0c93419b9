"""Owns the letter builder's views: a situation's texts for every rung, and the tool's index."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from redress.checks.letter_checks import BLANK, REGULATOR, paragraphs_of
from redress.data.knowledge_base import KnowledgeBase
from redress.data.letter_models import ComposedLetter, LetterField, LetterKit, LetterPart
from redress.data.models import ComplaintType, Step
from redress.data.registry import CHANNELS, GROUPS, LETTERS
from redress.data.text import Text
from redress.pages.views.common import Basis, bases

# What the English version of a message says around its explanation and its Chinese copy.
ENGLISH_FRAME = re.compile(r"What it says, in English:\s*|\s*Send this \(in Chinese\):\s*$")


@dataclass(frozen=True)
class Block:
    """One box of a text: a form's box (with its label) or a paragraph, in the Chinese sent."""

    label: Text | None
    chinese: str
    explain: Text | None


@dataclass(frozen=True)
class Letter:
    """One text to copy: to whom, what it is for, its blocks, and a channel's length limit."""

    id: str
    name: Text
    explain: Text
    blocks: tuple[Block, ...]
    limit: int | None


@dataclass(frozen=True)
class LettersPage:
    """letters.md.j2: the form and every text of one situation."""

    situation: ComplaintType
    letters: tuple[Letter, ...]
    fields: tuple[LetterField, ...]
    honesty: Text
    honesty_bases: tuple[Basis, ...]
    script_data: dict[str, Any]


@dataclass(frozen=True)
class LettersIndex:
    """letters_index.md.j2: the situations to choose from, by group."""

    groups: tuple[tuple[Text, tuple[ComplaintType, ...]], ...]


def letters_index(kb: KnowledgeBase) -> LettersIndex:
    return LettersIndex(tuple((group.title, tuple(kb.situations_in(group.id)))
                              for group in kb.of(GROUPS).values()))


def letters_page(kb: KnowledgeBase, situation: ComplaintType) -> LettersPage:
    kit = kb.of(LETTERS)
    letters = (*rung_letters(kb, kit, situation), *composed_letters(kit, situation))
    used = {name for letter in letters for block in letter.blocks
            for name in BLANK.findall(block.chinese)}
    fields = tuple(field for field in kit.fields if field.blank in used)
    return LettersPage(situation, letters, fields, kit.honesty, bases(kb, kit.honesty_bases),
                       script_data(letters, fields))


def rung_letters(kb: KnowledgeBase, kit: LetterKit, situation: ComplaintType) -> list[Letter]:
    """Each rung's own message, except where a composed text takes its place (the 12315 form
    for the regulator's rung, the signed letter for a rung it prints whole)."""
    taken = {part.rung for letter in kit.composed for part in letter.parts} | {REGULATOR}
    limits = {limit.rung: limit.characters for limit in kit.limits}
    return [Letter(step.rung, kb.of(CHANNELS)[step.rung].name, step.do,
                   (Block(None, step.message.zh, english_of(step)),), limits.get(step.rung))
            for step in situation.ladder if step.rung not in taken]


def english_of(step: Step) -> Text:
    """The English message's explanation, without its copy of the Chinese."""
    english = ENGLISH_FRAME.sub("", step.message.en.replace(step.message.zh, "")).strip()
    return Text(zh=step.message.zh, en=english)


def composed_letters(kit: LetterKit, situation: ComplaintType) -> list[Letter]:
    steps = {step.rung: step for step in situation.ladder}
    regulator = steps.get(REGULATOR)
    paragraphs = paragraphs_of(regulator.message.zh) if regulator else {}
    return [Letter(letter.id, letter.name, letter.explain,
                   tuple(block for part in letter.parts
                         if (block := block_of(part, paragraphs, steps)) is not None), None)
            for letter in kit.composed if made_here(letter, paragraphs)]


def made_here(letter: ComposedLetter, paragraphs: dict[str, str]) -> bool:
    return letter.needs is None or letter.needs in paragraphs


def block_of(part: LetterPart, paragraphs: dict[str, str], steps: dict[str, Step]) -> Block | None:
    """A part as the reader copies it; None where the situation has nothing for it."""
    if part.text is not None:
        return Block(part.label, part.text.zh, part.text)
    if part.rung is not None:
        step = steps.get(part.rung)
        return Block(part.label, step.message.zh, english_of(step)) if step else None
    line = paragraphs.get(part.takes or "")
    if line is None:
        return None
    # A form's box takes the paragraph without its lead word: the box has that name already.
    return Block(part.label, line.split("：", 1)[1] if part.label else line, None)


def script_data(letters: tuple[Letter, ...], fields: tuple[LetterField, ...]) -> dict[str, Any]:
    """What redress-letters.js fills: each text's blocks as templates, and each field's blank."""
    return {"fields": {field.id: field.blank for field in fields},
            "letters": {letter.id: {"blocks": [block.chinese for block in letter.blocks],
                                    "limit": letter.limit} for letter in letters}}
