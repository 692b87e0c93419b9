"""Owns letting go of each page's HTML once its file is written: MkDocs keeps every page's until
the build ends, most of a language build's memory (hundreds of MB at 200 situations)."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(-100)  # after every other post_page handler (the privacy plugin's among them)
def on_post_page(output: str, page: Page, config: object) -> str:
    # The output holds it now. Nothing later reads it: search indexed the page before, the
    # anchor check reads the anchors MkDocs noted while rendering, the nav reads titles and URLs.
    page.content = None
    return output
