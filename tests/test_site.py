"""The real build: two strict sibling sites, a root page, the open dataset, safe swaps."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import MINIMAL, run_redress

from redress.data.loading import load_knowledge_base
from redress.data.registry import BASES, EVIDENCE, GROUPS, SITUATIONS

pytestmark = pytest.mark.site
# What a browser fetches by itself: scripts, images, frames, media, and stylesheets/icons
# (not <a> or <link rel="canonical"/"alternate">, which are only addresses).
ASSET = re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*?\bsrc=["']([^"']+)|"""
                   r"""<link\b(?=[^>]*\brel=["']?(?:stylesheet|icon|preload|modulepreload|manifest))"""
                   r"""[^>]*?\bhref=["']([^"']+)""")


def test_both_languages_are_built_as_sibling_sites(built_site: Path) -> None:
    for lang in ("zh", "en"):
        assert (built_site / lang / "index.html").is_file()
        assert (built_site / lang / "situations" / "refund-refused" / "index.html").is_file()
        assert (built_site / lang / "laws" / "crpl" / "index.html").is_file()


def test_the_root_page_offers_both_and_sends_readers_to_chinese_without_javascript(built_site: Path) -> None:
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=zh/">' in root
    assert 'href="zh/"' in root and 'href="en/"' in root
    assert "<script" not in root


def test_pages_declare_their_language(built_site: Path) -> None:
    zh = (built_site / "zh" / "situations" / "counterfeit" / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "situations" / "counterfeit" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in zh
    assert '<html lang="en"' in en


def test_the_chinese_search_index_is_segmented(built_site: Path) -> None:
    index = (built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u200b" in index or "\u200b" in index


def test_no_page_loads_an_asset_from_another_host(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        for match in ASSET.findall(page.read_text(encoding="utf-8")):
            target = match[0] or match[1]
            assert not re.match(r"^(https?:)?//", target), f"{page}: {target}"


def test_the_open_dataset_holds_both_languages_with_schemas(built_site: Path) -> None:
    kb = load_knowledge_base(Path(__file__).resolve().parent.parent)
    for name, records in (("complaint_types", kb.of(SITUATIONS)), ("legal_bases", kb.of(BASES)),
                          ("evidence", kb.of(EVIDENCE))):
        data = json.loads((built_site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        schema = json.loads((built_site / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert [record["id"] for record in data] == list(records)
        assert schema["type"] == "array" and "additionalProperties" in json.dumps(schema)
        first = data[0]
        assert set(first["title" if name != "legal_bases" else "meaning"]) == {"zh", "en"} \
            if name != "evidence" else set(first["name"]) == {"zh", "en"}
    groups = json.loads((built_site / "data" / "groups.json").read_text(encoding="utf-8"))
    assert [group["id"] for group in groups] == list(kb.of(GROUPS))
    assert (built_site / "data" / "groups.schema.json").is_file()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_channels_page_has_one_heading_per_rung_and_its_answer_time_in_a_paragraph(
        built_site: Path, lang: str) -> None:
    page = (built_site / lang / "channels" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    rungs = re.findall(r'<h2 id="([^"]+)"', article)
    assert rungs == ["seller", "after-sales", "platform-intervention", "customer-service",
                     "payment-channel", "regulator", "court"]
    assert re.search(r"<p><strong>(网址|Website)", article)  # its own paragraph, not the answer time's


def test_a_guide_page_has_every_section(built_site: Path) -> None:
    html = (built_site / "zh" / "situations" / "refund-refused" / "index.html").read_text(encoding="utf-8")
    for anchor in ("is-this-you", "typical-case", "rights", "evidence", "ladder", "deadlines", "sources"):
        assert f'id="{anchor}"' in html, anchor
    assert "<details class=\"quote\"" in html
    assert "消费者权益保护法" in html


def sidebar_labels(page: Path) -> list[str]:
    """The labels of the primary navigation (the left sidebar), in order, as a reader sees them."""
    text = page.read_text(encoding="utf-8")
    sidebar = text[text.index('class="md-nav md-nav--primary"'):text.index("md-sidebar--secondary")]
    return [" ".join(html.unescape(label).split())
            for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', sidebar, re.S)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_guide_sidebar_names_every_group_and_lists_only_its_own_groups_situations(
        built_site: Path, lang: str) -> None:
    kb = load_knowledge_base(Path(__file__).resolve().parent.parent)
    complaint = kb.of(SITUATIONS)["not-as-described"]
    labels = sidebar_labels(built_site / lang / "situations" / complaint.id / "index.html")
    groups = [g.title.in_(lang) for g in kb.of(GROUPS).values()]
    assert [label for label in labels if label in groups] == groups
    own = [c.title.in_(lang) for c in kb.situations_in(complaint.group)]
    at = labels.index(kb.of(GROUPS)[complaint.group].title.in_(lang))
    listed = [label for label in labels[at:] if label in own]
    assert list(dict.fromkeys(listed)) == own  # the current page is both a label and a link
    others = [c.title.in_(lang) for c in kb.of(SITUATIONS).values() if c.group != complaint.group]
    assert len(others) > 10 and not set(others) & set(labels)


def test_the_situations_index_has_one_heading_per_group_over_its_situations(built_site: Path) -> None:
    kb = load_knowledge_base(Path(__file__).resolve().parent.parent)
    page = (built_site / "zh" / "situations" / "index.html").read_text(encoding="utf-8")
    expected = []
    for group in kb.of(GROUPS).values():
        expected += [("2", group.id), *(("3", c.id) for c in kb.situations_in(group.id))]
    assert re.findall(r'<h([23]) id="([^"]+)"', page) == expected
    assert len(kb.of(GROUPS)) >= 4


def test_bad_data_fails_the_build_and_keeps_the_last_good_site(tmp_path: Path, minimal_copy: Path) -> None:
    out = tmp_path / "site"
    assert run_redress("--root", str(minimal_copy), "build", "--out", str(out)).returncode == 0
    before = (out / "zh" / "index.html").read_bytes()
    evidence = minimal_copy / "data" / "evidence.yml"
    evidence.write_text(evidence.read_text(encoding="utf-8").replace("    en: Chat records\n", ""),
                        encoding="utf-8")
    result = run_redress("--root", str(minimal_copy), "build", "--out", str(out))
    assert result.returncode == 1
    assert "data/evidence.yml:14:3 › evidence[chat-records].name.en" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert (out / "zh" / "index.html").read_bytes() == before


def test_a_broken_internal_link_fails_the_strict_build(tmp_path: Path, minimal_copy: Path) -> None:
    prose = minimal_copy / "guides" / "zh" / "counterfeit.md"
    prose.write_text("See [the missing page](../nowhere.md).\n", encoding="utf-8")
    result = run_redress("--root", str(minimal_copy), "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "nowhere.md" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()
    checked = run_redress("--root", str(minimal_copy), "check")  # found before any build, located
    assert checked.returncode == 1
    assert ("guides/zh/counterfeit.md:1:1 › counterfeit: 链接 ../nowhere.md 指向不存在的页面"
            in checked.stdout), checked.stdout


def test_the_minimal_dataset_builds(tmp_path: Path) -> None:
    result = run_redress("--root", str(MINIMAL), "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr


# A sitecustomize for the processes of one build: notes each call of load_knowledge_base (the
# parent's and any language build's) as a line in the file REDRESS_LOADS names.
COUNTING_LOADS = """
import importlib.machinery, os, sys


class CountLoads:
    def find_spec(self, name, path=None, target=None):
        if name != "redress.data.loading":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            load = module.load_knowledge_base

            def counted(*args, **kwargs):
                with open(os.environ["REDRESS_LOADS"], "a") as log:
                    log.write(f"{os.getpid()}\\n")
                return load(*args, **kwargs)

            module.load_knowledge_base = counted

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, CountLoads())
"""


@pytest.mark.parametrize("plans", ["made", "kept"])
def test_a_build_loads_the_data_once_and_its_language_builds_never(tmp_path: Path, plans: str) -> None:
    (tmp_path / "counting").mkdir()
    (tmp_path / "counting" / "sitecustomize.py").write_text(COUNTING_LOADS, encoding="utf-8")
    loads = tmp_path / "loads"
    env = {"PYTHONPATH": str(tmp_path / "counting"), "REDRESS_LOADS": str(loads),
           "REDRESS_CACHE": "off" if plans == "made" else str(tmp_path / "plans")}
    build = ("--root", str(MINIMAL), "build", "--out", str(tmp_path / "site"))
    if plans == "kept":
        assert run_redress(*build, env=env).returncode == 0
        loads.unlink()
    result = run_redress(*build, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(loads.read_text(encoding="utf-8").splitlines()) == 1
