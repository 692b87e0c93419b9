"""Owns the site's two languages: their codes, in order, and which one a theme language means."""
from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")  # Chinese first, everywhere


def language_of(theme_language: str) -> Lang:
    """The data language for a theme language: zh_CN and zh mean Chinese, anything else English."""
    return "zh" if theme_language.lower().startswith("zh") else "en"
