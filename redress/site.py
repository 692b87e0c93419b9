"""Owns the public surface the site adapter uses: load, list pages, render, navigate."""
from __future__ import annotations

from redress.knowledge_base import KnowledgeBase
from redress.loading import load_knowledge_base
from redress.pages import PageSpec, SiteOptions, navigation, pages_for, render_page
from redress.problems import DataProblems
from redress.rendering import format_date
from redress.text import Lang

__all__ = ["DataProblems", "KnowledgeBase", "Lang", "PageSpec", "SiteOptions", "alternate_links",
           "booklet_strings", "language_of", "load_knowledge_base", "navigation", "pages_for",
           "render_page"]


def language_of(theme_language: str) -> Lang:
    """The data language for a theme language: zh_CN and zh mean Chinese, anything else English."""
    return "zh" if theme_language.lower().startswith("zh") else "en"


def alternate_links(kb: KnowledgeBase, directory_urls: bool) -> list[dict[str, str]]:
    """The language switch, each language named in itself; from disk (no directory URLs) a
    folder link must name index.html."""
    suffix = "" if directory_urls else "index.html"
    return [{"name": kb.ui["language_zh"].zh, "link": f"../zh/{suffix}", "lang": "zh-CN"},
            {"name": kb.ui["language_en"].en, "link": f"../en/{suffix}", "lang": "en"}]


def booklet_strings(kb: KnowledgeBase, lang: Lang) -> dict[str, str]:
    """Title, table-of-contents heading and cover lines of the PDF booklet, in one language."""
    def text(key: str, **values: str) -> str:
        return kb.ui[key].in_(lang).format(**values)

    as_of = format_date(kb.data_date, lang)
    return {"title": text("site_name"), "page_title": text("booklet_title"),
            "toc_title": text("booklet_contents"), "subtitle": text("home_title"),
            "as_of": text("data_as_of", date=as_of), "disclaimer": text("not_legal_advice")}
