"""Owns the public surface the site adapter uses: load, list pages, render, navigate."""
from __future__ import annotations

from redress.knowledge_base import KnowledgeBase
from redress.loading import load_knowledge_base
from redress.pages import PageSpec, navigation, pages_for, render_page
from redress.problems import DataProblems
from redress.text import Lang

__all__ = ["DataProblems", "KnowledgeBase", "Lang", "PageSpec", "load_knowledge_base",
           "navigation", "pages_for", "render_page", "language_of"]


def language_of(theme_language: str) -> Lang:
    """The data language for a theme language: zh_CN and zh mean Chinese, anything else English."""
    return "zh" if theme_language.lower().startswith("zh") else "en"
