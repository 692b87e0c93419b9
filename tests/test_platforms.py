"""Platforms: every guide's platform views, the switch without JavaScript, rules quoted verbatim,
the dataset, and each located platform check."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from conftest import ROOT, open_chromium
from test_loading import edit, problems_in

from redress.data.loading import load_knowledge_base, stale_warnings
from redress.data.registry import PLATFORM_RULES, PLATFORMS, SITUATIONS
from redress.outputs.dataset import write_dataset
from redress.problems import DataProblems

LAWS = ROOT / "laws"


@pytest.mark.site
def test_every_guide_has_a_view_per_platform_with_its_button_names(built_site: Path) -> None:
    kb = load_knowledge_base(ROOT)
    for situation in kb.of(SITUATIONS).values():
        for platform in kb.of(PLATFORMS).values():
            for lang in ("zh", "en"):
                page = built_site / lang / "situations" / situation.id / platform.id / "index.html"
                text = html.unescape(page.read_text(encoding="utf-8"))
                assert platform.anti_scam.in_(lang) in text, page
                for variant in platform.rungs:
                    assert variant.name.in_(lang) in text, (page, variant.rung)


@pytest.mark.site
def test_every_situation_has_a_checklist_per_platform_with_its_button_names(built_site: Path) -> None:
    """checklists/<id>/<platform>/: the same checklist, its steps by the platform's buttons and
    its line against fake customer service; its bilingual twin has both; the platform view's
    print button leads to it; none is in the sitemap every page fetches."""
    kb = load_knowledge_base(ROOT)
    sitemap = (built_site / "zh" / "sitemap.xml").read_text(encoding="utf-8")
    for situation in kb.of(SITUATIONS).values():
        ladder = {step.rung for step in situation.ladder}
        for platform in kb.of(PLATFORMS).values():
            names = [v.name for v in platform.rungs if v.rung in ladder]
            for lang in ("zh", "en"):
                folder = built_site / lang / "checklists" / situation.id
                text = html.unescape((folder / platform.id / "index.html").read_text(encoding="utf-8"))
                assert platform.anti_scam.in_(lang) in text and names, (situation.id, platform.id)
                assert all(name.in_(lang) in text for name in names), (situation.id, platform.id, lang)
                twin = html.unescape((folder / f"{platform.id}-zh-en" / "index.html").read_text("utf-8"))
                assert all(name.zh in twin and name.en in twin for name in names)
                view = built_site / lang / "situations" / situation.id / platform.id / "index.html"
                assert f'href="../../../checklists/{situation.id}/{platform.id}/"' in view.read_text("utf-8")
            assert f"checklists/{situation.id}/{platform.id}/" not in sitemap


@pytest.mark.site
def test_platform_views_stay_out_of_the_navigation_but_in_the_search(built_site: Path) -> None:
    general = (built_site / "zh" / "situations" / "refund-refused" / "index.html").read_text("utf-8")
    assert 'href="douyin/"' in general  # the switch
    assert "refund-refused/douyin/" not in general.split('class="md-content"')[0]  # not in the nav
    index = json.loads((built_site / "zh" / "search" / "search_index.json").read_text("utf-8"))
    assert any(doc["location"].startswith("situations/refund-refused/douyin/") for doc in index["docs"])
    home = (built_site / "en" / "index.html").read_text("utf-8")
    assert "Where did you buy it?" in home and 'href="platforms/douyin/"' in home


@pytest.mark.site
@pytest.mark.browser
def test_without_javascript_the_platform_switch_is_plain_links(playwright, site_url: str,
                                                                tmp_path: Path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/zh/situations/refund-refused/")
    tab.locator(".redress-platforms").get_by_role("link", name="抖音").click()
    tab.wait_for_url(f"{site_url}/zh/situations/refund-refused/douyin/")
    assert tab.locator("#step-platform-intervention").inner_text().endswith("申请平台客服介入（仲裁）")
    tab.locator(".redress-platforms").get_by_role("link", name="京东").click()
    tab.wait_for_url(f"{site_url}/zh/situations/refund-refused/jd/")
    assert "申请京东介入" in tab.locator("#step-platform-intervention").inner_text()
    context.close()


def test_the_platform_rules_are_quoted_word_for_word() -> None:
    kb = load_knowledge_base(ROOT, LAWS)  # raises on any quotation not in its stored text
    assert {rule.platform for rule in kb.of(PLATFORM_RULES).values()} == {"taobao", "jd"}


def test_a_platform_rule_not_verbatim_is_located(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/platform_rules.yml", "检测费用由卖家承担。", "检测费用由买家承担。")
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(minimal_copy, LAWS)
    [problem] = [p.english() for p in caught.value.problems]
    assert problem.startswith("data/platform_rules.yml:16:9 › platform_rules[taobao-disputes]"
                              ".articles[0].quote.zh: the quotation differs from the stored text")


def test_the_dataset_holds_every_platform_and_its_rules(tmp_path: Path) -> None:
    kb = load_knowledge_base(ROOT)
    write_dataset(kb, tmp_path)
    platforms = json.loads((tmp_path / "platforms.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in platforms] == list(kb.of(PLATFORMS))
    assert platforms[0]["id"] == "xiaohongshu"  # the default, first
    assert (tmp_path / "platform_rules.json").is_file()


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("data/platform_rules.yml", "  platform: xiaohongshu", "  platform: xiaohongshuu",
     "data/platform_rules.yml:3:3 › platform_rules[taobao-disputes].platform: unknown platform "
     "'xiaohongshuu' (did you mean 'xiaohongshu'?)"),
    ("data/platforms.yml", "          grade: report\n", "",
     "data/platforms.yml:21:11 › platforms[xiaohongshu].rungs[0].facts[0].grade: the field 'grade' "
     "is missing"),
    ("data/platforms.yml", "          as_of: 2026-11-23\n", "",
     "data/platforms.yml:21:11 › platforms[xiaohongshu].rungs[0].facts[0].as_of: the field 'as_of' "
     "is missing"),
    ("data/platforms.yml", "    - rung: seller\n      name:\n        zh: 联系商家",
     "    - rung: seler\n      name:\n        zh: 联系商家",
     "data/platforms.yml:46:7 › platforms[douyin].rungs[0].rung: unknown rung 'seler' "
     "(did you mean 'seller'?)"),
])
def test_each_platform_problem_is_located(minimal_copy: Path, file: str, old: str, new: str,
                                          expected: str) -> None:
    edit(minimal_copy, file, old, new)
    assert any(problem.startswith(expected) for problem in problems_in(minimal_copy))


def test_a_second_variant_of_a_rung_is_located(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/platforms.yml", "  general:\n    - regulator\n  last_reviewed: 2026-11-23\n"
         "- id: douyin", "    - rung: seller\n      name: {zh: 又一个, en: Another}\n"
         "  general:\n    - regulator\n  last_reviewed: 2026-11-23\n- id: douyin")
    assert problems_in(minimal_copy) == [
        "data/platforms.yml:29:7 › platforms[xiaohongshu].rungs[1].rung: two variants for the "
        "rung 'seller' (give each rung one variant)"]


def test_a_note_on_a_rung_the_situation_does_not_use_is_located(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/complaint_types.yml", "    - rung: regulator\n      do:\n        zh: 在12315投诉。",
         "    - rung: seller\n      do:\n        zh: 在12315投诉。")  # refund-refused: no regulator step
    edit(minimal_copy, "data/platforms.yml", "  general:\n    - regulator\n  last_reviewed: 2026-11-23\n"
         "- id: douyin", "  general:\n    - regulator\n  notes:\n    - situation: refund-refused\n"
         "      rung: regulator\n      text: {zh: 说明, en: A note}\n      grade: report\n"
         "      source: {zh: 买家, en: buyers}\n      as_of: 2026-11-23\n"
         "  last_reviewed: 2026-11-23\n- id: douyin")
    notes = [p for p in problems_in(minimal_copy) if "platforms.yml" in p]
    assert notes == ["data/platforms.yml:33:7 › platforms[xiaohongshu].notes[0].rung: the "
                     "situation 'refund-refused' has no step at the rung 'regulator' (attach the note "
                     "to a rung that situation uses)"]


def test_a_platform_without_a_variant_for_a_rung_every_situation_uses_is_a_warning() -> None:
    from conftest import MINIMAL
    kb = load_knowledge_base(MINIMAL)  # valid: a gap is not an error
    warnings = [w.english() for w in stale_warnings(MINIMAL, kb, kb.data_date.replace(year=2000))]
    assert warnings == []  # both fixture platforms word 'seller' and call 'regulator' general
    kb.of(PLATFORMS)["douyin"].rungs.clear()
    [warning] = [w.english() for w in stale_warnings(MINIMAL, kb, kb.data_date.replace(year=2000))]
    assert warning.startswith("data/platforms.yml:45:3 › platforms[douyin].rungs: this platform "
                              "has no variant for seller (its pages show the general steps)")



@pytest.mark.site
def test_a_platform_view_prints_the_law_once_on_its_general_guide(built_site: Path) -> None:
    """The platform view names the deadlines and links to the general guide for the law; the
    general guide holds the quotations (a platform view repeating them cost 79% of the build)."""
    view = (built_site / "zh" / "situations" / "refund-refused" / "douyin" / "index.html").read_text("utf-8")
    general = (built_site / "zh" / "situations" / "refund-refused" / "index.html").read_text("utf-8")
    assert '<details class="quote"' in general
    assert '<details class="quote"' not in view and 'id="rights"' not in view
    assert 'href="../#rights"' in view and 'href="../#deadlines"' in view
    assert len(view) < len(general) * 0.6, (len(view), len(general))


@pytest.mark.site
@pytest.mark.browser
def test_the_tree_ends_at_the_douyin_view_of_the_refund_guide(playwright, site_url: str,
                                                               tmp_path: Path) -> None:
    """With JavaScript off: the tree's answers to refund-refused, then where it was bought."""
    from redress.data.registry import TREE, TREE_PATHS
    from redress.data.tree_paths import nodes_by_id
    kb = load_knowledge_base(ROOT)
    walk = next(w for w in kb.of(TREE_PATHS) if w.outcome == "refund-refused")
    nodes = nodes_by_id(kb.of(TREE))
    node = nodes[kb.of(TREE).start]
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/zh/tree/")
    for answer in walk.answers:
        option = next(o for o in node.options if o.id == answer)
        tab.get_by_role("link", name=option.label.zh, exact=True).click()
        node = nodes[option.next]
    tab.locator(".redress-platforms").get_by_role("link", name="抖音").click()
    tab.wait_for_url(f"{site_url}/zh/situations/refund-refused/douyin/")
    assert "抖音" in tab.locator("h1").first.inner_text()
    context.close()
