"""Iterative post-order folding of expression trees: deep trees never hit the recursion limit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from explorer.core.expr.nodes import Node

Result = TypeVar("Result")


def fold_tree(node: Node, visit: Callable[[Node, list[Result]], Result]) -> Result:
    """Combine a tree bottom-up: ``visit(node, results_of_children)`` on every node, children first.

    Uses an explicit stack: trees built by hand (or 250 terms of ``x+x+…``) can be far deeper than
    the parser's nesting limit, and every converter goes through here.
    """
    results: list[Result] = []
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        if children_done:
            count = len(current.children())
            child_results = results[len(results) - count :] if count else []
            if count:
                del results[len(results) - count :]
            results.append(visit(current, child_results))
            continue
        stack.append((current, True))
        for child in reversed(current.children()):
            stack.append((child, False))
    return results[0]
