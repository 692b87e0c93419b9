"""Pages render from templates in each language, with every label from the UI strings."""
from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT
from markupsafe import escape

from redress.data.loading import load_knowledge_base
from redress.data.models import Event
from redress.data.registry import CHANNELS, EVIDENCE, SITUATIONS, UI
from redress.pages.catalogue import navigation, pages_for, render_page
from redress.pages.plan import PlanRequest
from redress.pages.rendering import TEMPLATES

LABEL_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']|\bui\.([a-z0-9_]+)|\bui\[["']([a-z0-9_]+)""")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(MINIMAL)


def rendered(kb, uri: str, lang: str) -> str:
    page = next(p for p in pages_for(kb) if p.uri == uri)
    return render_page(kb, page, PlanRequest(lang))


def test_every_page_renders_in_both_languages(kb) -> None:
    for page in pages_for(kb):
        for lang in ("zh", "en"):
            text = render_page(kb, page, PlanRequest(lang))
            assert text.startswith("---\n"), page.uri
            assert "{{" not in text and "{%" not in text


def test_a_guide_speaks_the_language_of_its_page(kb) -> None:
    zh = rendered(kb, "situations/refund-refused.md", "zh")
    en = rendered(kb, "situations/refund-refused.md", "en")
    for key in ("your_rights", "evidence_title", "ladder_title", "deadlines_title", "is_this_you"):
        assert kb.of(UI)[key].zh in zh and kb.of(UI)[key].en not in zh
        assert kb.of(UI)[key].en in en and kb.of(UI)[key].zh not in en


def test_a_guide_quotes_the_article_and_labels_the_translation(kb) -> None:
    zh = rendered(kb, "situations/refund-refused.md", "zh")
    en = rendered(kb, "situations/refund-refused.md", "en")
    assert "消费者权益保护法 第二十四条" in zh
    assert "依照前款规定进行退货、更换、修理的" in zh and "依照前款规定进行退货、更换、修理的" in en
    assert kb.of(UI)["unofficial_note"].en in en
    assert "Consumer Rights Protection Law Art. 24" in en


def test_links_between_pages_are_relative_markdown_links(kb) -> None:
    zh = rendered(kb, "situations/refund-refused.md", "zh")
    assert "](../laws/crpl.md#crpl-24)" in zh
    assert "](../evidence.md#order-details)" in zh
    assert "](../situations/counterfeit.md)" in zh


def test_buyers_reports_are_marked_and_the_page_says_once_what_a_report_is(kb) -> None:
    for uri in ("situations/refund-refused.md", "channels.md"):
        en = rendered(kb, uri, "en")
        assert en.count('what buyers and consumer guides describe (as of 23 November 2026)') == 1, uri
        assert en.count("{ #reported .redress-note }") == 1, uri
        assert "[reported](#reported){ .redress-reported }" in en, uri
        assert "as buyers and consumer guides report it" not in en, uri


def test_a_guide_starts_with_what_to_do_now_and_its_sections_follow_the_view(kb) -> None:
    from redress.pages.views.situations import GUIDE_SECTIONS
    zh = rendered(kb, "situations/refund-refused.md", "zh")
    anchors = re.findall(r"^## .* \{ #([\w-]+) \}$", zh, re.M)
    assert anchors == [a for a in GUIDE_SECTIONS if a in anchors]
    assert anchors[:3] == ["do-now", "deadlines", "ladder"]
    body = zh[zh.index("\n# "):]
    assert body.index("{ #do-now }") < body.index("{ .redress-contents }") < body.index("{ #deadlines }")


def test_navigation_is_titled_in_the_page_language(kb) -> None:
    zh_titles = [next(iter(entry)) for entry in navigation(kb, "zh")]
    assert zh_titles[:3] == ["首页", "发生了什么", "遇到的问题"]
    assert next(iter(navigation(kb, "en")[2])) == "Situations"


def test_situations_and_checklists_are_grouped_in_the_navigation(kb) -> None:
    nav = {next(iter(entry)): next(iter(entry.values())) for entry in navigation(kb, "en")}
    refunds, goods = "Refunds and returns", "Problems with the goods"
    assert nav["Situations"] == [
        "situations/index.md",
        {refunds: [{"Refund refused": "situations/refund-refused.md"}]},
        {goods: [{"Counterfeit goods": "situations/counterfeit.md"}]},
    ]
    assert nav[kb.of(UI)["nav_checklists"].en] == [
        {refunds: [{"Refund refused": "checklists/refund-refused.md"}]},
        {goods: [{"Counterfeit goods": "checklists/counterfeit.md"}]},
    ]
    zh = navigation(kb, "zh")[2]["遇到的问题"]
    assert [next(iter(entry)) for entry in zh[1:]] == ["退款和退货", "收到的东西有问题"]


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_the_situations_index_has_a_heading_per_group_and_keeps_each_situation_anchor(kb) -> None:
    en = rendered(kb, "situations/index.md", "en")
    assert headings(en) == [
        "# Situations",
        "## Refunds and returns { #refunds-returns }",
        "### [Refund refused](refund-refused.md) { #refund-refused }",
        "## Problems with the goods { #goods-problems }",
        "### [Counterfeit goods](counterfeit.md) { #counterfeit }",
    ]
    group = en.index("{ #goods-problems }")
    assert en.index("Fake or faulty goods.", group) < en.index("{ #counterfeit }")


def test_the_home_page_lists_the_situations_under_their_groups(kb) -> None:
    zh = rendered(kb, "index.md", "zh")
    order = ["### 退款和退货 { #refunds-returns }", "](situations/refund-refused.md)",
             "### 收到的东西有问题 { #goods-problems }", "](situations/counterfeit.md)"]
    positions = [zh.index(text) for text in order]
    assert positions == sorted(positions)


def test_every_label_used_exists_and_every_label_is_used() -> None:
    kb = load_knowledge_base(MINIMAL)
    real = load_knowledge_base_ui()
    used = set()
    for template in TEMPLATES.rglob("*.j2"):
        used |= {name for match in LABEL_CALL.findall(template.read_text(encoding="utf-8"))
                 for name in match if name}
    used |= {"unit_" + u for u in ("hours", "calendar_days", "working_days", "months", "years")}
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "redress").rglob("*.py"))
    used |= set(re.findall(r'"([a-z0-9_]+)"', code)) & set(real)
    used |= {"site_name", "language_zh", "language_en"}
    used |= {"dates_event_" + event for event in typing.get_args(Event)}
    assert sorted(used - set(real) - {"unit_", "language_", "dates_event_"}) == []  # prefixes of keys built in templates
    assert sorted(set(real) - used) == []
    assert kb.of(UI) == real, "tests/fixtures/minimal/data/ui_strings.yml must equal data/ui_strings.yml"


def load_knowledge_base_ui():
    from pydantic import TypeAdapter
    from ruamel.yaml import YAML

    from redress.data.models import UiStrings

    data = YAML(typ="safe").load((ROOT / "data" / "ui_strings.yml").read_text(encoding="utf-8"))
    return TypeAdapter(UiStrings).validate_python(data)


def test_a_record_unreviewed_for_a_year_says_it_may_be_out_of_date(kb) -> None:
    import datetime

    page = next(p for p in pages_for(kb) if p.uri == "situations/counterfeit.md")
    fresh = render_page(kb, page, PlanRequest("en", today=datetime.date(2027, 6, 1)))
    stale = render_page(kb, page, PlanRequest("en", today=datetime.date(2028, 1, 1)))
    assert kb.of(UI)["may_be_outdated_title"].en not in fresh
    assert kb.of(UI)["may_be_outdated_title"].en in stale


def test_every_data_page_links_to_a_prefilled_problem_report(kb) -> None:
    page = next(p for p in pages_for(kb) if p.uri == "situations/counterfeit.md")
    text = render_page(kb, page, PlanRequest("zh", repository="https://github.com/o/r"))
    link = next(line for line in text.splitlines() if kb.of(UI)["report_problem"].zh in line)
    assert "](https://github.com/o/r/issues/new?title=" in link
    assert "complaint_types/counterfeit" in link


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tree_outcome_and_its_guide_print_one_do_this_now_block(kb, lang: str) -> None:
    def do_now(text: str) -> str:
        start = text.index("{ #do-now }")  # links differ only in how far up the site root is
        return re.sub(r"\]\((?:\.\./)+", "](", text[start:text.index("{ .redress-secure-today }", start)])

    guide = rendered(kb, "situations/counterfeit.md", lang)
    outcome = rendered(kb, "tree/arrived/fake.md", lang)
    assert do_now(guide) == do_now(outcome)
    assert "evidence.md#" in do_now(guide)  # what to secure today, linked
    assert do_now(guide).count("??? example") == 2  # the first two steps, each with what to write


# The hedges a step or an app path once carried in its own sentence; the mark and the page's one
# note say it now. (Unverified claims keep their "buyers report": they are the claim itself.)
HEDGES = ("买家反映可以", "买家反映这能", "买家描述的入口", "买家描述的路径", "据买家描述", "据买家反映（",
          "as buyers describe it", "as buyers describe the app", "(buyers report", "as buyers report")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reported_steps_and_app_paths_carry_the_mark_and_no_hedge_in_their_sentence(lang: str) -> None:
    real = load_knowledge_base(ROOT)
    mark = f" [{real.of(UI)['reported_mark'].in_(lang)}](#reported){{ .redress-reported }}"
    marked = 0
    for situation in real.of(SITUATIONS).values():
        page = rendered(real, f"situations/{situation.id}.md", lang)
        assert not [h for h in HEDGES if h in page], situation.id
        reported = [step for step in situation.ladder if step.reported_as_of]
        for step in reported:
            assert str(escape(step.do.in_(lang))) + mark in page, (situation.id, step.rung)
        marked += len(reported)
        for need in situation.evidence:
            item = real.of(EVIDENCE)[need.item]
            if item.where_reported_as_of:
                assert str(escape(item.where.in_(lang))) + mark in page, (situation.id, item.id)
        if reported:
            assert page.count("{ #reported .redress-note }") == 1, situation.id
    assert marked >= 20  # the 22 step texts whose hedge moved into reported_as_of
    channels = rendered(real, "channels.md", lang)
    for channel in real.of(CHANNELS).values():  # a summary has no date to carry: not moved
        channels = channels.replace(str(escape(channel.summary.in_(lang))), "")
    assert not [h for h in HEDGES if h in channels]
    how_label = f"**{real.of(UI)['how_to_use'].in_(lang)}{real.of(UI)['colon'].in_(lang)}**"
    assert channels.count(how_label + mark) == sum(
        1 for c in real.of(CHANNELS).values() if c.how_reported_as_of)
    assert channels.count("{ #reported .redress-note }") == 1
    catalogue = rendered(real, "evidence.md", lang)
    assert not [h for h in HEDGES if h in catalogue]
    assert catalogue.count(mark) == sum(1 for i in real.of(EVIDENCE).values() if i.where_reported_as_of)
    assert catalogue.count("{ #reported .redress-note }") == 1


def test_a_reported_first_step_is_marked_on_the_tree_outcome_with_its_own_note(
        minimal_copy: Path) -> None:
    data = minimal_copy / "data" / "complaint_types.yml"
    text = data.read_text(encoding="utf-8")
    first = "        en: Ask for refund and compensation.\n"
    assert text.count(first) == 1
    data.write_text(text.replace(first, first + "      reported_as_of: 2026-11-23\n"), encoding="utf-8")
    copy = load_knowledge_base(minimal_copy)
    for uri in ("situations/counterfeit.md", "tree/arrived/fake.md"):
        en = rendered(copy, uri, "en")
        assert "Ask for refund and compensation. [reported](#reported){ .redress-reported }" in en, uri
        assert en.count("{ #reported .redress-note }") == 1, uri
        assert "(as of 23 November 2026)" in en, uri
