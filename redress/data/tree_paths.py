"""Owns walking the decision tree: every path from the start, one static page per path."""
from __future__ import annotations

from dataclasses import dataclass

from redress.data.tree_models import DecisionTree, Option, Outcome, Question


@dataclass(frozen=True)
class Answer:
    """An answer given on the way: the question, the option chosen, and the path before it."""

    question: Question
    option: Option
    before: tuple[str, ...]


@dataclass(frozen=True)
class TreeStep:
    """The node a path of answers reaches, with the answers given so far."""

    path: tuple[str, ...]
    node: Question | Outcome
    answers: tuple[Answer, ...]


def nodes_by_id(tree: DecisionTree) -> dict[str, Question | Outcome]:
    return {node.id: node for node in tree.nodes}


def walk(tree: DecisionTree) -> list[TreeStep]:
    """Every path from the start, depth first; assumes the tree passed its checks (no cycle)."""
    nodes = nodes_by_id(tree)
    steps: list[TreeStep] = []
    pending = [TreeStep((), nodes[tree.start], ())]
    while pending:
        step = pending.pop(0)
        steps.append(step)
        question = step.node
        if isinstance(question, Question):
            pending[:0] = [follow(step, question, option, nodes) for option in question.options]
    return steps


def follow(step: TreeStep, question: Question, option: Option,
           nodes: dict[str, Question | Outcome]) -> TreeStep:
    answer = Answer(question, option, step.path)
    return TreeStep((*step.path, option.id), nodes[option.next], (*step.answers, answer))


def page_uri(path: tuple[str, ...]) -> str:
    """tree/index.md for the start; tree/<answer>/<answer>.md further down."""
    return "tree/index.md" if not path else "tree/" + "/".join(path) + ".md"


def outcome_of(tree: DecisionTree, answers: list[str]) -> str | None:
    """Follow answer ids from the start; the situation reached, 'none', or None if lost."""
    nodes = nodes_by_id(tree)
    node = nodes[tree.start]
    for answer in answers:
        if not isinstance(node, Question):
            return None
        chosen = [option for option in node.options if option.id == answer]
        if not chosen:
            return None
        node = nodes[chosen[0].next]
    return (node.situation or "none") if isinstance(node, Outcome) else None


def reachable(tree: DecisionTree, node_id: str) -> list[str]:
    """The node and every node a path from it can reach, each once, depth first."""
    nodes = nodes_by_id(tree)
    seen: dict[str, None] = {}
    pending = [node_id]
    while pending:
        current = pending.pop()
        if current not in seen:
            seen[current] = None
            node = nodes[current]
            if isinstance(node, Question):
                pending += reversed([option.next for option in node.options])
    return list(seen)


def answers_leading_to(tree: DecisionTree, situation: str) -> list[Option]:
    """The answers that open a situation's outcome directly, each once, in the tree's order:
    the buyer's words for that situation (its guide repeats them under "is this you?")."""
    nodes = nodes_by_id(tree)
    return [option for node in tree.nodes if isinstance(node, Question) for option in node.options
            if getattr(nodes[option.next], "situation", None) == situation]
