"""Owns which pages the site has: one PageSpec per generated page, and the navigation over them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import GROUPS, LAWS, SITUATIONS, TOPICS, TREE, UI
from redress.data.text import Lang
from redress.data.tree_paths import nodes_by_id, page_uri, walk
from redress.pages.plan import PlanRequest
from redress.pages.rendering import render


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: where it goes, which template draws it, with what."""

    uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = True

    @property
    def root(self) -> str:
        """The relative way from this page's Markdown file back to the site root."""
        return "../" * self.uri.count("/")


def pages_for(kb: KnowledgeBase) -> list[PageSpec]:
    """Every generated page (the same set in both languages)."""
    pages = [
        PageSpec("index.md", "home.md.j2"),
        PageSpec("situations/index.md", "situations.md.j2"),
        PageSpec("evidence.md", "evidence.md.j2"),
        PageSpec("channels.md", "channels.md.j2"),
        PageSpec("laws/index.md", "laws.md.j2"),
    ]
    pages += [PageSpec(f"situations/{c.id}.md", "situation.md.j2", {"c": c})
              for c in kb.of(SITUATIONS).values()]
    pages += [PageSpec(f"laws/{law.id}.md", "law.md.j2", {"law": law})
              for law in kb.of(LAWS).values() if kb.bases_of_law(law.id)]
    pages += [PageSpec(f"checklists/{c.id}.md", "checklist.md.j2", {"c": c})
              for c in kb.of(SITUATIONS).values()]
    pages += [PageSpec(f"checklists/{c.id}-zh-en.md", "checklist_bilingual.md.j2", {"c": c}, False)
              for c in kb.of(SITUATIONS).values()]
    pages += [PageSpec(f"topics/{topic.id}.md", "topic.md.j2", {"topic": topic})
              for topic in kb.of(TOPICS).values()]
    pages.append(PageSpec("tree/overview.md", "tree_overview.md.j2", {"nodes": nodes_by_id(kb.of(TREE))}))
    pages += [PageSpec(page_uri(step.path), "tree_step.md.j2", {"step": step}, not step.path)
              for step in walk(kb.of(TREE))]
    return pages


def render_page(kb: KnowledgeBase, page: PageSpec, request: PlanRequest) -> str:
    """The Markdown of one page, in the request's language, for its kind of build."""
    today = request.today or kb.data_date
    return render(page.template, request.lang, kb.of(UI), kb=kb, page=page, root=page.root,
                  offline=not request.directory_urls, today=today, repository=request.repository,
                  stale_before=kb.stale_before(today), **page.context)


def navigation(kb: KnowledgeBase, lang: Lang) -> list[dict[str, Any]]:
    """The site's navigation in MkDocs' nav shape, titled in the page's language."""
    def title(key: str) -> str:
        return kb.of(UI)[key].in_(lang)

    situations = grouped(kb, lang, "situations")
    laws = [{law.short.in_(lang): f"laws/{law.id}.md"}
            for law in kb.of(LAWS).values() if kb.bases_of_law(law.id)]
    topics = [{t.title.in_(lang): f"topics/{t.id}.md"} for t in kb.of(TOPICS).values()]
    checklists = grouped(kb, lang, "checklists")
    return [
        {title("nav_home"): "index.md"},
        {title("nav_tree"): ["tree/index.md", "tree/overview.md"]},
        {title("nav_situations"): ["situations/index.md", *situations]},
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
