"""Owns the bilingual text type and the rules that keep every text safe to publish."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from redress.data.markdown_check import BAD_SCHEME, is_allowed_link, markup_problem
from redress.languages import Lang
from redress.messages import MESSAGES

RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?\s*$", re.MULTILINE)
ATTRIBUTES = re.compile(r"\{\s*:|\{[^}\n]*=|\{\s*[.#][\w-]")  # Markdown attribute lists
TODO = re.compile(r"\bTODO\b")
# Characters a reader cannot see that change what a text shows or how it reads: zero-width
# ones, bidirectional overrides and isolates, the soft hyphen, a byte-order mark mid-text.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def fail(kind: str, **values: str) -> PydanticCustomError:
    """A validation error named after its message in redress.messages (both languages there)."""
    return PydanticCustomError(kind, MESSAGES[kind][1], values)


def link_targets(text: str) -> list[str]:
    """Every link target written in Markdown link syntax in this text."""
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def check_publishable(text: str) -> str:
    """Reject text that is empty, unfinished, or could carry markup or script into a page."""
    if not text.strip():
        raise fail("empty_text")
    if TODO.search(text):
        raise fail("todo_text")
    if RAW_HTML.search(text):
        raise fail("raw_html")
    if ENTITY.search(text):
        raise fail("html_entity")
    if ATTRIBUTES.search(text):
        raise fail("attribute_list")
    for target in link_targets(text):
        if BAD_SCHEME.search(target):
            raise fail("bad_scheme")
        if not is_allowed_link(target):
            raise fail("bad_link", target=target)
    if INVISIBLE.search(text):
        raise fail("invisible_character")
    return text


def check_data_text(text: str) -> str:
    """A text of a data file: publishable line by line, and as the page will parse it (a link
    may start on one line and go on on the next)."""
    check_publishable(text)
    problem = markup_problem(text, prose=False)
    if problem:
        raise fail(problem[0], **problem[1])
    return text


SafeText = Annotated[str, AfterValidator(check_data_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]


class Strict(BaseModel):
    """Base for every data model: unknown fields are errors and records never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in both languages, side by side."""

    zh: SafeText
    en: SafeText

    def in_(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Terms(Strict):
    """Words a buyer might search for, in both languages."""

    zh: list[Annotated[SafeText, StringConstraints(max_length=40)]]
    en: list[Annotated[SafeText, StringConstraints(max_length=40)]]

    def in_(self, lang: Lang) -> list[str]:
        return self.zh if lang == "zh" else self.en
