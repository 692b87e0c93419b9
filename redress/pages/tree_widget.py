"""Owns what the in-page tree widget is given: the routing and labels in one language, as JSON."""
from __future__ import annotations

import json
from typing import Any

from redress.data.knowledge_base import KnowledgeBase
from redress.data.registry import TREE, UI
from redress.data.text import Lang
from redress.data.tree_models import Question

WIDGET_LABELS = ("tree_back", "tree_start_again", "tree_answers_so_far", "tree_change")


def widget_json(kb: KnowledgeBase, lang: Lang) -> str:
    """The tree as the widget needs it; the page puts it in a data attribute (escaped there)."""
    nodes: dict[str, Any] = {}
    for node in kb.of(TREE).nodes:
        if isinstance(node, Question):
            nodes[node.id] = {
                "kind": "question", "text": node.text.in_(lang),
                "hint": node.hint.in_(lang) if node.hint else "",
                "options": [{"id": o.id, "label": o.label.in_(lang), "next": o.next}
                            for o in node.options],
            }
        else:
            nodes[node.id] = {"kind": "outcome"}
    labels = {key: kb.of(UI)[key].in_(lang) for key in WIDGET_LABELS}
    return json.dumps({"start": kb.of(TREE).start, "nodes": nodes, "labels": labels},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
