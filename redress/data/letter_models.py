"""Owns the shape of data/letters.yml: the form's fields, the composed texts, a channel's limit."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from redress.data.models import BasisIds
from redress.data.refs import RefersTo
from redress.data.text import Id, Strict, Text

InputKind = Literal["text", "number", "date", "tel", "textarea"]
# The lead words of a 12315 message's paragraphs (投诉请求：…), as Order No. 121 Art. 10 asks.
Paragraph = Literal["投诉人", "被投诉人", "投诉请求", "事实与理由", "举报人", "被举报人", "举报事项",
                    "证据"]
Blank = Annotated[str, StringConstraints(pattern=r"^[^【】\s/，,]{1,16}$")]
RungId = Annotated[Id, RefersTo("channels")]


class LetterField(Strict):
    """One thing the form asks; `blank` is its word between 【】 in every message."""

    id: Id
    blank: Blank
    label: Text
    hint: Text | None = None
    input: InputKind = "text"
    room: Annotated[int, Field(ge=1, le=200)]
    personal: bool = False


class LetterPart(Strict):
    """Fixed text, a paragraph of the situation's 12315 message, or a rung's whole message."""

    label: Text | None = None
    text: Text | None = None
    takes: Paragraph | None = None
    rung: RungId | None = None


class ComposedLetter(Strict):
    """A text made for every situation from its own messages (12315 blocks, 消协, a letter)."""

    id: Id
    name: Text
    explain: Text
    needs: Paragraph | None = None
    parts: list[LetterPart] = Field(min_length=1)


class LengthLimit(Strict):
    """A channel that takes at most so many characters, and where that is said."""

    rung: RungId
    characters: Annotated[int, Field(ge=20)]
    source: Text


class LetterKit(Strict):
    """Everything the letter builder adds to the situations' messages."""

    fields: list[LetterField] = Field(min_length=1)
    composed: list[ComposedLetter] = []
    limits: list[LengthLimit] = []
    honesty: Text
    honesty_bases: BasisIds = []
