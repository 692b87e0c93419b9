"""Owns the one Jinja environment: strict, escaping, with the filters every template shares."""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from redress.data.labels import fill
from redress.data.markdown_check import EXTENSIONS
from redress.data.numerals import to_chinese
from redress.data.text import Text
from redress.languages import Lang

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILL_IN = ("fill_order_number", "fill_order_date", "fill_amount", "fill_shop", "fill_said",
           "fill_asked")
PARAGRAPH_BREAK = re.compile(r"\n[\s\u3000]*\n")


class MissingUiString(KeyError):
    """A template asked for a label that data/ui_strings.yml does not have."""


class Bilingual(Protocol):
    """A value held in both languages (a Text, Terms, a guide's prose): `tr` picks one."""

    def in_(self, lang: Lang) -> Any: ...


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(tr=translate, date=show_date, paragraphs=paragraphs, article=article_label, fill=fill,
                       indent_block=indent_block, data_json=data_json, raw_attribute=raw_attribute,
                       css_string=css_string, markdown=markdown_html, query_value=query_value)
    env.globals.update(FILL_IN=FILL_IN, format_date=format_date, t=label)
    return env


def render(template: str, lang: Lang, ui: dict[str, Text], view: DataclassInstance | None = None,
           **context: Any) -> str:
    """Render one template for one language; the view's fields are the template's variables
    (beside lang, ui and what the caller adds) and every label comes from the UI strings."""
    fields_of_view = {f.name: getattr(view, f.name) for f in fields(view)} if view is not None else {}
    return environment().get_template(template).render(lang=lang, ui=ui, **fields_of_view,
                                                        **context)


@pass_context
def translate(context: Any, text: Bilingual) -> Any:
    return text.in_(context["lang"])


@pass_context
def data_json(context: Any, value: Any) -> str:
    """Data for a script, as compact JSON with each bilingual text in the page's language. A
    plain string: autoescape makes it safe inside the attribute it is printed in."""
    return json.dumps(value, default=lambda text: translate(context, text), ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))


def markdown_html(text: str) -> Markup:
    """A guide's prose as HTML for print, with the site's extensions: the prose checks
    (data/markdown_check.py) let through only what plain Markdown makes, never raw HTML."""
    return Markup(markdown.markdown(text, extensions=EXTENSIONS))


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string inside a <style> element (a printed page's margin text):
    every character but letters, digits and a few safe marks is a CSS escape, so nothing in
    the text can end the string, the rule or the element."""
    safe = (c if c.isalnum() or c in " ·.,:/-_" else f"\\{ord(c):x} " for c in text)
    return Markup('"' + "".join(safe) + '"')


def raw_attribute(text: str) -> Markup:
    """A front matter value the theme prints unescaped inside an HTML attribute (Material's
    `<meta name="description" content="{{ page.meta.description }}">`), written HTML-escaped: a
    quote in the data ended the attribute and added others (http-equiv="refresh" sent readers
    to another host)."""
    return Markup.escape(text)


@pass_context
def label(context: Any, key: str, **values: Any) -> str:
    ui: dict[str, Text] = context["ui"]
    if key not in ui:
        raise MissingUiString(f"data/ui_strings.yml has no '{key}'")
    return fill(ui[key].in_(context["lang"]), **values)


def format_date(day: datetime.date, lang: Lang) -> str:
    """2026年11月23日 / 23 November 2026."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%B} {day.year}"


@pass_context
def show_date(context: Any, day: datetime.date) -> str:
    return format_date(day, context["lang"])


@pass_context
def article_label(context: Any, number: int) -> str:
    return f"第{to_chinese(number)}条" if context["lang"] == "zh" else f"Art. {number}"


def paragraphs(text: str) -> list[str]:
    """A law text's paragraphs without the full-width indentation of the official layout."""
    return [part.strip(" \u3000\n") for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def indent_block(text: str | Markup, width: int = 4) -> Markup:
    """Indent every line after the first so a multi-line text stays inside its Markdown block."""
    pad = " " * width
    escaped = Markup.escape(text)
    return Markup(escaped.replace("\n", "\n" + pad))


def query_value(text: str) -> str:
    """A value for a link's query, as an IRI: ASCII percent-encoded, other characters kept as
    they are (the browser encodes them when the link is followed). Every page's prefilled
    problem report, percent-encoded whole, weighed 275 bytes gzipped on a Chinese guide. A "/"
    may stand in a query as it is."""
    return "".join(char if ord(char) > 127 else quote(char, safe="/") for char in text)
