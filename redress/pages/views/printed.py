"""Owns the views of the printed booklet and the one-situation leaflets (print/*.html.j2)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import Channel, ComplaintType, Deadline, Group, Law
from redress.data.platform_models import Platform, RungVariant
from redress.data.registry import CHANNELS, DEADLINES, LAWS, PLATFORMS, SITUATIONS
from redress.pages.qr import qr_svg
from redress.pages.views.common import Basis, Rung, groups
from redress.pages.views.situations import FirstActions, SituationPage, TimeLimit, situation_page
from redress.pages.views.tree import TreeOverview, tree_overview


@dataclass(frozen=True)
class Address:
    """A page of the site online, and its QR code (an SVG data URI)."""

    url: str
    qr: str


@dataclass(frozen=True)
class PrintedGuide:
    """One situation's guide on paper: the page's own view, and where it is online."""

    page: SituationPage
    online: Address


@dataclass(frozen=True)
class PrintedGroup:
    group: Group
    guides: tuple[PrintedGuide, ...]


@dataclass(frozen=True)
class AppendixLaw:
    """A law in the appendix with each of its articles the guides cite, in article order."""

    law: Law
    articles: tuple[Basis, ...]


@dataclass(frozen=True)
class PageNumbers:
    """Where each anchor was printed (the first print finds it): `marks` prints the markers
    that print is searched for, `of` the number, or blanks while it is not known yet."""

    numbers: dict[str, int] = field(default_factory=dict)
    marks: bool = False

    def of(self, anchor: str) -> str:
        return str(self.numbers[anchor]) if anchor in self.numbers else ""


@dataclass(frozen=True)
class PlatformSteps:
    """One platform's steps, once for every guide: each rung it names its own way (the general
    rung, its name and path there), the rungs that work as the general steps say."""

    platform: Platform
    variants: tuple[tuple[Channel, RungVariant], ...]
    general: tuple[Channel, ...]


@dataclass(frozen=True)
class Booklet:
    """print/booklet.html.j2: the cover, the contents, the question tree, the date worksheet
    (every deadline once, to fill in by hand), every guide, each platform's steps, the laws."""

    data_date: datetime.date
    home: Address
    groups: tuple[PrintedGroup, ...]
    tree: TreeOverview
    deadlines: tuple[Deadline, ...]
    platforms: tuple[PlatformSteps, ...]
    laws: tuple[AppendixLaw, ...]
    pages: PageNumbers


@dataclass(frozen=True)
class Leaflet:
    """print/leaflet.html.j2: one situation on two sides at most; `langs` is ("zh",), ("en",)
    or ("zh", "en") for the bilingual one, each block in the languages in that order. For a
    platform: its steps by its names and paths, its anti-scam line, its view's QR code."""

    data_date: datetime.date
    guide: PrintedGuide
    first: FirstActions
    deadlines: tuple[TimeLimit, ...]
    ladder: tuple[Rung, ...]
    langs: tuple[str, ...]
    platform: Platform | None
    home: str  # the site's address, in the bottom margin of every page


def guide_url(site_url: str, situation: ComplaintType, platform: Platform | None = None) -> str:
    """The guide's address on the published site (directory URLs, as the site is built), or
    its view for one platform: situations/<id>/<platform>/."""
    view = f"{platform.id}/" if platform else ""
    return f"{site_url.rstrip('/')}/situations/{situation.id}/{view}"


def address(url: str) -> Address:
    return Address(url, qr_svg(url))


def printed_guide(kb: KnowledgeBase, site_url: str, situation: ComplaintType,
                  platform: Platform | None = None) -> PrintedGuide:
    return PrintedGuide(situation_page(kb, situation, platform),
                        address(guide_url(site_url, situation, platform)))


def platform_steps(kb: KnowledgeBase) -> tuple[PlatformSteps, ...]:
    channels = kb.of(CHANNELS)
    return tuple(PlatformSteps(p, tuple((channels[v.rung], v) for v in p.rungs),
                               tuple(channels[rung] for rung in p.general))
                 for p in kb.of(PLATFORMS).values())


def cited_bases(page: SituationPage) -> list[Basis]:
    """Every article a guide cites (rights, steps, deadlines, answers), as its page shows them."""
    found = [b for claim in page.rights for b in claim.bases]
    found += [b for step in page.steps for b in step.rung.response.bases]
    found += [b for limit in page.deadlines for b in limit.bases]
    return found + [b for excuse in page.excuses for b in excuse.bases]


def appendix(kb: KnowledgeBase, guides: list[PrintedGuide]) -> tuple[AppendixLaw, ...]:
    """Each cited article once, under its law, laws in the order of data/laws.yml."""
    cited = {b.basis.id: b for g in guides for b in cited_bases(g.page)}
    by_law = (AppendixLaw(law, tuple(sorted((b for b in cited.values() if b.law.id == law.id),
                                            key=lambda b: (b.basis.article, b.basis.id))))
              for law in kb.of(LAWS).values())
    return tuple(entry for entry in by_law if entry.articles)


def booklet(kb: KnowledgeBase, site_url: str, pages: PageNumbers) -> Booklet:
    printed = [PrintedGroup(entry.group, tuple(printed_guide(kb, site_url, s)
                                               for s in entry.situations))
               for entry in groups(kb) if entry.situations]
    every = [g for group in printed for g in group.guides]
    used = {limit.deadline.id for g in every for limit in g.page.deadlines}
    worksheet = tuple(d for d in kb.of(DEADLINES).values() if d.id in used)
    return Booklet(kb.data_date, address(site_url), tuple(printed), tree_overview(kb), worksheet,
                   platform_steps(kb), appendix(kb, every), pages)


def leaflet(kb: KnowledgeBase, site_url: str, situation_id: str, langs: tuple[str, ...],
            platform: Platform | None = None) -> Leaflet:
    situation = kb.of(SITUATIONS)[situation_id]
    printed = printed_guide(kb, site_url, situation, platform)
    return Leaflet(kb.data_date, printed, printed.page.first, printed.page.deadlines,
                   tuple(step.rung for step in printed.page.steps), langs, platform, site_url)
