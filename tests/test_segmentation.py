"""Chinese search segmentation: rjieba (through hooks/search_segmentation.py) cuts the site's own
text as jieba does, but for the runs listed here, each named with both cuts."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jieba
import pytest
import rjieba
import search_segmentation
from backrefs import bre
from conftest import ROOT
from material.plugins.search import plugin as material_search
from mkdocs.config import load_config

from redress.outputs.language_plans import language_plans

# Material's own expression for a Han run (material/plugins/search/plugin.py, _segment_chinese).
HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
# Every run of the zh site where rjieba and jieba 0.42.1 cut differently: run → (jieba, rjieba).
# A run that no longer occurs, or a new one, fails the test until this list says so.
KNOWN: dict[str, tuple[list[str], list[str]]] = {
    # 常在 ("often at") is one word in jieba-rs' dictionary use; jieba splits it. Search still
    # finds 卖家 and 投诉; a reader typing 常在 finds this page with rjieba, 常 在 with jieba.
    "卖家常在被投诉后改页面": (["卖家", "常", "在", "被", "投诉", "后", "改", "页面"],
                                ["卖家", "常在", "被", "投诉", "后", "改", "页面"]),
}
jieba.setLogLevel(60)  # no "Building prefix dict" lines in the test output


def han_runs(texts: Iterable[str]) -> set[str]:
    return {run for text in texts for run in HAN_RUN.findall(text)}


def differences(runs: Iterable[str]) -> dict[str, tuple[list[str], list[str]]]:
    cuts = ((run, list(jieba.cut(run.encode("utf-8"))), rjieba.cut(run)) for run in sorted(runs))
    return {run: (old, new) for run, old, new in cuts if old != new}


def zh_site_texts() -> list[str]:
    """Every zh page's Markdown as the build makes it, and the hand-written pages."""
    plan = language_plans(ROOT, ROOT, directory_urls=True, langs=("zh",)).plans["zh"]
    written = sorted((ROOT / "docs" / "zh").rglob("*.md"))
    return [page.markdown for page in plan.pages] + [p.read_text(encoding="utf-8") for p in written]


def test_rjieba_cuts_every_han_run_of_the_zh_site_as_jieba_does_but_the_listed_ones() -> None:
    runs = han_runs(zh_site_texts())
    assert len(runs) > 1000  # the real site, not an empty plan
    assert differences(runs) == KNOWN


def test_the_adapter_takes_bytes_and_gives_an_iterator_as_jieba_does() -> None:
    adapter = search_segmentation.RJiebaCut(rjieba.cut, jieba)
    words = adapter.cut("商家拒绝七日无理由退货".encode())
    assert isinstance(words, Iterator)
    assert list(words) == list(jieba.cut("商家拒绝七日无理由退货".encode()))
    assert list(adapter.cut("退货")) == ["退货"]
    assert adapter.set_dictionary is jieba.set_dictionary  # what Material's on_config may call


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Material's module-level jieba and the adapter's memory of it, put back after the test."""
    monkeypatch.setattr(material_search, "jieba", material_search.jieba)
    monkeypatch.setattr(search_segmentation, "ORIGINAL", {})
    return monkeypatch


def test_material_search_uses_rjieba_in_the_sites_config(restored: pytest.MonkeyPatch) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert search_segmentation.use_rjieba(config.plugins)
    assert isinstance(material_search.jieba, search_segmentation.RJiebaCut)
    entry = material_search.SearchIndex()._segment_chinese("卖家常在被投诉后改页面")
    assert entry.split("\u200b") == KNOWN["卖家常在被投诉后改页面"][1]


@pytest.mark.parametrize("why", ["no rjieba", "jieba_dict", "jieba_dict_user"])
def test_jieba_stays_without_rjieba_or_with_a_jieba_dictionary(
        restored: pytest.MonkeyPatch, tmp_path: Path, why: str) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert search_segmentation.use_rjieba(config.plugins)
    if why == "no rjieba":
        restored.setattr(search_segmentation, "RJIEBA", None)
    else:
        config.plugins["material/search"].config[why] = str(tmp_path / "dict.txt")
    assert not search_segmentation.use_rjieba(config.plugins)  # as `serve` reloads the config
    assert material_search.jieba is jieba


def desegmented(index: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each title and text of a built index, as it was before Material segmented it, and as built."""
    for entry in index["docs"]:
        for field in ("title", "text"):
            yield entry[field].replace("\u200b", ""), entry[field]


class ExpectedCut:
    """jieba, but rjieba's cut for the listed runs: what the built index must hold."""

    def cut(self, sentence: bytes) -> list[str]:
        run = sentence.decode("utf-8")
        return KNOWN[run][1] if run in KNOWN else list(jieba.cut(run))


@pytest.mark.site
def test_the_built_zh_index_is_jiebas_but_for_the_listed_runs(
        built_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = json.loads((built_site / "zh" / "search" / "search_index.json").read_text("utf-8"))
    monkeypatch.setattr(material_search, "jieba", ExpectedCut())
    segment = material_search.SearchIndex()._segment_chinese
    wrong = [(plain, built) for plain, built in desegmented(index) if segment(plain) != built]
    assert wrong == []
    # The listed runs need not be in the index (the search hook keeps a guide's evidence section
    # by its title only): the site's text holds them, and the test above compares them there.
