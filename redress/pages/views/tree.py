"""Owns the views of the decision tree's pages: each step of a path, and the whole outline."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.models import ComplaintType
from redress.data.registry import SITUATIONS, TREE, UI
from redress.data.tree_models import Option, Outcome, Question
from redress.data.tree_paths import Answer, TreeStep, nodes_by_id, page_uri
from redress.pages.tree_widget import widget_data
from redress.pages.views.platforms import PlatformChoice, platform_choice
from redress.pages.views.situations import FirstActions, first_actions


@dataclass(frozen=True)
class Choice:
    """An answer to a question and the page it leads to (a URI from the site root)."""

    option: Option
    uri: str


@dataclass(frozen=True)
class GivenAnswer:
    """An answer given on the way here, and the page of its question, to answer it again."""

    question: Question
    option: Option
    change_uri: str


@dataclass(frozen=True)
class QuestionStep:
    """tree_step.md.j2 at a question: its answers as links, and the widget's data (the nodes
    reachable from here, texts still bilingual)."""

    node: Question
    path: tuple[str, ...]
    choices: tuple[Choice, ...]
    answers: tuple[GivenAnswer, ...]
    widget: dict[str, Any]


@dataclass(frozen=True)
class Guide:
    """The situation an outcome opens, with the same "do this now" block its guide starts with
    (an outcome page gives only that; the guide it opens has the whole ladder and list)."""

    situation: ComplaintType
    first: FirstActions
    platforms: PlatformChoice  # the tree's last question: where it was bought, as plain links


@dataclass(frozen=True)
class OutcomeStep:
    """tree_step.md.j2 at an outcome: its guide, or none (the honest 'no guide fits')."""

    node: Outcome
    guide: Guide | None
    answers: tuple[GivenAnswer, ...]


@dataclass(frozen=True)
class Branch:
    """One answer in the outline: where it leads and, below a question, that question's answers."""

    option: Option
    node: Question | Outcome
    situation: ComplaintType | None
    branches: tuple[Branch, ...]


@dataclass(frozen=True)
class TreeOverview:
    """tree_overview.md.j2: the start question and every branch below it."""

    start: Question | Outcome
    branches: tuple[Branch, ...]


def tree_step(kb: KnowledgeBase, step: TreeStep) -> QuestionStep | OutcomeStep:
    answers = tuple(given(answer) for answer in step.answers)
    if isinstance(step.node, Question):
        choices = tuple(Choice(o, page_uri((*step.path, o.id))) for o in step.node.options)
        return QuestionStep(step.node, step.path, choices, answers,
                            widget_data(kb.of(TREE), kb.of(UI), step.node.id))
    situation = step.node.situation
    return OutcomeStep(step.node, guide(kb, kb.record(SITUATIONS, situation)) if situation else None,
                       answers)


def given(answer: Answer) -> GivenAnswer:
    return GivenAnswer(answer.question, answer.option, page_uri(answer.before))


def guide(kb: KnowledgeBase, situation: ComplaintType) -> Guide:
    return Guide(situation, first_actions(kb, situation), platform_choice(kb, situation.id, None))


def tree_overview(kb: KnowledgeBase) -> TreeOverview:
    nodes = nodes_by_id(kb.of(TREE))
    start = nodes[kb.of(TREE).start]

    def below(node: Question | Outcome) -> tuple[Branch, ...]:
        if not isinstance(node, Question):
            return ()
        leads = ((option, nodes[option.next]) for option in node.options)
        return tuple(Branch(option, to, situation_of(kb, to), below(to)) for option, to in leads)

    return TreeOverview(start, below(start))


def situation_of(kb: KnowledgeBase, node: Question | Outcome) -> ComplaintType | None:
    situation = node.situation if isinstance(node, Outcome) else None
    return kb.record(SITUATIONS, situation) if situation else None
