"""Turn the user's expression or program into core tensors, with the sandbox's switches.

The autodiff core's ``from_tree`` builder does the work (formulas, named definitions, the user's
structure); this adds the two things the graph view's PyTorch sandbox toggles: ``requires_grad``
per input, and ``.detach()`` of a named definition where later lines use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from explorer.core.autodiff.engine import enable_grad
from explorer.core.autodiff.from_tree import BuiltGraph, _Builder
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import Definition, Node, Variable


class _SandboxBuilder(_Builder):
    """The core's tree builder with per-input requires_grad and detached definitions."""

    def __init__(
        self, values: Mapping[str, Any], flags: Mapping[str, bool], detach: frozenset[str]
    ) -> None:
        super().__init__(values, True)
        self.flags = flags
        self.detach = detach

    def variable(self, node: Variable) -> Any:
        fresh = node.name not in self.inputs and node.name not in self.named
        tensor = super().variable(node)
        if fresh and node.name in self.inputs:
            tensor.requires_grad_(bool(self.flags.get(node.name, True)))
        return tensor

    def define(self, node: Definition, tensor: Any) -> Any:
        defined = super().define(node, tensor)
        if node.name not in self.detach:
            return defined
        cut = defined.detach()
        cut.name = f"{node.name}.detach()"
        cut.formula = f"{node.name}.detach()"
        self.named[node.name] = cut  # later lines read the cut copy
        return cut


def build_tensors(
    source: Any,
    values: Mapping[str, Any],
    *,
    requires_grad: Mapping[str, bool] | None = None,
    detach: Iterable[str] = (),
) -> tuple[BuiltGraph, str | None]:
    """Build the graph of ``source`` at ``values``; returns the built graph and the source text."""
    from explorer.core.expr.traverse import fold_tree

    tree, text = _tree_of(source)
    detach_set = frozenset(detach)
    builder = _SandboxBuilder(values, requires_grad or {}, detach_set)
    with np.errstate(all="ignore"), enable_grad():
        output = fold_tree(tree, builder.visit)
    if output is None:
        raise ExprError("Enter an expression")
    if detach_set & set(builder.named) and output.name and output.name.endswith(".detach()"):
        raise ExprError("Detaching the output leaves nothing to differentiate")
    unknown = detach_set - set(builder.named)
    if unknown:
        raise ExprError(f"No definition named '{sorted(unknown)[0]}' to detach")
    return BuiltGraph(output=output, inputs=builder.inputs, named=builder.named), text


def _tree_of(source: Any) -> tuple[Node, str | None]:
    if isinstance(source, Node):
        return source, None
    if isinstance(source, str):
        from explorer.core.expr import parse_program

        program = parse_program(source)
        return program.tree, program.text
    tree = getattr(source, "tree", None)
    if isinstance(tree, Node):
        return tree, getattr(source, "text", None)
    raise TypeError(f"cannot build a graph from {type(source).__name__}")
