"""The rules that keep every text publishable: no markup, no script, https links only."""
from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from redress.data.law_texts import unmarked_cuts
from redress.data.numerals import from_chinese, to_chinese
from redress.data.text import check_publishable

SAFE = ["退款被拒，怎么办？", "Your data: keep it safe.", "javascript: is not a link here", "See [the law](https://www.samr.gov.cn/x).", "Read [channels](../channels.md#seller).",
        "Price < 500? No: 5 > 3 is maths", "R&D and 3 & 4"]
UNSAFE = {
    "<script>alert(1)</script>": "raw_html",
    "<img src=x onerror=alert(1)>": "raw_html",
    "<svg onload=alert(1)>": "raw_html",
    "</p><p>": "raw_html",
    "<!-- hidden -->": "raw_html",
    "&lt;script&gt;": "html_entity",
    "&#106;avascript:alert(1)": "html_entity",
    "[click](javascript:alert(1))": "bad_scheme",
    "[click](JaVaScRiPt:alert(1))": "bad_scheme",
    "[x](data:text/html;base64,PHNjcmlwdD4=)": "bad_scheme",
    "[x](vbscript:msgbox)": "bad_scheme",
    "[x](http://example.com)": "bad_link",
    "[x](//evil.example/x)": "bad_link",
    "[x]: http://example.com": "bad_link",
    "[x](<javascript:alert(1)>)": "raw_html",
    "   ": "empty_text",
    "TODO translate": "todo_text",
}


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_text_passes(text: str) -> None:
    assert check_publishable(text) == text


@pytest.mark.parametrize(("text", "kind"), UNSAFE.items())
def test_unsafe_text_is_refused(text: str, kind: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        check_publishable(text)
    assert caught.value.type == kind


@pytest.mark.parametrize(("number", "chinese"), [(1, "一"), (10, "十"), (14, "十四"), (24, "二十四"),
                                                 (100, "一百"), (105, "一百零五"), (148, "一百四十八"),
                                                 (1168, "一千一百六十八"), (2000, "二千")])
def test_article_numbers_read_as_laws_write_them(number: int, chinese: str) -> None:
    assert to_chinese(number) == chinese
    assert from_chinese(chinese) == number


ARTICLE = "经营者应当明码标价。\n\n消费者有权退货。经营者应当退款。"
CUTS = [
    ("经营者应当明码标价。消费者有权退货。经营者应当退款。", []),
    ("消费者有权退货。", ["start", "end"]),
    ("……消费者有权退货。……", []),
    ("经营者应当明码标价。……经营者应当退款。", []),
    ("经营者应当明码标价。", ["end"]),
    ("……经营者应当退款。", []),
]


@pytest.mark.parametrize(("quote", "cuts"), CUTS)
def test_a_quotation_that_leaves_text_out_must_say_so_with_an_ellipsis(quote: str, cuts: list[str]) -> None:
    assert unmarked_cuts(quote, ARTICLE) == cuts
