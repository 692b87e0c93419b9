"""Owns which pages the site has: one PageSpec per generated page, and the navigation over them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType
from redress.data.platform_models import Platform
from redress.data.reads import ALWAYS, noting, record_read
from redress.data.registry import BASES, GROUPS, LAWS, PLATFORMS, SITUATIONS, TOPICS, TREE, UI, Kind
from redress.data.tree_paths import page_uri, walk
from redress.languages import Lang
from redress.pages.plan import PlanRequest
from redress.pages.rendering import render
from redress.pages.views.catalogues import (
    channels_page,
    evidence_catalogue,
    home_page,
    situations_index,
    topic_page,
)
from redress.pages.views.checklists import checklist_page, checklist_uri
from redress.pages.views.dates import date_tool_page
from redress.pages.views.laws import law_page, laws_index, quoted_laws
from redress.pages.views.letters import letters_index, letters_page
from redress.pages.views.platforms import platform_page, platforms_with_situations, situation_uri
from redress.pages.views.situations import situation_page
from redress.pages.views.tree import tree_overview, tree_step
from redress.pages.views.words import words_page

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class View:
    """How to make one page's view (the template's variables: records with their references
    resolved, nothing looked up while rendering), made when first asked for and then kept: the
    link check needs the addresses only, and a checklist's two pages share one. It also keeps
    what the view read of the data (redress/data/reads.py): the records it was made for, and
    every kind it looked into."""

    def __init__(self, make: Callable[..., DataclassInstance], kb: KnowledgeBase, *args: Any,
                 derived_from: tuple[Kind, ...] = ()) -> None:
        self.make, self.kb, self.args = make, kb, args
        self.given = frozenset(given_reads(kb, args, derived_from))
        self.made: tuple[DataclassInstance, frozenset[str]] | None = None

    def __call__(self) -> DataclassInstance:
        return self.made_and_read()[0]

    @property
    def reads(self) -> frozenset[str]:
        return self.made_and_read()[1]

    def made_and_read(self) -> tuple[DataclassInstance, frozenset[str]]:
        if self.made is None:
            with noting() as reads:
                view = self.make(self.kb, *self.args)
            self.made = view, frozenset(reads) | self.given
        return self.made


def given_reads(kb: KnowledgeBase, args: tuple[Any, ...], derived_from: tuple[Kind, ...]) -> list[str]:
    """What a view is given besides the knowledge base: a record (read as itself), a value
    made from whole kinds (read as those), or anything else (ALWAYS: rendered every time)."""
    reads = [kind.name for kind in derived_from]
    for arg in args:
        named = kb.record_name(arg)
        if named is not None:
            reads.append(record_read(*named))
        elif not derived_from and arg is not None:
            reads.append(ALWAYS)
    return reads


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: where it goes, which template draws it, and its view."""

    uri: str
    template: str
    make_view: View = field(repr=False, compare=False)
    in_nav: bool = True

    @property
    def view(self) -> DataclassInstance:
        return self.make_view()  # made once, by the View

    @property
    def reads(self) -> frozenset[str]:
        """What its view read of the data: rendering it again can wait until one of them changes."""
        return self.make_view.reads

    @property
    def root(self) -> str:
        """The relative way from this page's Markdown file back to the site root."""
        return "../" * self.uri.count("/")


def pages_for(kb: KnowledgeBase) -> list[PageSpec]:
    """Every generated page (the same set in both languages)."""
    situations = kb.of(SITUATIONS).values()
    pages = [
        PageSpec("index.md", "home.md.j2", View(home_page, kb)),
        PageSpec("situations/index.md", "situations.md.j2", View(situations_index, kb)),
        PageSpec("evidence.md", "evidence.md.j2", View(evidence_catalogue, kb)),
        PageSpec("channels.md", "channels.md.j2", View(channels_page, kb)),
        PageSpec("laws/index.md", "laws.md.j2", View(laws_index, kb)),
        PageSpec("words/index.md", "words.md.j2", View(words_page, kb), False),
        PageSpec("tools/dates.md", "date_tool.md.j2", View(date_tool_page, kb)),
    ]
    pages += [PageSpec(f"situations/{c.id}.md", "situation.md.j2", View(situation_page, kb, c))
              for c in situations]
    # Each guide for each platform: out of the navigation, in the search index.
    pages += [PageSpec(situation_uri(c.id, p), "situation.md.j2", View(situation_page, kb, c, p), False)
              for c, p in platforms_with_situations(kb)]
    pages += [PageSpec(f"platforms/{p.id}.md", "platform.md.j2", View(platform_page, kb, p), False)
              for p in kb.of(PLATFORMS).values()]
    pages += [PageSpec(f"laws/{quoted.law.id}.md", "law.md.j2",
                       View(law_page, kb, quoted, derived_from=(LAWS, BASES)))
              for quoted in quoted_laws(kb)]
    pages += checklist_pages(kb)
    pages += [PageSpec(f"topics/{topic.id}.md", "topic.md.j2", View(topic_page, kb, topic))
              for topic in kb.of(TOPICS).values()]
    pages.append(PageSpec("tools/letters/index.md", "letters_index.md.j2", View(letters_index, kb), False))
    pages += [PageSpec(f"tools/letters/{c.id}.md", "letters.md.j2", View(letters_page, kb, c), False)
              for c in situations]
    pages.append(PageSpec("tree/overview.md", "tree_overview.md.j2", View(tree_overview, kb)))
    pages += [PageSpec(page_uri(step.path), "tree_step.md.j2",
                       View(tree_step, kb, step, derived_from=(TREE,)), not step.path)
              for step in walk(kb.of(TREE))]
    return pages


def checklist_pages(kb: KnowledgeBase) -> list[PageSpec]:
    """Each situation's checklist, general (in the navigation) and for each platform (reached
    from that platform's view of the guide), each also in both languages side by side."""
    variants: list[tuple[ComplaintType, Platform | None]] = [(c, None) for c in kb.of(SITUATIONS).values()]
    variants += platforms_with_situations(kb)
    pages = []
    for situation, platform in variants:
        view = View(checklist_page, kb, situation, platform)  # one view, two pages
        pages += [PageSpec(checklist_uri(situation.id, platform), "checklist.md.j2", view, not platform),
                  PageSpec(checklist_uri(situation.id, platform, bilingual=True),
                           "checklist_bilingual.md.j2", view, False)]
    return pages


def render_page(kb: KnowledgeBase, page: PageSpec, request: PlanRequest) -> str:
    """The Markdown of one page, in the request's language, for its kind of build: the page's
    view, and what every page prints about itself and the build."""
    today = request.today or kb.data_date
    return render(page.template, request.lang, kb.of(UI), page.view, uri=page.uri,
                  root=page.root, offline=not request.directory_urls, data_date=kb.data_date,
                  stale_before=kb.stale_before(today), repository=request.repository)


def navigation(kb: KnowledgeBase, lang: Lang) -> list[dict[str, Any]]:
    """The site's navigation in MkDocs' nav shape, titled in the page's language."""
    def title(key: str) -> str:
        return kb.of(UI)[key].in_(lang)

    situations = grouped(kb, lang, "situations")
    laws = [{quoted.law.short.in_(lang): f"laws/{quoted.law.id}.md"} for quoted in quoted_laws(kb)]
    topics = [{t.title.in_(lang): f"topics/{t.id}.md"} for t in kb.of(TOPICS).values()]
    checklists = grouped(kb, lang, "checklists")
    return [
        {title("nav_home"): "index.md"},
        {title("nav_tree"): ["tree/index.md", "tree/overview.md"]},
        {title("nav_situations"): ["situations/index.md", *situations]},
        {title("dates_title"): "tools/dates.md"},
        *([{title("nav_topics"): topics}] if topics else []),
        {title("nav_channels"): "channels.md"},
        {title("nav_evidence"): "evidence.md"},
        {title("nav_laws"): ["laws/index.md", *laws]},
        {title("nav_checklists"): checklists},  # in the navigation so the booklet prints them
        {title("nav_about"): "about.md"},
    ]


def grouped(kb: KnowledgeBase, lang: Lang, folder: str) -> list[dict[str, Any]]:
    """One nav section per group, its situations' pages under it: with navigation.prune a page
    renders only its own group's items, not every situation of the site."""
    return [{group.title.in_(lang): [{c.title.in_(lang): f"{folder}/{c.id}.md"}
                                     for c in kb.situations_in(group.id)]}
            for group in kb.of(GROUPS).values()]
