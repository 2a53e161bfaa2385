"""Turn the user's expression or program into core tensors, with the sandbox's switches.

The autodiff core's ``from_tree.build_graph`` does the work (formulas, named definitions, the
user's structure, and the sandbox's two switches: ``requires_grad`` per input and ``.detach()`` of
a named definition where later lines use it); this accepts program text or parsed programs and
refuses a detached output, which would leave nothing to differentiate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from explorer.core.autodiff.economies import keeping_values
from explorer.core.autodiff.from_tree import BuiltGraph, build_graph
from explorer.core.expr import parse_program
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import Node


def build_tensors(
    source: Any,
    values: Mapping[str, Any],
    *,
    requires_grad: Mapping[str, bool] | None = None,
    detach: Iterable[str] = (),
) -> tuple[BuiltGraph, str | None]:
    """Build the graph of ``source`` at ``values``; returns the built graph and the source text."""
    tree, text = tree_of(source)
    detach_set = frozenset(detach)
    with keeping_values():  # the graph shows every node's value
        built = build_graph(tree, values, requires_grad=requires_grad or True, detach=detach_set)
    name = built.output.name
    if detach_set and name and name.endswith(".detach()"):
        raise ExprError("Detaching the output leaves nothing to differentiate")
    return built, text


def tree_of(source: Any) -> tuple[Node, str | None]:
    """The expression tree of program text, a parsed program or a bare node, and its text."""
    if isinstance(source, Node):
        return source, None
    if isinstance(source, str):
        program = parse_program(source)
        return program.tree, program.text
    tree = getattr(source, "tree", None)
    if isinstance(tree, Node):
        return tree, getattr(source, "text", None)
    raise TypeError(f"cannot build a graph from {type(source).__name__}")
