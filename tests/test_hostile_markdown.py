"""Markdown is checked as the page will parse it, not line by line: what a link really points
to, what an image loads, what attributes an element gets, what a heading becomes."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML
from test_loading import edit, problems_in

from redress.data.markdown_check import EXTENSIONS

DATA = {  # a data text (one record's field) and the problem it must be refused with
    "[click](\njavascript:alert(1))": "script or data links are not allowed",
    "[click][x]\n\n[x]:\n  javascript:alert(1)": "script or data links are not allowed",
    "[x](\n//evil.example/x.js)": "the link '//evil.example/x.js' is not https",
    "[x](https://example.org/){ hidden contenteditable }": "attribute lists",
    "![x](https://evil.example/pixel.png)": "the image 'https://evil.example/pixel.png' is not in the repository",
    "Keep it\u202e safe": "invisible control character",
    "zero\u200bwidth": "invisible control character",
    "Title\n=====": "headings of level 1 and 2 belong to the page",
    "### A heading in a field": "headings of level 1 and 2 belong to the page",
}
PROSE = {  # guide prose, the line its problem is reported at, and the problem
    "Fine.\n\nSee [the guide](\njavascript:alert(1)).\n": (4, "script or data links are not allowed"),
    "Fine.\n\nSee [x].\n\n[x]:\n    javascript:alert(1)\n": (6, "script or data links are not allowed"),
    "Fine.\n\nA heading\n---------\n": (3, "headings of level 1 and 2 belong to the page"),
    "Fine.\n\nAn [image](x.png) and ![a pixel](https://evil.example/p.png).\n": (3, "not in the repository"),
    "---\ntitle: mine\n---\nText.\n": (1, "front-matter block"),
    "Fine.\n\n[x](https://example.org/)\n{ hidden contenteditable }\n": (3, "attribute lists"),
}


@pytest.mark.parametrize("payload", list(DATA), ids=range(len(DATA)))
def test_a_data_text_is_refused_for_what_it_becomes_when_parsed(minimal_copy: Path,
                                                               payload: str) -> None:
    quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    quoted = quoted.replace("\u202e", "\\u202E").replace("\u200b", "\\u200B")
    edit(minimal_copy, "data/evidence.yml", "    zh: 自己拍摄", f"    zh: {quoted}")
    problems = problems_in(minimal_copy)
    assert any(p.startswith("data/evidence.yml:32:5 › evidence[photos].where.zh: ") and DATA[payload] in p
               for p in problems), problems


@pytest.mark.parametrize("payload", list(PROSE), ids=range(len(PROSE)))
def test_guide_prose_is_refused_for_what_it_becomes_at_the_line_that_holds_it(
        minimal_copy: Path, payload: str) -> None:
    (minimal_copy / "guides" / "en" / "counterfeit.md").write_text(payload, encoding="utf-8")
    line, said = PROSE[payload]
    problems = problems_in(minimal_copy)
    assert any(p.startswith(f"guides/en/counterfeit.md:{line}:1 › ") and said in p for p in problems), problems


def test_texts_are_parsed_with_the_extensions_the_site_uses() -> None:
    site = YAML(typ="rt").load((ROOT / "base.yml").read_text(encoding="utf-8"))
    assert sorted(EXTENSIONS) == sorted(site["markdown_extensions"])
