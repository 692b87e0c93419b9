"""Owns checking that every link in guide prose leads to a page of the site (or to https)."""
from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from redress.data.knowledge_base import KnowledgeBase
from redress.data.loading import load_knowledge_base
from redress.data.markdown_check import links_in
from redress.messages import say
from redress.pages.catalogue import pages_for
from redress.problems import Finding

PROJECT = Path(__file__).resolve().parents[2]  # its docs/<lang>/ holds the hand-written pages


def load_checked(root: Path, laws_dir: Path | None = None) -> KnowledgeBase:
    """The knowledge base, with guide links checked in the same run as everything else."""
    return load_knowledge_base(root, laws_dir, site_rules=broken_prose_links)


def broken_prose_links(kb: KnowledgeBase) -> Iterator[Finding]:
    """Each site link in guides/<lang>/*.md, resolved from the page the prose is shown on,
    must be a page of that language's site: located at its line, before any build runs."""
    generated = {spec.uri for spec in pages_for(kb)}
    for (key, lang), text in kb.prose.items():
        pages = generated | hand_written(lang)
        page = f"{key}.md" if key.startswith("topics/") else f"situations/{key}.md"
        for target in links_in(text):
            if not target.startswith(("https://", "#")) and resolved(page, target) not in pages:
                line = text[: text.index(target)].count("\n") + 1 if target in text else 1
                yield Finding(f"guides/{lang}/{key}.md", (), say("broken_link", target=target), line, 1)


def resolved(page: str, target: str) -> str:
    """The page a relative link leads to from `page` ('laws/' means laws/index.md)."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target.split("#")[0]))
    return f"{path}/index.md" if target.split("#")[0].endswith("/") else path


def hand_written(lang: str) -> set[str]:
    folder = PROJECT / "docs" / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
