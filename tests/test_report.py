"""The translation report names prose whose counterpart in the other language lags behind."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from redress.cli.in_step import record_in_step
from redress.cli.report import translation_report


def commit(repo: Path, day: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


def test_prose_changed_in_one_language_only_is_reported_as_lagging(tmp_path: Path) -> None:
    for lang, text in (("zh", "卖家一直不发货，我等了十天，最后申请了退款。" * 3),
                       ("en", "The seller never shipped; I waited ten days and then asked for a refund. " * 3)):
        (tmp_path / "guides" / lang).mkdir(parents=True)
        (tmp_path / "guides" / lang / "not-shipped.md").write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(tmp_path, "2026-01-05", "both")
    assert "  全部同步 / all prose is in step" in translation_report(tmp_path)
    zh = tmp_path / "guides" / "zh" / "not-shipped.md"
    zh.write_text(zh.read_text(encoding="utf-8") + "后来平台介入了。", encoding="utf-8")
    commit(tmp_path, "2026-03-09", "zh only")
    lines = translation_report(tmp_path)
    assert any(line.startswith("  guides/en/not-shipped.md: 落后于 zh") and "zh 2026-03-09, en 2026-01-05"
               in line for line in lines), lines


def test_once_recorded_in_step_a_one_sided_change_lags_until_recorded_again(tmp_path: Path) -> None:
    for lang, text in (("zh", "卖家一直不发货，我等了十天，最后申请了退款。" * 3),
                       ("en", "The seller never shipped; I waited ten days and then asked for a refund. " * 3)):
        (tmp_path / "guides" / lang).mkdir(parents=True)
        (tmp_path / "guides" / lang / "not-shipped.md").write_text(text, encoding="utf-8")
    record_in_step(tmp_path, [])
    assert "  全部同步 / all prose is in step" in translation_report(tmp_path)
    zh = tmp_path / "guides" / "zh" / "not-shipped.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("十天", "十一天"), encoding="utf-8")  # a typo fix
    assert any(line.startswith("  guides/en/not-shipped.md: 落后于 zh") for line in translation_report(tmp_path))
    record_in_step(tmp_path, ["not-shipped"])  # the translator checked: English needs nothing
    assert "  全部同步 / all prose is in step" in translation_report(tmp_path)
    en = tmp_path / "guides" / "en" / "not-shipped.md"
    for path in (zh, en):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert any("both changed since they were in step" in line for line in translation_report(tmp_path))
