"""Owns checking Markdown after it is parsed: what every link, image and attribute becomes."""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown

# The site's extensions (base.yml's markdown_extensions; a test holds the two lists equal),
# so a text is parsed here exactly as the page will parse it.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences",
              "def_list", "tables", "toc"]
# Only what plain Markdown makes; a text that turns into anything else is refused.
INLINE = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote"}
PROSE = INLINE | {"h3", "h4", "h5", "h6", "img", "pre", "hr", "table", "thead", "tbody", "tr",
                  "th", "td", "dl", "dt", "dd", "div", "span"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "h3": {"id"}, "h4": {"id"},
              "h5": {"id"}, "h6": {"id"}}  # toc gives headings an id; nothing else may
TOKEN = re.compile(r"^[a-z0-9]{1,4}$")  # a Pygments token class inside a code block
ALIGNED = re.compile(r"^text-align: (left|right|center);$")  # what a table's alignment row gives
# Worth parsing only with one of these: links and images, attributes, HTML, headings.
MARKUP = re.compile(r"[\[{<]|^\s{0,3}(#|=+\s*$|-+\s*$)", re.MULTILINE)
Element = tuple[str, tuple[tuple[str, str], ...]]
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SITE_PATH = re.compile(r"^[\w./#-]*$")  # a page of this site: no quotes, spaces or markup


def is_allowed_link(target: str) -> bool:
    """Links may go to https pages or to pages of this site, nowhere else."""
    if target.startswith("https://"):
        return True
    return not SCHEME.match(target) and not target.startswith("//") and bool(SITE_PATH.match(target))


class Elements(HTMLParser):
    """Every start tag of the HTML Markdown made, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, tuple((name, value or "") for name, value in attrs)))


@lru_cache(maxsize=65536)  # the same text stands in many records, and every run checks them all
def elements(text: str) -> tuple[Element, ...]:
    """The elements a text becomes on the page (nothing to parse: none)."""
    if not MARKUP.search(text):
        return ()
    parser = Elements()
    parser.feed(markdown.markdown(text, extensions=EXTENSIONS))
    return tuple(parser.found)


def markup_problem(text: str, prose: bool) -> tuple[str, dict[str, str]] | None:
    """The first thing the parsed text holds that a page may not: (message key, its values)."""
    allowed = PROSE if prose else INLINE
    for tag, attrs in elements(text):
        if tag in {"h1", "h2"} or (tag.startswith("h") and tag[1:].isdigit() and not prose):
            return "big_heading", {}
        if tag == "img" and not prose:  # a field is shown inline: it has no images at all
            return "bad_image", {"target": dict(attrs).get("src", "")}
        if tag not in allowed:
            return "raw_html", {}
        for name, value in attrs:
            problem = attribute_problem(tag, name, value)
            if problem:
                return problem
    return None


def attribute_problem(tag: str, name: str, value: str) -> tuple[str, dict[str, str]] | None:
    if name == "href" and tag == "a":
        if BAD_SCHEME.search(value):
            return "bad_scheme", {"target": value}
        return None if is_allowed_link(value) else ("bad_link", {"target": value})
    if name == "src" and tag == "img":
        from_repository = is_allowed_link(value) and not value.startswith("https://")
        return None if from_repository else ("bad_image", {"target": value})
    if name == "style" and tag in {"th", "td"} and ALIGNED.match(value):
        return None
    code_block = (tag == "div" and value == "highlight") or (tag == "span" and TOKEN.match(value))
    if name == "class" and code_block:
        return None  # a fenced code block, as superfences and Pygments draw it
    return None if name in ATTRIBUTES.get(tag, set()) else ("attribute_list", {})


def links_in(text: str) -> list[str]:
    """Every link target the parsed text holds, in order."""
    return [value for tag, attrs in elements(text) if tag == "a"
            for name, value in attrs if name == "href"]
