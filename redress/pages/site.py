"""Owns the core's one entry for a site build: the plan of one language, made from the data."""
from __future__ import annotations

from typing import TYPE_CHECKING

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import SYNONYMS, UI
from redress.pages.catalogue import PageSpec, navigation, pages_for, render_page
from redress.pages.links import load_checked
from redress.pages.plan import PlannedPage, PlanRequest, SitePlan, date_epoch
from redress.pages.reuse import rendered_pages
from redress.problems import DataProblems

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DataProblems", "alternate_links", "load_and_make_plans", "make_plan", "make_plans"]


def load_and_make_plans(data_root: Path, requests: list[PlanRequest], again: bool = False) -> list[SitePlan]:
    """Load and check the data once, then make the plan of each request (`again`: in a process
    that will make them again after an edit, see make_plan). Raises DataProblems on bad data."""
    return make_plans(load_checked(data_root), requests, again)


def make_plans(kb: KnowledgeBase, requests: list[PlanRequest], again: bool = False) -> list[SitePlan]:
    """The plan of each request, the views (the same in every language) made once for all."""
    specs = pages_for(kb)
    return [make_plan(kb, request, specs, again) for request in requests]


def make_plan(kb: KnowledgeBase, request: PlanRequest, specs: list[PageSpec] | None = None,
              again: bool = False) -> SitePlan:
    """Every page of one language, rendered from the loaded data (and from `specs`, the pages
    with their views, when another language's plan has made them): a build's whole share of the
    core. With `again` (`mkdocs serve`), the pages are kept, and the next plan for this request
    renders only those that read what changed (redress/pages/reuse.py)."""
    lang = request.lang
    specs = specs if specs is not None else pages_for(kb)
    texts = rendered_pages(kb, specs, request, lambda page: render_page(kb, page, request), again)
    pages = [PlannedPage(page.uri, page.in_nav, text) for page, text in zip(specs, texts, strict=True)]
    return SitePlan(site_name=kb.of(UI)["site_name"].in_(lang), nav=navigation(kb, lang),
                    alternate=alternate_links(kb, request.directory_urls),
                    pages=pages,
                    search={"synonyms": [group.words.zh if lang == "zh" else group.words.en
                                         for group in kb.of(SYNONYMS).values()],
                            "words_page": "words/" if request.directory_urls else "words/index.html",
                            "words_title": kb.of(UI)["words_title"].in_(lang)},
                    source_date_epoch=date_epoch(kb.data_date))


def alternate_links(kb: KnowledgeBase, directory_urls: bool) -> list[dict[str, str]]:
    """The language switch, each language named in itself: `link` is its home (from disk, with
    no directory URLs, a folder link must name index.html), `top` the folder that a page's own
    address is added to, for the same page in that language (overrides/partials/alternate.html)."""
    suffix = "" if directory_urls else "index.html"
    return [{"name": kb.of(UI)["language_zh"].zh, "link": f"../zh/{suffix}", "top": "../zh/",
             "lang": "zh-CN"},
            {"name": kb.of(UI)["language_en"].en, "link": f"../en/{suffix}", "top": "../en/",
             "lang": "en"}]
