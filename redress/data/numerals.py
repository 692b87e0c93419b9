"""Owns Chinese article numerals: 24 <-> 二十四, as laws write them (第二十四条)."""
from __future__ import annotations

DIGITS = "零一二三四五六七八九"
UNITS = [(1000, "千"), (100, "百"), (10, "十")]


def to_chinese(number: int) -> str:
    """1 -> 一, 10 -> 十, 24 -> 二十四, 105 -> 一百零五, 1260 -> 一千二百六十."""
    if number < 10:
        return DIGITS[number]
    if number < 20:
        return "十" + (DIGITS[number % 10] if number % 10 else "")
    return long_form(number)


def long_form(number: int) -> str:
    out, pending_zero = "", False
    for value, unit in UNITS:
        digit, number = divmod(number, value)
        if digit:
            out += ("零" if pending_zero else "") + DIGITS[digit] + unit
            pending_zero = False
        elif out:
            pending_zero = True
    if number:
        out += ("零" if pending_zero else "") + DIGITS[number]
    return out


def from_chinese(text: str) -> int:
    """The inverse of to_chinese for the numerals used in article numbers."""
    total, digit = 0, 0
    for char in text:
        if char in DIGITS:
            digit = DIGITS.index(char)
            continue
        value = {"十": 10, "百": 100, "千": 1000}[char]
        total += (digit or 1) * value
        digit = 0
    return total + digit
