"""Owns the letter builder's rules: every 【blank】 declared, 12315 paragraphs, channel limits."""
from __future__ import annotations

import re
from collections.abc import Iterator

from redress.checks.integrity import check_ref, closest, duplicate_ids
from redress.data.knowledge_base import KnowledgeBase
from redress.data.letter_models import LetterKit, Paragraph
from redress.data.models import Step
from redress.data.registry import BASES, CHANNELS, LETTERS, SITUATIONS
from redress.messages import say
from redress.problems import Finding, Loc

BLANK = re.compile(r"【([^【】]*)】")
REGULATOR = "regulator"
PARAGRAPHS: tuple[str, ...] = Paragraph.__args__  # type: ignore[attr-defined]


def find_letter_problems(kb: KnowledgeBase) -> Iterator[Finding]:
    """The kit's own rules, then every situation's messages against the kit."""
    kit = kb.of(LETTERS)
    blanks = [field.blank for field in kit.fields]
    yield from check_kit(kb, kit)
    for index, situation in enumerate(kb.of(SITUATIONS).values()):
        for rung_index, step in enumerate(situation.ladder):
            yield from check_step(kit, blanks, (index, "ladder", rung_index, "message"), step)


def check_kit(kb: KnowledgeBase, kit: LetterKit) -> Iterator[Finding]:
    yield from duplicate_ids(LETTERS.file, kit.fields)
    rungs, bases = list(kb.of(CHANNELS)), list(kb.of(BASES))
    for index, field in enumerate(kit.fields):
        if "身份证" in field.blank + field.label.zh or "ID number" in field.label.en:
            yield Finding(LETTERS.file, ("fields", index, "blank"), say("asks_id_number"))
    blanks = [field.blank for field in kit.fields]
    for index, letter in enumerate(kit.composed):
        for part_index, part in enumerate(letter.parts):
            loc: Loc = ("composed", index, "parts", part_index)
            if part.text is not None:
                yield from unknown_blanks(LETTERS.file, (*loc, "text", "zh"), part.text.zh, blanks)
            if part.rung is not None:
                yield from check_ref(LETTERS.file, (*loc, "rung"), part.rung, CHANNELS.noun, rungs)
    for index, limit in enumerate(kit.limits):
        yield from check_ref(LETTERS.file, ("limits", index, "rung"), limit.rung, CHANNELS.noun, rungs)
    for index, basis in enumerate(kit.honesty_bases):
        yield from check_ref(LETTERS.file, ("honesty_bases", index), basis, BASES.noun, bases)


def check_step(kit: LetterKit, blanks: list[str], loc: Loc, step: Step) -> Iterator[Finding]:
    """Both languages' blanks (the English text carries the Chinese to send); the 12315 text's
    paragraphs; a limited channel's room."""
    for lang in ("zh", "en"):
        yield from unknown_blanks(SITUATIONS.file, (*loc, lang), step.message.in_(lang), blanks)
    if step.rung == REGULATOR:
        yield from check_paragraphs(loc, step.message.zh)
    for limit in kit.limits:
        if limit.rung == step.rung:
            yield from check_room(kit, (*loc, "zh"), step.message.zh, limit.rung, limit.characters)


def unknown_blanks(file: str, loc: Loc, text: str, blanks: list[str]) -> Iterator[Finding]:
    for name in BLANK.findall(text):
        if name not in blanks:
            near = [b for b in (closest(name, blanks), *blanks[:3]) if b]
            known = "、".join(f"【{b}】" for b in dict.fromkeys(near)) + " …"
            yield Finding(file, loc, say("unknown_blank", blank=name, known=known))
    if BLANK.sub("", text).count("【") or BLANK.sub("", text).count("】"):
        yield Finding(file, loc, say("blank_unclosed"))


def paragraphs_of(text: str) -> dict[str, str]:
    """A 12315 message's paragraphs by lead word (投诉请求 → its whole line, lead included)."""
    found: dict[str, str] = {}
    for line in filter(None, (line.strip() for line in text.splitlines())):
        lead = line.split("：", 1)[0]
        found[lead if lead in PARAGRAPHS else ""] = line
    return found


def check_paragraphs(loc: Loc, text: str) -> Iterator[Finding]:
    found = paragraphs_of(text)
    if "" in found:
        yield Finding(SITUATIONS.file, (*loc, "zh"),
                      say("paragraph_unknown", line=found[""][:20], known="、".join(PARAGRAPHS)))
    if "事实与理由" not in found:
        yield Finding(SITUATIONS.file, (*loc, "zh"), say("paragraph_missing", name="事实与理由"))
    if "投诉请求" not in found and "举报事项" not in found:
        yield Finding(SITUATIONS.file, (*loc, "zh"), say("paragraph_missing", name="投诉请求"))


def check_room(kit: LetterKit, loc: Loc, text: str, rung: str, limit: int) -> Iterator[Finding]:
    """The fixed text plus each blank's declared room must fit the channel's limit."""
    room_of = {field.blank: field.room for field in kit.fields}
    fixed = len(BLANK.sub("", text))
    room = sum(room_of.get(name, 0) for name in BLANK.findall(text))
    if fixed + room > limit:
        yield Finding(SITUATIONS.file, loc, say("too_long_for", fixed=fixed, room=room, rung=rung,
                                                limit=limit, fits=limit - room))
