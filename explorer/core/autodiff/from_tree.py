"""Build an autodiff graph from our own expression tree, keeping the user's structure.

``x - y`` stays one "sub" node, named definitions (``a = (w+x+y+z)^2``) label their node, and
every node carries the Unicode text of its subexpression as ``formula``, so the graph view can
show the user's own expression and the edge partials as formulas (``formulas=False`` leaves the
texts out for a caller that only wants values and gradients: rendering them is about half of a
small graph's cost). With ``values={"x": grid}``
one backward pass gives f′ over the whole grid (each grid point is independent).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from explorer.core.autodiff import rules as R
from explorer.core.autodiff.apply import apply_elementwise
from explorer.core.autodiff.engine import enable_grad
from explorer.core.autodiff.tensor import Tensor, make
from explorer.core.expr.display import format_unicode, number_text
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Definition,
    Node,
    Number,
    Program,
    UnaryOp,
    Variable,
    walk,
)
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

_BINARY_RULES = {"+": R.ADD, "-": R.SUB, "*": R.MUL, "/": R.DIV, "^": R.POW}
_UNARY_RULES = {"-": R.NEG, "+": R.POS}


@dataclass
class BuiltGraph:
    """The output tensor, the leaf of each input variable, and the tensor of each definition."""

    output: Tensor
    inputs: dict[str, Tensor] = field(default_factory=dict)
    named: dict[str, Tensor] = field(default_factory=dict)

    def gradients(self) -> dict[str, np.ndarray]:
        """∂output/∂input for every input, in one backward pass seeded with ones.

        For a grid input the output is elementwise in it, so this is f′ at every grid point. An
        output that does not depend on an input gives zeros for it.
        """
        output = self.output
        if output.requires_grad:
            output.backward(gradient=np.ones(np.shape(output._value)), retain_graph=True)
        result = {}
        for name, leaf in self.inputs.items():
            grad = leaf._grad
            result[name] = (
                np.zeros(np.shape(leaf._value)) if grad is None else np.array(grad._value)
            )
        return result


def _constant(value: float, label: str) -> Tensor:
    tensor = make(np.float64(value), False)
    tensor.name = label
    return tensor


class _Builder:
    def __init__(
        self,
        values: Mapping[str, Any],
        requires_grad: bool | Mapping[str, bool],
        detach: frozenset[str] = frozenset(),
        formulas: bool = True,
    ) -> None:
        self.formulas = formulas
        self.values = values
        self.requires_grad = requires_grad
        self.detach = detach
        self.inputs: dict[str, Tensor] = {}
        self.named: dict[str, Tensor] = {}

    def input_requires_grad(self, name: str) -> bool:
        if isinstance(self.requires_grad, Mapping):
            return bool(self.requires_grad.get(name, True))
        return bool(self.requires_grad)

    def variable(self, node: Variable) -> Tensor:
        name = node.name
        if name in self.named:
            return self.named[name]
        if name not in self.inputs:
            if name not in self.values:
                start = node.span[0]
                raise ExprError(f"No value given for '{name}'", start + 1, node.span[1] + 1)
            leaf = make(np.array(self.values[name], dtype=np.float64), False)
            leaf._requires_grad = self.input_requires_grad(name)
            leaf.name = name
            if self.formulas:
                leaf.formula = name
            self.inputs[name] = leaf
        return self.inputs[name]

    def visit(self, node: Node, children: list[Any]) -> Any:
        if isinstance(node, Variable):
            return self.variable(node)
        if isinstance(node, Number):
            return _constant(node.value, number_text(node))
        if isinstance(node, Constant):
            return _constant(CONSTANTS[node.name][0], CONSTANTS[node.name][2])
        if isinstance(node, Definition):
            return self.define(node, children[0])
        if isinstance(node, Program):
            return children[-1] if children else None
        if isinstance(node, BinaryOp):
            rule = _BINARY_RULES[node.op]
            if rule is R.POW and isinstance(node.right, (Number, Constant)):
                rule = R.POW_SCALAR_EXPONENT  # PyTorch's name for x ** 2
            result = apply_elementwise(rule, tuple(children))
        elif isinstance(node, UnaryOp):
            result = apply_elementwise(_UNARY_RULES[node.op], tuple(children))
        elif isinstance(node, Call):
            spec = lookup(node.name)
            if spec is None or len(children) != spec.arity:
                raise ExprError(f"Unknown function '{node.name}'", node.span[0] + 1)
            result = apply_elementwise(R.TABLE_RULES[spec.name], tuple(children))
        else:
            raise TypeError(f"not an expression node: {type(node).__name__}")
        if self.formulas:
            result.formula = format_unicode(node)
        return result

    def define(self, node: Definition, tensor: Tensor) -> Tensor:
        if tensor.name is not None:
            # ``b = a`` or ``c = x``: an identity node carries the new name; the old keeps its own.
            formula = tensor.formula or tensor.name
            tensor = apply_elementwise(R.POS, (tensor,))
            tensor.formula = formula
        tensor.name = node.name
        self.named[node.name] = tensor
        if node.name not in self.detach:
            return tensor
        # Later lines read ``name.detach()``: a leaf sharing the value, with no history.
        cut = tensor.detach()
        cut.name = cut.formula = f"{node.name}.detach()"
        self.named[node.name] = cut
        return cut


def build_graph(
    tree: Node,
    values: Mapping[str, Any],
    *,
    requires_grad: bool | Mapping[str, bool] = True,
    detach: Collection[str] = (),
    formulas: bool = True,
) -> BuiltGraph:
    """Evaluate ``tree`` (an expression, a Definition or a Program) as a graph of tensors.

    ``values`` maps each variable to a number or array (arrays broadcast together). Numpy warnings
    are silenced: a grid through a pole gives inf/nan there, which the caller shows as a gap.

    ``requires_grad`` is one flag for every input, or a flag per input name (names left out
    require grad). ``detach`` names definitions that later lines use through ``.detach()``: the
    name then maps (in ``BuiltGraph.named``) to the detached copy, and no gradient flows back
    through it; the definition's own tensor stays in the graph as the copy's source. Naming
    something that is not a definition of ``tree`` raises ``ExprError``. ``formulas=False``
    leaves every node's ``formula`` None (names stay): the same values and gradients, no text.
    """
    detach_set = frozenset(detach)
    if detach_set:
        defined = {node.name for node in walk(tree) if isinstance(node, Definition)}
        unknown = sorted(detach_set - defined)
        if unknown:
            raise ExprError(f"No definition named '{unknown[0]}' to detach")
    builder = _Builder(values, requires_grad, detach_set, formulas)
    with np.errstate(all="ignore"), enable_grad():
        output = fold_tree(tree, builder.visit)
    if output is None:
        raise ExprError("Enter an expression")
    return BuiltGraph(output=output, inputs=builder.inputs, named=builder.named)
