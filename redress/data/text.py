"""Owns the bilingual text type and the rules that keep every text safe to publish."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from redress.languages import Lang
from redress.messages import MESSAGES

RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?\s*$", re.MULTILINE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SITE_PATH = re.compile(r"^[\w./#-]*$")  # a page of this site: no quotes, spaces or markup
ATTRIBUTES = re.compile(r"\{\s*:|\{[^}\n]*=|\{\s*[.#][\w-]")  # Markdown attribute lists
TODO = re.compile(r"\bTODO\b")


def fail(kind: str, **values: str) -> PydanticCustomError:
    """A validation error named after its message in redress.messages (both languages there)."""
    return PydanticCustomError(kind, MESSAGES[kind][1], values)


def link_targets(text: str) -> list[str]:
    """Every link target written in Markdown link syntax in this text."""
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def is_allowed_link(target: str) -> bool:
    """Links in data may go to https pages or to pages of this site, nowhere else."""
    if target.startswith("https://"):
        return True
    return not SCHEME.match(target) and not target.startswith("//") and bool(SITE_PATH.match(target))


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
    return text


SafeText = Annotated[str, AfterValidator(check_publishable)]
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
