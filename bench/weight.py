"""Page weight from the built files (search index; a guide page, its CSS and JS); export steps."""
from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TypedDict
from urllib.parse import urlsplit

# "✓ step: N s", and for a print task "✓ step: N s (CPU M s)".
STEP = re.compile(r"^✓ (?P<name>.+?): (?P<seconds>[0-9.]+) s(?: \(CPU [0-9.]+ s\))?$", re.MULTILINE)


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def search_index(site: Path, lang: str) -> dict[str, int]:
    """Bytes of the language's search index, raw and gzip."""
    data = (site / lang / "search" / "search_index.json").read_bytes()
    return {"raw": len(data), "gzip": gzipped(data)}


class PageWeight(TypedDict):
    """Gzip bytes of a page and of what it links; linked files not found in the site."""

    html: int
    css: int
    js: int
    total: int
    missing: list[str]


class Assets(HTMLParser):
    """The stylesheets and scripts a page links (local ones only; the site has no others)."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and "stylesheet" in (found.get("rel") or "").split() and found.get("href"):
            self.css.append(str(found["href"]))
        elif tag == "script" and found.get("src"):
            self.js.append(str(found["src"]))


def page_weight(site: Path, lang: str, page: str) -> PageWeight:
    """Gzip bytes of one page (e.g. 'situations/refund-refused/index.html') and of the CSS and
    JS files it links, summed from the built files; linked files not in the site are listed."""
    html_path = site / lang / page
    html = html_path.read_bytes()
    parser = Assets()
    parser.feed(html.decode("utf-8"))
    sizes = {"html": gzipped(html), "css": 0, "js": 0}
    missing: list[str] = []
    for kind, links in (("css", parser.css), ("js", parser.js)):
        for link in dict.fromkeys(links):
            parts = urlsplit(link)
            target = (html_path.parent / parts.path).resolve()
            if parts.scheme or parts.netloc or not target.is_file():
                missing.append(link)
            else:
                sizes[kind] += gzipped(target.read_bytes())
    return PageWeight(html=sizes["html"], css=sizes["css"], js=sizes["js"],
                      total=sum(sizes.values()), missing=missing)


def export_steps(output: str) -> dict[str, float]:
    """The '✓ step: N s' lines `python -m redress export` prints, as {step: seconds}."""
    return {m["name"]: float(m["seconds"]) for m in STEP.finditer(output)}
