"""Owns rendering again only the pages an edit changed: each page's Markdown from the last plan
this process made, kept with what its view read, reused while none of that changed.

`mkdocs serve` makes a whole plan on every edit; most pages read nothing the edit touched. What
a page reads is noted as it is made (redress/data/reads.py): a kind looked into, one record,
one guide's prose; a read that cannot be named renders it every time. The last knowledge base
is compared with the new one record by record, so a page is reused only when everything it
read is equal, and the build's own values (its request, the data's date) are the same.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from redress.data.knowledge_base import KnowledgeBase
from redress.data.reads import ALWAYS, noting, prose_read, record_read
from redress.pages.catalogue import PageSpec
from redress.pages.plan import PlanRequest


@dataclass(frozen=True)
class Rendered:
    """One page as last rendered: its template, what it read, its Markdown."""

    template: str
    reads: frozenset[str]
    markdown: str


@dataclass(frozen=True)
class LastPlan:
    """A request's pages as last rendered in this process, and the data they were made from."""

    kb: KnowledgeBase
    pages: dict[str, Rendered]


last_plans: dict[str, LastPlan] = {}  # by the request's key and the data's date


def rendered_pages(kb: KnowledgeBase, specs: list[PageSpec], request: PlanRequest,
                   render: Callable[[PageSpec], str], keep: bool) -> list[str]:
    """Each page's Markdown: as last rendered for this request when nothing it read has changed
    since, else rendered now; kept for the next plan if `keep` (a build that makes one plan
    and hands it over would only hold every page's text in memory for nothing)."""
    key = f"{request.key()}{kb.data_date}"
    last = last_plans.get(key)
    changed = changes(last.kb, kb) if last is not None else None
    pages = {}
    for page in specs:
        old = last.pages.get(page.uri) if last is not None else None
        if old is not None and changed is not None and still_right(old, page, changed):
            pages[page.uri] = old
        else:
            with noting() as reads:  # the labels and whatever rendering looks up
                markdown = render(page)
            pages[page.uri] = Rendered(page.template, page.reads | reads, markdown)
    if keep:
        last_plans[key] = LastPlan(kb, pages)
    return [pages[page.uri].markdown for page in specs]


def still_right(old: Rendered, page: PageSpec, changed: set[str]) -> bool:
    return old.template == page.template and ALWAYS not in old.reads and not old.reads & changed


def changes(old: KnowledgeBase, new: KnowledgeBase) -> set[str]:
    """Every read whose answer differs between the two: each kind that changed at all, each
    record that changed, came or went, and each guide's prose that did."""
    changed = set()
    for kind in old.records.keys() | new.records.keys():
        before, after = old.records.get(kind), new.records.get(kind)
        if before == after and list_order(before) == list_order(after):
            continue
        changed.add(kind)
        if isinstance(before, dict) and isinstance(after, dict):
            for i in before.keys() | after.keys():
                if before.get(i) != after.get(i):
                    changed |= {record_read(kind, i)} | fields_changed(kind, i, before.get(i), after.get(i))
    changed |= {prose_read(key) for key, lang in old.prose.keys() | new.prose.keys()
                if old.prose.get((key, lang)) != new.prose.get((key, lang))}
    return changed


def fields_changed(kind: str, record_id: str, before: object, after: object) -> set[str]:
    """Each field of a record that changed (every field, when the record came or went)."""
    names = {*fields_of(before), *fields_of(after)}
    return {record_read(kind, record_id, name) for name in names
            if getattr(before, name, None) != getattr(after, name, None)}


def fields_of(record: object) -> dict[str, object]:
    return getattr(record, "__dict__", {}) if record is not None else {}


def list_order(records: object) -> list[object]:
    """A kind's ids in the order of its file (equal dicts may order them differently)."""
    return list(records) if isinstance(records, dict) else []
