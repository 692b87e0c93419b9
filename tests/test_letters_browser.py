"""The letter builder in Chromium: the form fills every text, copies, forgets unless asked,
works from disk and without JavaScript, passes axe, and every field is reached by keyboard."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_chromium, refuse_other_hosts, unpack
from test_offline import keep_inside
from test_quality import axe_violations

pytestmark = pytest.mark.browser
TOOL = "tools/letters/counterfeit/"
FACTS = {"order-number": "240101-9988", "amount": "399", "order-date": "2026-11-03",
         "shop": "小明潮牌店", "your-name": "王小明", "your-phone": "13800000000"}
# The 12315 online form's boxes in its own order (../shared/design/platforms-and-channels.md).
FORM_ORDER = ["投诉人", "被投诉人", "经营地址", "商品/服务名称", "销售方式", "订单号", "金额",
              "购买时间", "投诉内容（事实与理由）", "诉求", "附件"]


def fill(tab, facts: dict[str, str] = FACTS) -> None:
    for name, value in facts.items():
        tab.fill(f"#field-{name}", value)


def text_of(tab, letter: str, block: int = 0) -> str:
    return tab.locator(f"[data-letter='{letter}'] textarea.redress-edit").nth(block).input_value()


@pytest.mark.site
def test_the_form_fills_every_text_and_the_12315_boxes_follow_the_forms_order(
        page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/{TOOL}")
    fill(page)
    seller = text_of(page, "seller")
    assert "订单号240101-9988，2026年11月3日下单，399元" in seller and "【你的要求】" in seller
    labels = page.locator("[data-letter='complaint-12315'] .redress-block-label").all_inner_texts()
    assert labels == FORM_ORDER
    assert text_of(page, "complaint-12315", 0) == "王小明，电话13800000000，地址【你的地址】"
    assert text_of(page, "complaint-12315", 5) == "240101-9988"
    assert "小明潮牌店" in text_of(page, "report-12315", 1)  # the report, apart from the complaint
    assert "王小明" in text_of(page, "consumer-association", 1)
    letter = text_of(page, "printed-letter", 1)
    assert letter.startswith("王小明\n电话13800000000\n20")  # signed and dated today
    # WeChat Pay's limit is counted live; a text the reader edits is no longer overwritten.
    assert page.locator("[data-letter='payment-channel'] .redress-count").inner_text().endswith("/ 300")
    page.locator("[data-letter='seller'] textarea").fill("我自己写的")
    page.fill("#field-amount", "400")
    assert text_of(page, "seller") == "我自己写的"
    assert "400元" in text_of(page, "after-sales")


@pytest.mark.site
def test_copy_uses_the_clipboard_or_selects_the_text(playwright, site_url: str, tmp_path: Path) -> None:
    context = open_chromium(playwright, tmp_path / "profile",
                            permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    foreign = refuse_other_hosts(tab, site_url)
    tab.goto(f"{site_url}/zh/{TOOL}")
    fill(tab)
    tab.locator("[data-letter='seller'] .redress-copy").click()
    tab.locator("[data-letter='seller'] .redress-said", has_text="已复制").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == text_of(tab, "seller")
    # Without the Clipboard API the text is selected (and copied by the browser if it can).
    tab.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    tab.reload()
    tab.locator("[data-letter='after-sales'] .redress-copy").click()
    said = tab.locator("[data-letter='after-sales'] .redress-said").inner_text()
    assert said in ("已复制", "已选中全部文字，请长按或按 Ctrl+C 复制")
    selected = tab.evaluate("""() => { const a = document.activeElement;
        return a.value.slice(a.selectionStart, a.selectionEnd); }""")
    assert selected == text_of(tab, "after-sales")
    assert foreign == []
    context.close()


@pytest.mark.site
def test_nothing_is_kept_unless_remembered_and_clear_removes_it(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/{TOOL}")
    fill(page)
    page.reload()
    assert page.input_value("#field-order-number") == ""
    assert page.evaluate("Object.keys(localStorage)") == []
    fill(page)
    page.check("#redress-remember")
    page.reload()
    assert page.input_value("#field-order-number") == "240101-9988"
    assert page.is_checked("#redress-remember")
    assert "240101-9988" in text_of(page, "seller")
    page.click("#redress-clear")
    assert page.locator("#redress-status").inner_text() == "已清除，这台设备上没有保存任何内容。"
    page.reload()
    assert page.input_value("#field-order-number") == "" and not page.is_checked("#redress-remember")
    assert page.evaluate("Object.keys(localStorage)") == []


@pytest.mark.site
def test_without_javascript_the_templates_show_their_blanks(
        playwright, site_url: str, tmp_path: Path) -> None:
    context = open_chromium(playwright, tmp_path / "profile", java_script_enabled=False)
    tab = context.new_page()
    foreign = refuse_other_hosts(tab, site_url)
    tab.goto(f"{site_url}/zh/{TOOL}")
    assert not tab.locator("#redress-letters-form").is_visible()  # a form would do nothing
    seller = tab.locator("[data-letter='seller'] pre.redress-text")
    assert seller.is_visible() and "【订单号】" in seller.inner_text()
    assert tab.locator("[data-letter='complaint-12315'] pre.redress-text").count() == len(FORM_ORDER)
    tab.goto(f"{site_url}/zh/situations/counterfeit/")
    tab.locator("#write-it ~ p a[href$='tools/letters/counterfeit/']").click()
    tab.wait_for_url(f"**/zh/{TOOL}")
    assert foreign == []
    context.close()


@pytest.mark.site
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_form_passes_axe_and_the_keyboard_reaches_every_field(
        page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{lang}/{TOOL}")
    fill(page)
    assert axe_violations(page) == []
    wanted = set(page.eval_on_selector_all(
        "#redress-letters-form input, #redress-letters-form textarea, #redress-letters-form button",
        "nodes => nodes.map(n => n.id)"))
    page.focus("#redress-letters-form input")
    reached = set()
    for _ in range(len(wanted) * 4):  # a date input takes a stop for each of its parts
        reached.add(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    assert wanted <= reached


@pytest.mark.site
def test_the_english_site_sends_chinese_with_english_beside(page, site_url: str) -> None:
    page.goto(f"{site_url}/en/{TOOL}")
    fill(page)
    assert "订单号240101-9988" in text_of(page, "seller")
    beside = page.locator("[data-letter='seller'] .redress-block-explain").inner_text()
    assert beside.startswith("Hello") and "【" not in beside


@pytest.mark.site
def test_the_guide_stays_light_and_its_link_opens_the_tool(page, site_url: str) -> None:
    page.goto(f"{site_url}/zh/situations/counterfeit/")
    loaded = page.evaluate("[...document.scripts].map(s => s.src).join(' ')")
    assert "redress-letters.js" not in loaded
    page.locator(f"a[href$='{TOOL}']").first.click()
    page.wait_for_url(f"**/zh/{TOOL}")
    page.locator("#redress-letters-form").wait_for()
    fill(page, {"order-number": "777"})
    assert "777" in text_of(page, "seller")


@pytest.mark.site
def test_the_tool_works_from_the_offline_bundle(exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    context = open_chromium(playwright, tmp_path / "profile")
    tab = context.new_page()
    outside: list[str] = []
    tab.route("**/*", keep_inside(root, outside))
    tab.goto((root / "zh" / "tools" / "letters" / "counterfeit.html").as_uri())
    fill(tab)
    assert "订单号240101-9988" in text_of(tab, "seller")
    tab.check("#redress-remember")
    tab.click("#redress-clear")
    assert outside == []
    context.close()
