"""Owns the plans a parent build makes for its language builds: one load, one plan per language."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.languages import LANGS, Lang
from redress.outputs.mkdocs_configs import language_config
from redress.pages.links import load_checked
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.plan_source import build_today, kept_or_made, plan_request
from redress.pages.site import make_plans


@dataclass(frozen=True)
class LanguagePlans:
    """The data, loaded once, and each language's request and plan."""

    kb: KnowledgeBase
    requests: dict[Lang, PlanRequest]
    plans: dict[Lang, SitePlan]

    def by_request(self) -> dict[PlanRequest, SitePlan]:
        return {self.requests[lang]: plan for lang, plan in self.plans.items()}


def language_plans(project: Path, data_root: Path, directory_urls: bool,
                   langs: tuple[Lang, ...] = LANGS) -> LanguagePlans:
    """Each language's plan, asked for as its MkDocs config would ask (the hook's request):
    kept, or made from one load of the data. Raises DataProblems on bad data."""
    today = build_today(data_root)
    requests = {lang: config_request(project, lang, directory_urls, today) for lang in langs}
    loaded: list[KnowledgeBase] = []

    def make(missing: list[PlanRequest]) -> list[SitePlan]:
        # The load comes after every kept plan was looked up, so none is kept under files
        # newer than those it was made from.
        loaded.append(load_checked(data_root))
        return make_plans(loaded[0], missing)

    plans = kept_or_made(data_root, list(requests.values()), make)
    kb = loaded[0] if loaded else load_checked(data_root)
    return LanguagePlans(kb, requests, dict(zip(langs, plans, strict=True)))


def config_request(project: Path, lang: Lang, directory_urls: bool,
                   today: datetime.date | None) -> PlanRequest:
    """What the language's config gives the hook: its theme language and repository."""
    config = language_config(project, lang)
    theme = config.get("theme") or {}
    repository = (config.get("extra") or {}).get("repository", "")
    return plan_request(theme.get("language", "en"), directory_urls, repository, today)
