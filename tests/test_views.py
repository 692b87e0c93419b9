"""Templates print, views look up: no template reads the knowledge base, a view resolves its
records in file order, and a question page carries only its own part of the tree."""
from __future__ import annotations

import html
import json
import re
from dataclasses import fields

import pytest
from conftest import MINIMAL, ROOT
from jinja2 import meta

from redress.data.knowledge_base import KnowledgeBase
from redress.data.loading import load_knowledge_base
from redress.data.registry import BASES, EVIDENCE, LAWS, SITUATIONS, TREE
from redress.data.tree_paths import walk
from redress.pages import catalogue
from redress.pages.catalogue import pages_for, render_page
from redress.pages.plan import PlanRequest
from redress.pages.rendering import TEMPLATES, environment
from redress.pages.views.situations import situation_page

# What every page is given besides its view: render() adds lang and ui, render_page the rest.
PAGE_VALUES = {"lang", "ui", "uri", "root", "offline", "data_date", "stale_before", "repository"}
WIDGET = re.compile(r' data-tree="([^"]*)"')


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(MINIMAL)


@pytest.fixture(scope="module")
def real() -> KnowledgeBase:
    return load_knowledge_base(ROOT)


def test_no_template_looks_anything_up_in_the_knowledge_base() -> None:
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert "kb." not in text and "kb[" not in text, template.name
        assert "{% include" not in text, f"{template.name}: call a macro with its values instead"


def test_no_template_is_given_the_knowledge_base(kb, monkeypatch) -> None:
    given = []
    render = catalogue.render

    def spy(template, lang, ui, view=None, **context):
        given.append((template, [*context.values(), *(getattr(view, f.name) for f in fields(view))]))
        return render(template, lang, ui, view, **context)

    monkeypatch.setattr(catalogue, "render", spy)
    for page in pages_for(kb):
        render_page(kb, page, PlanRequest("en"))
    assert given
    for template, values in given:
        assert not any(isinstance(value, KnowledgeBase) for value in values), template


def test_a_template_reads_only_its_view_and_the_page_values(kb) -> None:
    names: dict[str, set[str]] = {}
    for page in pages_for(kb):
        names.setdefault(page.template, set()).update(f.name for f in fields(page.view))
    for template, fields_given in names.items():
        source = (TEMPLATES / template).read_text(encoding="utf-8")
        read = meta.find_undeclared_variables(environment().parse(source))
        assert read <= fields_given | PAGE_VALUES, (template, read - fields_given - PAGE_VALUES)


def test_the_macros_read_only_their_parameters_and_the_language() -> None:
    source = (TEMPLATES / "_macros.md.j2").read_text(encoding="utf-8")
    assert meta.find_undeclared_variables(environment().parse(source)) <= {"lang"}


def test_a_situation_view_resolves_its_evidence_and_bases_in_file_order(kb) -> None:
    situation = kb.of(SITUATIONS)["refund-refused"]
    view = situation_page(kb, situation)
    assert [need.item.id for need in view.evidence] == [use.item for use in situation.evidence]
    assert {use.why_here is None for use in situation.evidence} == {True, False}  # both kinds
    for need, use in zip(view.evidence, situation.evidence, strict=True):
        assert need.item == kb.of(EVIDENCE)[use.item]
        assert need.why == (use.why_here or need.item.why)
    for claim, right in zip(view.rights, situation.rights, strict=True):
        assert [b.basis for b in claim.bases] == [kb.of(BASES)[i] for i in right.bases]
        assert [b.law for b in claim.bases] == [kb.of(LAWS)[kb.of(BASES)[i].law] for i in right.bases]
    for answer, excuse in zip(view.excuses, situation.excuses, strict=True):
        assert [b.basis.id for b in answer.bases] == excuse.bases


def widget_payloads(kb: KnowledgeBase) -> dict[tuple[str, ...], str]:
    """Each question page's data-tree attribute as the page prints it, by the page's path."""
    payloads = {}
    for page in pages_for(kb):
        text = render_page(kb, page, PlanRequest("en"))
        if (found := WIDGET.search(text)) is not None:
            payloads[page.view.path] = found.group(1)
    return payloads


def test_a_question_page_carries_only_the_nodes_below_it(real) -> None:
    steps = walk(real.of(TREE))
    payloads = widget_payloads(real)
    assert len(payloads) == sum(step.node.kind == "question" for step in steps)
    for path, payload in payloads.items():
        data = json.loads(html.unescape(payload))
        below = {step.node.id for step in steps if step.path[:len(path)] == path}
        assert set(data["nodes"]) == below, path
        assert data["at"] == next(step.node.id for step in steps if step.path == path)
        assert set(data["labels"]) == {"tree_back", "tree_start_again"}
    assert real.of(TREE).start not in json.loads(html.unescape(payloads[("arrived-wrong",)]))["nodes"]


def test_a_deep_question_page_carries_less_than_the_start_page(real) -> None:
    payloads = widget_payloads(real)
    start, deep = payloads[()], payloads[("behaviour",)]
    assert len(deep.encode()) < len(start.encode()) / 4
