"""Owns the shape of Material's search index: tags once per page, synonyms added, no law texts.

Material writes one entry per section, repeats a page's tags on every one of them, indexes every
quoted law article in full (most of the index's weight, and never a buyer's words) and escapes
every Chinese character as \\uXXXX. After it has written the index, this hook rewrites it:
- a page's tags stay on its first entry only (so a tag counts once per page, not per section);
- sections that every guide has in nearly the same words are found by their titles only, and
  pages that list other pages weigh less than the pages they list;
- the quotation boxes of the guides and the articles on the law pages are left out: a law page
  is found by its name and its summary, a guide by its own words;
- a guide's platform view (situations/<id>/<platform>/) keeps only what is the platform's own:
  its title and tag ("退款被拒 · 抖音", 抖音) and, as one text, the `here-` sections under its
  rungs (app paths, timers, notes) with the rungs' names in the platform's words; the rest is
  the general view's, which search finds once, not nine times;
- every entry that says a word of a synonym group (data/synonyms.yml, handed over by the plan as
  `extra.redress_search`) gets the group's other words in a `synonyms` field (said in its title
  or tags) or `text_synonyms` (said in its text), which the search worker indexes like any field
  named in the search plugin's `fields`;
- the file is written as UTF-8 without spaces (the offline plugin copies it after this hook).
"""
from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

Groups = tuple[tuple[str, ...], ...]  # data/synonyms.yml's groups, each its words in one language
QUOTE_BOX = '<details class="quote"'
# Locations are `page/#id` on a server and `page.html#id` from disk (the offline bundle).
LAW_ARTICLE = re.compile(r"^laws/(?!index\.html)[^/#]+(/|\.html)#")  # one verbatim article
# Sections found by their titles only: the sources (names of documents), and the parts of a guide
# that say nearly the same in every guide (the ladder's channels, the deadlines, the evidence),
# whose words the channels page, the topics and the evidence catalogue hold once.
WITHOUT_TEXT = re.compile(r"#sources$|^situations/[^#]+#(step-|deadlines$|evidence$|dates$|write-it$)")
# Pages that list other pages (their titles and summaries) say every guide's words at once: they
# weigh less, so the guide itself comes first; the catalogues of evidence and channels, and each
# law's page (its title names the subject, never the buyer's problem), a little less.
LISTS = re.compile(r"^((index\.html)?(#|$)|(situations|laws)/(index\.html)?(#|$)"
                   r"|tree/overview(/|\.html)|tools/)")
CATALOGUES = re.compile(r"^((evidence|channels)(/|\.html)|laws/[^/#]+(/|\.html))")  # and each law's page
# A guide for one platform: `situations/<id>/<platform>/` (`.html` from disk); what of it is its own.
PLATFORM_VIEW = re.compile(r"^situations/[^/#]+/[^/#]+(/|\.html)")
PLATFORM_OWN = re.compile(r"#here-")
PLATFORM_BOOST = 0.3  # below its general view, which a phrasing without a platform's name wants
MARKUP = re.compile(r"<[^>]+>")
HAN_GAP = "\u200b"  # Material puts it between the words jieba cut
HAN_RUN_END = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]$")  # the last character is a Han one
HAN = re.compile(r"[\u3400-\u9fff]")
# Texts whose synonyms were found lately: `serve` rebuilds index the same texts each time (every
# page's, not only the changed ones'), and a full build finds each section's once. Bounded, so a
# build of thousands of pages does not keep a lower-case copy of its whole index.
RECENT_TEXTS = 8192


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    # Material's indexer skips an element marked data-search-exclude (and strips the mark).
    return html.replace(QUOTE_BOX, QUOTE_BOX + ' data-search-exclude="quote"')


def says(text: str, word: str) -> bool:
    """Whether the text (lower case, without jieba's gaps) says the word: a Chinese word
    anywhere, an English word at a word's start and up to a plain ending."""
    if HAN.search(word):
        return word in text
    return english_word(word).search(text) is not None


@cache
def english_word(word: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(word).replace(r"\ ", r"\s+") + r"(?:s|es|ed|d|ing)?\b")


def plain(*texts: str) -> str:
    """Texts as one lower-case string without markup or jieba's gaps, for `says`."""
    return MARKUP.sub(" ", " ".join(texts)).replace(HAN_GAP, "").lower()


@lru_cache(maxsize=RECENT_TEXTS)
def synonyms_of(text: str, groups: Groups) -> list[str]:
    """The words of every group the text says a word of, that it does not say itself (a list
    the caller must not change: it is kept for the next text like this one)."""
    added: list[str] = []
    for group in groups:
        said = [word for word in group if says(text, word.lower())]
        if said:
            added += [word for word in group if word not in said and word not in added]
    return added


def add_synonyms(entry: dict[str, Any], groups: Groups) -> None:
    """A title's or tag's synonyms weigh like a tag (`synonyms`), the text's like text
    (`text_synonyms`); the weights are the search plugin's `fields` in mkdocs.yml."""
    heading = plain(entry.get("title", ""), *entry.get("tags", []))
    if words := synonyms_of(heading, groups):
        entry["synonyms"] = list(words)  # a copy: the found list is kept
    text = plain(entry.get("text", ""))
    if words := [word for word in synonyms_of(text, groups) if word not in words]:
        entry["text_synonyms"] = words


def platform_views_folded(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each platform view as one entry: its title and tag, and as its text the platform's parts
    of its rungs (each `here-` section after its rung's name, the platform's button name); the
    rest is the general view's. One entry a view: a short entry per section would also shorten
    the index's average text, and so push every long guide section down the ranking."""
    kept: list[dict[str, Any]] = []
    top: dict[str, Any] = {}
    rung = ""
    for entry in docs:
        location = entry["location"]
        if not PLATFORM_VIEW.match(location):
            kept.append(entry)
        elif "#" not in location:
            top = entry | {"text": "", "boost": PLATFORM_BOOST}
            kept.append(top)
        elif "#step-" in location:
            rung = entry["title"]
        elif PLATFORM_OWN.search(location) and top:
            top["text"] = joined(top["text"], rung, entry["text"])
    return kept


def joined(*parts: str) -> str:
    """Segmented texts as one, as Material would have segmented them together: a Han run's
    closing gap, which Material's title stripped, put back before the space that follows."""
    def closed(part: str) -> str:
        return part + HAN_GAP if HAN_RUN_END.search(part) else part
    given = [part for part in parts if part]
    return " ".join([closed(part) for part in given[:-1]] + given[-1:])


def reshaped(docs: list[dict[str, Any]], groups: Groups) -> list[dict[str, Any]]:
    """The entries as search should weigh them (see the module's docstring)."""
    pages: set[str] = set()
    kept = []
    for entry in platform_views_folded(docs):
        if LAW_ARTICLE.match(entry["location"]):
            continue
        page = entry["location"].split("#")[0]
        if page in pages:
            entry.pop("tags", None)
        pages.add(page)
        if WITHOUT_TEXT.search(entry["location"]):
            entry["text"] = ""
        add_synonyms(entry, groups)
        if LISTS.match(entry["location"]):
            entry["boost"] = 0.25
        elif CATALOGUES.match(entry["location"]):
            entry["boost"] = 0.5
        kept.append(entry)
    return kept


@event_priority(-50)  # after Material's search wrote the index (0), before offline inlines it (-100)
def on_post_build(config: Any) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    groups = config.extra.get("redress_search", {}).get("synonyms", [])
    index["docs"] = reshaped(index["docs"], tuple(tuple(group) for group in groups))
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
