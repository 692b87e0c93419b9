"""Owns the site plan's shape: everything one language build takes from the core, as plain data."""
from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass
from typing import Any

from redress.languages import Lang


@dataclass(frozen=True)
class PlanRequest:
    """What a build asks for: a language, read from a server or from disk, its 'today', and
    where readers file issues. Everything a page depends on besides the files it is made from."""

    lang: Lang
    directory_urls: bool = True
    today: datetime.date | None = None
    repository: str = ""

    def key(self) -> str:
        return json.dumps([self.lang, self.directory_urls, str(self.today), self.repository])


@dataclass(frozen=True)
class PlannedPage:
    """One generated page: where it goes, whether the navigation lists it, its Markdown."""

    uri: str
    in_nav: bool
    markdown: str


def date_epoch(day: datetime.date) -> str:
    """Midnight UTC of the day, in seconds since 1970: the build time MkDocs writes into pages
    and the sitemap (SOURCE_DATE_EPOCH), so two builds of the same data are byte-identical."""
    return str(int(datetime.datetime.combine(day, datetime.time(), datetime.UTC).timestamp()))


@dataclass(frozen=True)
class SitePlan:
    """The site name, navigation, language switch, every generated page, the data's date as
    SOURCE_DATE_EPOCH, and what search is given: `synonyms`, the groups of words it treats as
    one (data/synonyms.yml, in the plan's language), and `words_page` and `words_title`, the
    page that stands in for it without JavaScript."""

    site_name: str
    nav: list[Any]
    alternate: list[dict[str, str]]
    pages: list[PlannedPage]
    search: dict[str, Any]
    source_date_epoch: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SitePlan:
        fields = json.loads(text)
        pages = [PlannedPage(**page) for page in fields.pop("pages")]
        return cls(**fields, pages=pages)

    def site_wide(self) -> str:
        """All of the plan that shows on every page (so a change to it changes every page)."""
        return json.dumps([self.site_name, self.nav, self.alternate, self.search,
                           [(page.uri, page.in_nav) for page in self.pages]], ensure_ascii=False)
