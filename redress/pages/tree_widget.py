"""Owns what the in-page tree widget is given: the part of the tree below one question, and its
labels, as JSON-shaped data whose texts stay bilingual until the page picks its language."""
from __future__ import annotations

from typing import Any

from redress.data.text import Text
from redress.data.tree_models import DecisionTree, Outcome, Question
from redress.data.tree_paths import nodes_by_id, reachable

WIDGET_LABELS = ("tree_back", "tree_start_again")


def widget_data(tree: DecisionTree, ui: dict[str, Text], at: str) -> dict[str, Any]:
    """The nodes reachable from the question `at` (the widget answers them in place; an earlier
    step, or the start, is another page it loads) and the labels of its buttons."""
    nodes = nodes_by_id(tree)
    return {"at": at, "nodes": {node_id: widget_node(nodes[node_id])
                                for node_id in reachable(tree, at)},
            "labels": {key: ui[key] for key in WIDGET_LABELS}}


def widget_node(node: Question | Outcome) -> dict[str, Any]:
    """A question as the widget draws it; of an outcome only that it is one (its page is loaded)."""
    if isinstance(node, Outcome):
        return {"kind": "outcome"}
    return {"kind": "question", "text": node.text, "hint": node.hint or "",
            "options": [{"id": o.id, "label": o.label, "next": o.next} for o in node.options]}
