"""Owns the views of the two pages outside the language sites: the root and the downloads."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType
from redress.data.platform_models import Platform
from redress.data.registry import PLATFORMS, SITUATIONS


@dataclass(frozen=True)
class RootIndex:
    """root_index.html.j2: both languages offered; `index_file` is named from disk."""

    index_file: str


@dataclass(frozen=True)
class DownloadsPage:
    """downloads.html.j2: every exported file with its size in bytes (none yet: empty); each
    leaflet and checklist also for every platform (listed under its general one, folded)."""

    situations: tuple[ComplaintType, ...]
    platforms: tuple[Platform, ...]
    files: dict[str, int]
    data_date: datetime.date


def root_index(index_file: str) -> RootIndex:
    return RootIndex(index_file)


def downloads_page(kb: KnowledgeBase, files: dict[str, int]) -> DownloadsPage:
    return DownloadsPage(tuple(kb.of(SITUATIONS).values()), tuple(kb.of(PLATFORMS).values()), files,
                         kb.data_date)
