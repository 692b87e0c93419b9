"""Owns the decision tree's graph rules: known targets, reachable, acyclic, shallow, complete,
every situation offered within two answers."""
from __future__ import annotations

from collections.abc import Iterator

from redress.checks.integrity import check_ref
from redress.data.tree_models import MAX_DEPTH, MAX_SITUATION_DEPTH, DecisionTree, Question
from redress.messages import say
from redress.problems import Finding

TREE = "data/decision_tree.yml"
NODE = ("节点", "node")


def find_tree_problems(tree: DecisionTree, situations: list[str]) -> Iterator[Finding]:
    """Every graph rule; the walking rules run only once the links themselves are sound."""
    index = {node.id: i for i, node in enumerate(tree.nodes)}
    local = [*unique_nodes(tree), *known_targets(tree, index), *option_rules(tree)]
    yield from local
    if local:
        return
    cycle = find_cycle(tree, index)
    if cycle:
        yield Finding(TREE, ("nodes", index[cycle[0]]), say("cycle", cycle=" → ".join(cycle)))
        return
    yield from reach_rules(tree, index, situations)


def unique_nodes(tree: DecisionTree) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, node in enumerate(tree.nodes):
        if node.id in seen:
            yield Finding(TREE, ("nodes", i, "id"), say("duplicate_id", id=node.id))
        seen.add(node.id)


def known_targets(tree: DecisionTree, index: dict[str, int]) -> Iterator[Finding]:
    """The tree's own links (start, next); its outcomes' situations are declared references."""
    yield from check_ref(TREE, ("start",), tree.start, NODE, index)
    for i, node in enumerate(tree.nodes):
        if isinstance(node, Question):
            for j, option in enumerate(node.options):
                yield from check_ref(TREE, ("nodes", i, "options", j, "next"), option.next,
                                     NODE, index)


def option_rules(tree: DecisionTree) -> Iterator[Finding]:
    for i, node in enumerate(tree.nodes):
        if not isinstance(node, Question):
            continue
        if not node.options:
            yield Finding(TREE, ("nodes", i), say("no_options", id=node.id))
        options = node.options  # no two answers share an id, or their words in either language
        for values in ([o.id for o in options], [o.label.zh for o in options],
                       [o.label.en for o in options]):
            for j, value in enumerate(values):
                if value in values[:j]:
                    yield Finding(TREE, ("nodes", i, "options", j),
                                  say("duplicate_option", value=value))


def children(tree: DecisionTree, node_id: str, index: dict[str, int]) -> list[str]:
    node = tree.nodes[index[node_id]]
    return [option.next for option in node.options] if isinstance(node, Question) else []


def find_cycle(tree: DecisionTree, index: dict[str, int]) -> list[str]:
    """The first cycle found from the start, as node ids, or [] when there is none."""
    def visit(node_id: str, trail: list[str]) -> list[str]:
        if node_id in trail:
            return [*trail[trail.index(node_id):], node_id]
        for child in children(tree, node_id, index):
            found = visit(child, [*trail, node_id])
            if found:
                return found
        return []

    return visit(tree.start, [])


def reach_rules(tree: DecisionTree, index: dict[str, int], situations: list[str]) -> Iterator[Finding]:
    depths = deepest(tree, index)
    for node_id, i in index.items():
        if node_id not in depths:
            yield Finding(TREE, ("nodes", i), say("unreachable", id=node_id))
        elif depths[node_id] > MAX_DEPTH:
            yield Finding(TREE, ("nodes", i),
                          say("too_deep", id=node_id, depth=depths[node_id], limit=MAX_DEPTH))
    reached = {getattr(tree.nodes[index[n]], "situation", None) for n in depths}
    for situation in situations:
        if situation not in reached:
            yield Finding(TREE, ("nodes",), say("unreached_situation", id=situation))
    yield from situations_too_far(tree, index)


def situations_too_far(tree: DecisionTree, index: dict[str, int]) -> Iterator[Finding]:
    """Every situation is offered within MAX_SITUATION_DEPTH answers by one path at least; one
    further away is located at its outcome nearest the start."""
    nearest: dict[str, tuple[int, str]] = {}
    for node_id, depth in shallowest(tree, index).items():
        situation = getattr(tree.nodes[index[node_id]], "situation", None)
        if situation and (situation not in nearest or depth < nearest[situation][0]):
            nearest[situation] = (depth, node_id)
    for situation, (depth, node_id) in nearest.items():
        if depth > MAX_SITUATION_DEPTH:
            yield Finding(TREE, ("nodes", index[node_id]),
                          say("situation_too_far", id=situation, depth=depth,
                              limit=MAX_SITUATION_DEPTH))


def shallowest(tree: DecisionTree, index: dict[str, int]) -> dict[str, int]:
    """For every reachable node, the fewest answers that reach it (breadth first)."""
    depth = {tree.start: 0}
    frontier = [tree.start]
    for node_id in frontier:
        for child in children(tree, node_id, index):
            if child not in depth:
                depth[child] = depth[node_id] + 1
                frontier.append(child)
    return depth


def deepest(tree: DecisionTree, index: dict[str, int]) -> dict[str, int]:
    """For every reachable node, the most answers any path needs to get there."""
    depth = {tree.start: 0}
    frontier = [tree.start]
    while frontier:
        node_id = frontier.pop()
        for child in children(tree, node_id, index):
            if depth.get(child, -1) < depth[node_id] + 1:
                depth[child] = depth[node_id] + 1
                frontier.append(child)
    return depth
