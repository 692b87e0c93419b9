"""Hostile text in the data or the prose is refused with a located message, or rendered inert."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_redress
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
}
INERT = [
    "javascript:alert(1) is just words here",
    '[a link](https://example.org/ "title" onmouseover="alert(1)")',
    "if 3 < 5 and 5 > 3, alert(1) stays text",
    "`alert(1)` in a code span",
]


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


@pytest.mark.site
@pytest.mark.browser
def test_inert_text_passes_and_never_runs_in_the_browser(tmp_path: Path, minimal_copy: Path,
                                                         playwright) -> None:
    from conftest import open_chromium

    (minimal_copy / "guides" / "en" / "counterfeit.md").write_text(
        "\n\n".join(INERT) + "\n", encoding="utf-8")
    quoted = '"' + INERT[1].replace('"', '\\"') + '"'
    edit(minimal_copy, "data/evidence.yml", "    en: Take them yourself", f"    en: {quoted}")
    load_knowledge_base(minimal_copy)  # accepted
    out = tmp_path / "site"
    result = run_redress("--root", str(minimal_copy), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    context = open_chromium(playwright, tmp_path / "profile")
    dialogs: list[str] = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for page in ("en/situations/counterfeit/index.html", "en/evidence/index.html"):
        tab.goto((out / page).as_uri())
        tab.mouse.move(10, 10)
        for link in tab.locator("article a, article img").all():
            link.dispatch_event("mouseover")
            link.dispatch_event("focus")
    context.close()
    assert dialogs == []
    html = (out / "en" / "situations" / "counterfeit" / "index.html").read_text(encoding="utf-8")
    assert "onmouseover=" not in html.replace("onmouseover=&quot;", "")
