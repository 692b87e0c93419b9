"""Owns the translation report: which prose lags its other-language counterpart, and by how much."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from redress.cli.in_step import changed_since_in_step

HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Chinese characters per English word in our guides is about 1.4 to 1.8; far outside, one side lacks text.
RATIO_RANGE = (0.8, 3.0)


@dataclass(frozen=True)
class PairReport:
    """One piece of prose in both languages: when each last changed and how long each is."""

    key: str
    zh_date: str
    en_date: str
    han: int
    words: int

    @property
    def lagging(self) -> str | None:
        if self.zh_date > self.en_date:
            return "en"
        if self.en_date > self.zh_date:
            return "zh"
        return None

    @property
    def length_suspicious(self) -> bool:
        ratio = self.han / max(1, self.words)
        return not RATIO_RANGE[0] <= ratio <= RATIO_RANGE[1]


def last_changed(root: Path, path: Path) -> str:
    """The date of the last commit touching path; work not yet committed counts as 'now'."""
    dirty = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=root,
                           capture_output=True, text=True).stdout.strip()
    if dirty:
        return "9999-uncommitted"
    done = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=root,
                          capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def prose_pairs(root: Path) -> list[PairReport]:
    reports = []
    for zh in sorted((root / "guides" / "zh").rglob("*.md")):
        key = zh.relative_to(root / "guides" / "zh").as_posix()
        en = root / "guides" / "en" / key
        if not en.is_file():
            reports.append(PairReport(key, last_changed(root, zh), "missing", 0, 0))
            continue
        reports.append(PairReport(key, last_changed(root, zh), last_changed(root, en),
                                  len(HAN.findall(zh.read_text("utf-8"))),
                                  len(WORD.findall(en.read_text("utf-8")))))
    return reports


def hash_lines(key: str, changed: set[str]) -> list[str]:
    """The report for a pair recorded in step: what changed on one side only, or on both."""
    if changed == {"zh", "en"}:
        return [f"  guides/*/{key}: 两种语言都改过，核对一致后运行 make in-step / both changed since "
                f"they were in step: check they match, then run make in-step"]
    return [f"  guides/{other}/{key}: 落后于 {lang}（{lang} 改过，{other} 没改；同步后运行 make in-step）"
            f" / lags its {lang} counterpart ({lang} changed since they were in step; once {other} "
            f"matches, run make in-step)" for lang, other in (("zh", "en"), ("en", "zh")) if lang in changed]


def translation_report(root: Path) -> list[str]:
    """Lines for people: what lags, what looks short; the data's {zh, en} pairs are complete by
    construction (the check refuses a record that lacks a language)."""
    lines = ["翻译报告 / translation report", "data/*.yml: 每个文本都有 zh 和 en（由 make check 保证） / "
             "every text has zh and en (make check enforces it)"]
    for pair in prose_pairs(root):
        changed = changed_since_in_step(root, pair.key) if pair.en_date != "missing" else None
        if pair.en_date == "missing":
            lines.append(f"  guides/en/{pair.key}: 缺少英文 / missing")
        elif changed is not None:
            lines += hash_lines(pair.key, changed)
        elif pair.lagging:
            newer, older = ("zh", "en") if pair.lagging == "en" else ("en", "zh")
            lines.append(f"  guides/{pair.lagging}/{pair.key}: 落后于 {newer} / lags its {newer} "
                         f"counterpart ({newer} {getattr(pair, newer + '_date')}, "
                         f"{older} {getattr(pair, older + '_date')})")
        if pair.length_suspicious:
            lines.append(f"  guides/*/{pair.key}: 长度不相称 / lengths differ a lot "
                         f"({pair.han} 汉字 / {pair.words} English words)")
    if len(lines) == 2:
        lines.append("  全部同步 / all prose is in step")
    return lines
