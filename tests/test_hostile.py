"""Hostile text in the data or the prose is refused with a located message, or rendered inert."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_loading import edit

from redress.data.loading import load_knowledge_base
from redress.messages import MESSAGES
from redress.problems import DataProblems

REFUSED = {
    "<script>alert(1)</script>": "raw_html",
    "<img src=x onerror=alert(1)>": "raw_html",
    "<svg/onload=alert(1)>": "raw_html",
    '<iframe src="javascript:alert(1)"></iframe>': "raw_html",
    '<a href="javascript:alert(1)">x</a>': "raw_html",
    "<style>body{display:none}</style>": "raw_html",
    "<javascript:alert(1)>": "raw_html",
    "see https://example.org/\"><script>alert(1)</script>": "raw_html",
    "**bold**<!-- hidden -->": "raw_html",
    "[click](javascript:alert(1))": "bad_scheme",
    "[click](JAVASCRIPT:alert(1))": "bad_scheme",
    "[click]( javascript:alert(1))": "bad_scheme",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)": "bad_scheme",
    "[click](vbscript:msgbox(1))": "bad_scheme",
    "[x]: javascript:alert(1)": "bad_scheme",
    "&lt;script&gt;alert(1)&lt;/script&gt;": "html_entity",
    "&#x3C;img src=x onerror=alert(1)&#x3E;": "html_entity",
    "[x](jav&#x09;ascript:alert(1))": "html_entity",
    '![x](x" onerror="alert(1))': "bad_link",
    "[x](//evil.example/x.js)": "bad_link",
    "[x](http://evil.example/)": "bad_link",
    '[x](../evidence.md#photos"onmouseover="alert(1))': "bad_link",
    'hello\n{: onclick="alert(1)" }': "attribute_list",
    "[x](https://example.org/){ onclick=alert(1) }": "attribute_list",
    "`<b>bold</b>` in a code span": "raw_html",  # HTML is refused, in code too
}
# Accepted, and shown as text: each with what a reader sees of it (test_hostile_pages.py puts
# every one in the prose and the data of a site and walks it in Chromium).
INERT = {
    "javascript:alert(1) is just words here": "javascript:alert(1) is just words here",
    '[a link](https://example.org/ "title" onmouseover="alert(1)")': "a link",
    '[quotes](https://example.org/q "it\'s a \\"title\\" onclick=alert(1)")': "quotes",
    "[single](https://example.org/s 'x\" onfocus=\"alert(1)')": "single",
    "[paren](https://example.org/p (a \" and ' onclick=alert(1)))": "paren",
    "if 3 < 5 and 5 > 3, alert(1) stays text": "if 3 < 5 and 5 > 3, alert(1) stays text",
    "Tom & Jerry, AT&T, a && b, &amp without its semicolon": "Tom & Jerry, AT&T, a && b,",
    "`alert(1)` in a code span": "alert(1) in a code span",
    "`\" onclick=\"alert(1)\" & '>` in a code span": "\" onclick=\"alert(1)\" & '>",
    "*https://example.org/emphasis* and **https://example.org/a_b_c**":
        "https://example.org/emphasis and https://example.org/a_b_c",
    "_https://example.org/x_y_z_ and ***[https://example.org/](https://example.org/)***":
        "https://example.org/x_y_z and https://example.org/",
    "https://example.org/?a=1&b=2&c=3": "https://example.org/?a=1&b=2&c=3",
    '" onmouseover="alert(1)" x="': '" onmouseover="alert(1)" x="',
    "'); alert(1); ('": "'); alert(1); ('",
    "{{ 7*7 }} {% raw %} ${alert(1)} %s {0}": "{{ 7*7 }} {% raw %} ${alert(1)} %s {0}",
    "مرحبا بالعالم، שלום עולם: right-to-left text": "مرحبا بالعالم، שלום עולם",
    "🙂👍🏽🇨🇳✅ emoji": "🙂👍🏽🇨🇳✅ emoji",
    "unbroken " + "x" * 2000: "x" * 2000,
    "https://example.org/" + "long" * 400: "long" * 400,
}


@pytest.mark.parametrize("payload", list(REFUSED), ids=range(len(REFUSED)))
def test_a_hostile_data_text_is_refused_with_its_location(minimal_copy: Path, payload: str) -> None:
    quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    edit(minimal_copy, "data/evidence.yml", "    zh: 自己拍摄", f"    zh: {quoted}")
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(minimal_copy)
    problem = caught.value.problems[0]
    assert problem.where == "data/evidence.yml:32:5 › evidence[photos].where.zh"
    assert problem.said.what_en.startswith(MESSAGES[REFUSED[payload]][1].split("{")[0])


@pytest.mark.parametrize("payload", list(REFUSED), ids=range(len(REFUSED)))
def test_hostile_guide_prose_is_refused_with_its_line(minimal_copy: Path, payload: str) -> None:
    prose = minimal_copy / "guides" / "en" / "counterfeit.md"
    prose.write_text("A normal first line.\n\n" + payload + "\n", encoding="utf-8")
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(minimal_copy)
    line = 3 + payload.count("\n")  # the payload's last line is the one that gives it away
    assert caught.value.problems[0].where.startswith(f"guides/en/counterfeit.md:{line}:1")
