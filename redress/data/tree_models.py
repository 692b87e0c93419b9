"""Owns the shape of the decision tree: questions with options, and outcomes. Routing only."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from redress.data.refs import RefersTo
from redress.data.text import Id, Strict, Text

MAX_DEPTH = 5
# Every situation is offered by the first question or by one of the questions right below it: a
# buyer who has to guess three levels deep gives up, or lands on the wrong guide.
MAX_SITUATION_DEPTH = 2


class Option(Strict):
    """One answer: its words, its URL slug, and the node it leads to."""

    id: Id
    label: Text
    next: Id


class Question(Strict):
    """A question in the buyer's words, with the answers to choose from."""

    id: Id
    kind: Literal["question"]
    text: Text
    hint: Text | None = None
    options: list[Option] = []


class Outcome(Strict):
    """Where a path ends: a situation's guide, or (no situation) an honest 'no guide fits'."""

    id: Id
    kind: Literal["outcome"]
    situation: Annotated[Id | None, RefersTo("complaint_types")] = None
    why: Text


Node = Annotated[Question | Outcome, Field(discriminator="kind")]


class DecisionTree(Strict):
    """The whole tree: where it starts and every node."""

    start: Id
    nodes: list[Node]


class PathFixture(Strict):
    """A walk through the tree that must end at a given situation (or 'none'); with a story, the
    buyer's own account that the walk answers (a browser test clicks it through)."""

    story: Text | None = None
    answers: list[Id] = Field(min_length=1)
    outcome: Id
