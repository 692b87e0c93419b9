"""`serve --dirty`'s rules, on real values: which search entries stay, which texts to compare
pages by, what counts as shown on every page, and when a build becomes the last good one."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT
from dirty_serve import (
    BuiltTexts,
    DirtyServe,
    entries_to_keep,
    search_url,
    site_wide_digest,
    texts_to_compare,
)
from jinja2 import DictLoader, Environment
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from redress.data.loading import load_knowledge_base
from redress.pages.plan import PlannedPage, PlanRequest, SitePlan
from redress.pages.site import make_plan

# As Material writes them: a page's URL, then '#' and a heading's anchor; the home page's is ''.
INDEX = [
    {"location": "", "title": "维权指南", "text": "<p>首页</p>"},
    {"location": "#pick", "title": "选一个情况", "text": ""},
    {"location": "about/", "title": "关于本站", "text": "<p>关于</p>"},
    {"location": "about/#how", "title": "我们怎么写", "text": ""},
    {"location": "situations/refund-refused/", "title": "退款被拒", "text": ""},
    {"location": "situations/refund-refused/#evidence", "title": "证据", "text": ""},
    {"location": "situations/counterfeit/", "title": "假货", "text": ""},
]


@pytest.fixture(scope="module")
def plan() -> SitePlan:
    return make_plan(load_knowledge_base(MINIMAL), PlanRequest("zh"))


def locations(entries: list[dict[str, str]]) -> list[str]:
    return [entry["location"] for entry in entries]


def test_every_entry_of_every_rebuilt_page_is_dropped_and_the_rest_kept_in_order() -> None:
    kept = entries_to_keep(INDEX, {"situations/refund-refused/", "about/"})
    assert locations(kept) == ["", "#pick", "situations/counterfeit/"]


def test_the_home_pages_entries_are_dropped_by_its_empty_url() -> None:
    kept = entries_to_keep(INDEX, {search_url("./")})
    assert locations(kept) == locations(INDEX)[2:]
    assert entries_to_keep(INDEX, set()) == INDEX


def test_search_urls_are_page_urls_but_empty_for_the_home_page() -> None:
    assert [search_url(url) for url in (".", "./", "about/", "situations/counterfeit/")] == [
        "", "", "about/", "situations/counterfeit/"]


def test_pages_are_compared_with_the_last_good_build_only_while_nothing_site_wide_changed() -> None:
    last = BuiltTexts("nav-1", {"index.md": "# 首页\n"})
    assert texts_to_compare(None, BuiltTexts("nav-1", {})) is None
    assert texts_to_compare(last, BuiltTexts("nav-1", {"index.md": "# 改过\n"})) == last.texts
    assert texts_to_compare(last, BuiltTexts("nav-2", {"index.md": "# 首页\n"})) is None


def test_what_shows_on_every_page_is_hashed_but_a_pages_text_is_not(plan: SitePlan) -> None:
    configs, theme, uris = [b"site_name: Redress\n"], ["main.html1700000000"], ["about.md", "index.md"]
    before = site_wide_digest(plan, configs, theme, uris)
    text_edited = replace(plan, pages=[replace(plan.pages[0], markdown="# 另一段\n"), *plan.pages[1:]])
    assert site_wide_digest(text_edited, configs, theme, uris) == before
    assert site_wide_digest(plan, configs, theme, list(reversed(uris))) == before
    changed = [
        site_wide_digest(replace(plan, nav=plan.nav[1:]), configs, theme, uris),
        site_wide_digest(replace(plan, site_name="Redress 2"), configs, theme, uris),
        site_wide_digest(replace(plan, pages=[*plan.pages, PlannedPage("new.md", True, "")]),
                         configs, theme, uris),
        site_wide_digest(plan, [b"site_name: Other\n"], theme, uris),
        site_wide_digest(plan, configs, ["main.html1700000001"], uris),
        site_wide_digest(plan, configs, theme, [*uris, "extra.md"]),
    ]
    assert before not in changed and len(set(changed)) == len(changed)


def test_a_build_becomes_the_last_good_one_only_when_it_went_through(
        plan: SitePlan, tmp_path: Path) -> None:
    """With the real config: the first build empties the output, a second with nothing site-wide
    changed compares pages with the first, and a failed build (no post-build) changes nothing."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old", encoding="utf-8")
    serve, files = DirtyServe(), Files([])
    assert serve.last_texts(files, config, plan) == {}  # not serving dirty: no comparison
    serve.active = True
    assert serve.last_texts(files, config, plan) == {}
    assert list((tmp_path / "site").iterdir()) == []  # every page is built anew
    serve.build_went_through()
    (tmp_path / "site" / "kept.html").write_text("kept", encoding="utf-8")
    assert serve.last_texts(files, config, plan) == {p.uri: p.markdown for p in plan.pages}
    assert (tmp_path / "site" / "kept.html").exists()
    renamed = replace(plan, site_name="Redress 2")
    assert serve.last_texts(files, config, renamed) == {}  # this build fails: no post-build
    assert serve.built is not None and serve.built.site_wide != serve.pending.site_wide
    assert serve.last_texts(files, config, plan) == {p.uri: p.markdown for p in plan.pages}


def environment_over(templates: dict[str, str], serve: DirtyServe) -> Environment:
    """A fresh environment, as MkDocs makes one for every rebuild."""
    env = Environment(loader=DictLoader(templates))
    serve.reuse_templates(env)
    return env


def test_a_rebuild_reuses_the_compiled_templates_and_compiles_an_edited_one() -> None:
    serve = DirtyServe()
    serve.active = True
    templates = {"main.html": "{% include 'nav.html' %} {{ title }}", "nav.html": "<nav>"}
    assert environment_over(templates, serve).get_template("main.html").render(title="a") == "<nav> a"
    kept = dict(serve.templates.compiled)
    assert len(kept) == 2

    def not_again(*args: object) -> None:
        raise AssertionError("compiled again")

    again = environment_over(templates, serve)
    again.compile = not_again  # type: ignore[method-assign]
    assert again.get_template("main.html").render(title="b") == "<nav> b"
    edited = environment_over({**templates, "nav.html": "<nav class=x>"}, serve)
    assert edited.get_template("main.html").render(title="c") == "<nav class=x> c"
    assert serve.templates.compiled != kept


def test_a_plain_build_keeps_no_templates() -> None:
    serve = DirtyServe()  # not serving dirty: one build, nothing to keep
    assert environment_over({"a.html": "x"}, serve).bytecode_cache is None
