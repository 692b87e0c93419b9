"""Owns what Material is handed beyond the plan: the site name escaped and the offline 404 links.

A hook of its own (base.yml, after the page hook, whose `config.extra` it reads), kept in the
staged site (`redress stage`), which drops the page hook.

MkDocs renders the theme with no autoescape, and Material prints the site name unescaped in
`aria-label="…"`: a quote in the label ended the attribute and added others (an `onmouseover`).
MkDocs also gives error pages links from the site_url's path (/zh/assets/…), right for a server
at any depth but outside the bundle from disk: the offline 404 page loaded 11 files from outside
it and showed unstyled.
"""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext


def escaped(text: str) -> Markup:
    """As Markup a text prints escaped everywhere, and `| e` leaves it as it is."""
    return Markup.escape(text)


def on_template_context(context: TemplateContext, template_name: str,
                        config: MkDocsConfig) -> TemplateContext:
    """MkDocs' event, for the hook: offline, 404.html sits at its language's top and takes "."
    as its base, as index.html does, for its links, styles and scripts."""
    if not config.use_directory_urls and template_name == "404.html":
        relative = get_context(context["nav"], context["pages"], config, base_url=".")
        for key in ("base_url", "extra_css", "extra_javascript"):
            context[key] = relative[key]
    return context
