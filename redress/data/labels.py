"""Owns what a label may hold: plain {name} blanks from its key's fixed set, filled as text."""
from __future__ import annotations

import re
from collections.abc import Iterator

from redress.data.text import Text
from redress.messages import say
from redress.problems import Finding

UI_FILE = "data/ui_strings.yml"
# The values each label is given where it is shown; a label may use these and nothing else.
BLANKS: dict[str, frozenset[str]] = {
    **{f"unit_{unit}": frozenset({"n"}) for unit in
       ("hours", "calendar_days", "working_days", "months", "years")},
    "articles_count": frozenset({"n"}),
    "reported_about": frozenset({"dates"}),
    "reported_note": frozenset({"date"}),  # on paper and the date tool, which have no page note
    "data_as_of": frozenset({"date"}),
    "checklist_footer": frozenset({"date"}),
    "may_be_outdated": frozenset({"date"}),
    "checklist_title": frozenset({"title"}),
    "report_title": frozenset({"page"}),
    "report_body": frozenset({"page", "id"}),
    "platform_page_title": frozenset({"title", "platform"}),
    **{key: frozenset({"platform"}) for key in ("platform_on", "platform_view_intro", "platform_path",
                                                "platform_no_variant", "platform_page_link",
                                                "platform_ladder_title")},
    **{f"fact_{grade}": frozenset({"source", "date"}) for grade in ("rule", "api", "report")},
    # the date tool's lines, filled in the browser by redress-dates.js
    "dates_done": frozenset({"n"}),
    "dates_step_day_one": frozenset({"start", "day"}),
    "dates_step_skipped": frozenset({"name", "first", "last"}),
    "dates_step_skipped_day": frozenset({"name", "day"}),
    "dates_step_makeup": frozenset({"day"}),
    "dates_step_moved": frozenset({"first", "last", "name"}),
    "dates_step_month_end": frozenset({"day"}),
    "dates_step_hours": frozenset({"n", "day"}),
    "dates_step_provisional": frozenset({"years"}),
    "print_see_page": frozenset({"page"}),
}
BLANK = re.compile(r"\{(\w+)\}")
BRACE = re.compile(r"[{}]")


def fill(text: str, **values: object) -> str:
    """The label with each {name} replaced by its value, as text: never str.format, so a label
    can name no attribute, index or format of what it is given."""
    return BLANK.sub(lambda blank: str(values[blank.group(1)]), text)


def label_problems(ui: dict[str, Text]) -> Iterator[Finding]:
    """Every brace of every label is a blank its key is given; located at the label's text."""
    for key, text in ui.items():
        allowed = BLANKS.get(key, frozenset())
        for lang in ("zh", "en"):
            value = text.in_(lang)
            names = BLANK.findall(value)
            stray = BRACE.search(BLANK.sub("", value))
            unknown = sorted(set(names) - allowed)
            if stray or unknown:
                shown = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "—"
                yield Finding(UI_FILE, (key, lang), say("label_blank", allowed=shown))
