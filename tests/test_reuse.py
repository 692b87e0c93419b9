"""After an edit, a plan made again in the same process (what `mkdocs serve` does) renders only
the pages that read what changed, and is the plan made afresh, page for page."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_loading import edit

from redress.pages import plan_source, reuse
from redress.pages.plan import PlanRequest, SitePlan
from redress.pages.site import load_and_make_plans

PROJECT = Path(__file__).resolve().parent.parent
REQUESTS = [PlanRequest("zh"), PlanRequest("en")]
# Each kind of edit a contributor makes, on the real data: the file, a text in it, the text it
# becomes, and words the pages then show.
EDITS = {
    "a guide's summary": ("data/complaint_types.yml", "    zh: 申请了退款，却一直",
                          "    zh: 改过的摘要。申请了退款，却一直", "改过的摘要"),
    "a title other guides link to": ("data/complaint_types.yml", "    zh: 退款被拒或迟迟不到账",
                                     "    zh: 退款被拒（改过的标题）", "改过的标题"),
    "a guide's prose": ("guides/en/refund-refused.md", "\n", "\nAn edited first paragraph.\n\n",
                        "An edited first paragraph"),
    "an article's meaning": ("data/legal_bases.yml", "    zh: 卖家在商品页、笔记和聊天里说的每句话都得属实",
                             "    zh: 改过的解读。卖家在商品页、笔记和聊天里说的每句话都得属实", "改过的解读"),
    "a label": ("data/ui_strings.yml", "  en: Related situations\n",
                "  en: Related situations (edited)\n", "Related situations (edited)"),
    "a platform's name": ("data/platforms.yml", "    en: Xiaohongshu\n",
                          "    en: Xiaohongshu (edited)\n", "Xiaohongshu (edited)"),
}


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    for folder in ("data", "guides", "laws"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    return tmp_path


def plans_made(root: Path) -> list[SitePlan]:
    return load_and_make_plans(root, REQUESTS, again=True)


def rendered_again(before: dict[str, reuse.LastPlan]) -> int:
    """How many pages of the last plans were rendered, not taken from the plans before them."""
    return sum(page is not before[key].pages.get(uri)
               for key, last in reuse.last_plans.items() for uri, page in last.pages.items())


@pytest.mark.parametrize("change", EDITS)
def test_a_plan_made_again_after_an_edit_is_the_plan_made_afresh(real_copy: Path, change: str) -> None:
    reuse.last_plans.clear()
    plans_made(real_copy)
    before = dict(reuse.last_plans)
    file, old, new, shown = EDITS[change]
    edit(real_copy, file, old, new)
    again = plans_made(real_copy)
    pages = sum(len(plan.pages) for plan in again)
    rendered = rendered_again(before)
    reuse.last_plans.clear()
    assert again == plans_made(real_copy)
    assert 0 < rendered <= pages  # a label is on every page
    assert any(shown in page.markdown for plan in again for page in plan.pages)


def test_a_guide_summary_edit_renders_a_small_share_of_the_pages(real_copy: Path) -> None:
    """Its own guide and its platform views, and the pages that list every guide."""
    reuse.last_plans.clear()
    plans_made(real_copy)
    before = dict(reuse.last_plans)
    edit(real_copy, *EDITS["a guide's summary"][:3])
    pages = sum(len(plan.pages) for plan in plans_made(real_copy))
    assert rendered_again(before) < pages / 5


def test_a_build_that_makes_its_plans_once_keeps_no_page(real_copy: Path) -> None:
    reuse.last_plans.clear()
    load_and_make_plans(real_copy, REQUESTS)
    assert not reuse.last_plans


def test_nothing_changed_renders_nothing(real_copy: Path) -> None:
    reuse.last_plans.clear()
    first = plans_made(real_copy)
    before = dict(reuse.last_plans)
    assert plans_made(real_copy) == first
    assert rendered_again(before) == 0


def test_serve_makes_a_kept_plan_ahead_so_that_its_first_edit_renders_little(
        real_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` starts on a kept plan, which keeps no page: the plan is made once in the
    background, and the first edit's plan renders again only what the edit changed."""
    monkeypatch.setenv("REDRESS_ROOT", str(real_copy))
    monkeypatch.delenv("REDRESS_PLANS", raising=False)
    monkeypatch.delitem(plan_source.loaded, "made", raising=False)
    reuse.last_plans.clear()
    ahead = plan_source.make_ahead("zh", True, "")
    assert ahead is not None
    ahead.join()
    before = dict(reuse.last_plans)
    assert len(before) == 1 and plan_source.make_ahead("zh", True, "") is None  # made once
    edit(real_copy, *EDITS["a guide's summary"][:3])
    plan = plan_source.made_now(real_copy, PlanRequest("zh", today=plan_source.build_today(real_copy)))
    assert EDITS["a guide's summary"][3] in "".join(page.markdown for page in plan.pages)
    assert 0 < rendered_again(before) < len(plan.pages) / 5
