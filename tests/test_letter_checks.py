"""The letter builder's data rules: every 【blank】 declared, 12315 paragraphs, channel limits."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from test_loading import edit, problems_in

from redress.data.loading import load_knowledge_base
from redress.data.registry import LETTERS, SITUATIONS

SITUATIONS_FILE = "data/complaint_types.yml"


def test_an_unknown_blank_is_located_with_the_declared_ones_named(minimal_copy: Path) -> None:
    edit(minimal_copy, SITUATIONS_FILE, "您好，订单【订单号】请退款。", "您好，订单【单号】请退款。")
    assert problems_in(minimal_copy) == [
        "data/complaint_types.yml:39:9 › complaint_types[refund-refused].ladder[0].message.zh: "
        "unknown blank 【单号】 (use one of 【订单号】、【金额】、【你的姓名】 … (the fields in "
        "data/letters.yml), or declare it there)"]


def test_a_blank_in_a_composed_text_is_checked_too(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/letters.yml", 'zh: "【你的姓名】"', 'zh: "【身份证号】"')
    found = problems_in(minimal_copy)
    assert len(found) == 1 and found[0].startswith("data/letters.yml:37:11 ›")
    assert "composed[0].parts[0].text.zh: unknown blank 【身份证号】" in found[0]


def test_an_id_number_field_is_refused(minimal_copy: Path) -> None:
    edit(minimal_copy, "data/letters.yml", "blank: 你的姓名", "blank: 身份证号")
    found = problems_in(minimal_copy)
    assert any(p.startswith("data/letters.yml:17:5 › letters.fields[2].blank: the form must never "
                            "ask for an ID number") for p in found), found


def test_a_fixed_text_over_a_channels_limit_is_located(minimal_copy: Path) -> None:
    # The fixture limits the seller rung to 300 characters: 290 fixed (5 + 285) + 20 kept for 【订单号】.
    edit(minimal_copy, SITUATIONS_FILE, "您好，订单【订单号】请退款。", "您好，订单【订单号】" + "请" * 285)
    assert problems_in(minimal_copy) == [
        "data/complaint_types.yml:39:9 › complaint_types[refund-refused].ladder[0].message.zh: "
        "290 characters without its blanks, plus 20 kept for them, is over seller's limit of 300 "
        "(shorten the fixed text to 280 characters or fewer)"]


def test_a_12315_text_needs_its_request_and_facts(minimal_copy: Path) -> None:
    edit(minimal_copy, SITUATIONS_FILE, "\\n事实与理由：卖家拒绝退款。", "\\n卖家拒绝退款。")
    found = problems_in(minimal_copy)
    assert any("ladder[1].message.zh: the 12315 text has no '事实与理由：' paragraph" in p for p in found)
    assert any("starts with no known lead word: 卖家拒绝退款。" in p for p in found)


def test_every_real_blank_is_declared_and_wechat_pay_texts_leave_room() -> None:
    kb = load_knowledge_base(ROOT)  # no problems: every blank is declared and every text fits
    declared = {field.blank for field in kb.of(LETTERS).fields}
    used = {name for s in kb.of(SITUATIONS).values() for step in s.ladder
            for name in re.findall(r"【([^【】]*)】", step.message.zh)}
    assert {"订单号", "金额", "下单日期", "店铺名", "你的要求", "统一社会信用代码"} <= used <= declared
    assert not [b for b in declared if "身份证" in b]
