"""The function being minimised: a typed f(x) or f(x, y), its value and gradient at many points.

The race evaluates f and ∇f at every optimizer's current point once per step, so the gradient is
a reverse-mode sweep compiled once from the expression tree over the autodiff core's own rule
table (``explorer.core.autodiff.rules``: the same forward functions and partials the Tensor
engine uses). Only the loop is specialised: no Tensor objects, no graph bookkeeping, which makes a
step about ten times cheaper than building a graph. ``COMPILED_SWEEP = False`` switches back to the
Tensor engine (``from_tree.build_graph``); the tests run both and compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.autodiff import rules as R
from explorer.core.autodiff.from_tree import build_graph
from explorer.core.expr import ExprError, Expression, parse
from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Node,
    Number,
    UnaryOp,
    Variable,
    walk,
)
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

# Switch for the speed economy above (tests run with it on and off).
COMPILED_SWEEP = True

VARIABLES_1D = ("x",)
VARIABLES_2D = ("x", "y")

_BINARY_RULES = {"+": R.ADD, "-": R.SUB, "*": R.MUL, "/": R.DIV, "^": R.POW}
_UNARY_RULES = {"-": R.NEG, "+": R.POS}


@dataclass(frozen=True)
class _Operation:
    rule: R.OpRule
    arguments: tuple[int, ...]  # slots of the arguments
    depends: tuple[bool, ...]  # whether each argument depends on a variable


class _Sweep:
    """f's tree as a list of operations over numbered slots: forward in order, backward reversed."""

    def __init__(self, tree: Node, variables: tuple[str, ...]) -> None:
        self.variables = variables
        self.constants: dict[int, float] = {}
        self.variable_slots: dict[str, int] = {}
        self.operations: dict[int, _Operation] = {}
        self.varying: set[int] = set()
        self.slots = 0
        self.output = fold_tree(tree, self._visit)

    def _new_slot(self) -> int:
        self.slots += 1
        return self.slots - 1

    def _visit(self, node: Node, children: list[int]) -> int:
        if isinstance(node, Variable):
            if node.name not in self.variable_slots:
                slot = self.variable_slots[node.name] = self._new_slot()
                self.varying.add(slot)
            return self.variable_slots[node.name]
        if isinstance(node, (Number, Constant)):
            slot = self._new_slot()
            value = node.value if isinstance(node, Number) else CONSTANTS[node.name][0]
            self.constants[slot] = np.float64(value)
            return slot
        if isinstance(node, BinaryOp):
            rule = _BINARY_RULES[node.op]
        elif isinstance(node, UnaryOp):
            rule = _UNARY_RULES[node.op]
        elif isinstance(node, Call):
            spec = lookup(node.name)
            if spec is None or len(children) != spec.arity:
                raise ExprError(f"Unknown function '{node.name}'", node.span[0] + 1)
            rule = R.TABLE_RULES[spec.name]
        else:
            raise ExprError("Descent needs one formula in x (and y), not definitions")
        slot = self._new_slot()
        depends = tuple(child in self.varying for child in children)
        if any(depends):
            self.varying.add(slot)
        self.operations[slot] = _Operation(rule, tuple(children), depends)
        return slot

    def run(self, columns: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        count = len(next(iter(columns.values())))
        values: list[Any] = [None] * self.slots
        for slot, value in self.constants.items():
            values[slot] = value
        for name, slot in self.variable_slots.items():
            values[slot] = columns[name]
        for slot, operation in self.operations.items():
            values[slot] = operation.rule.forward(*(values[a] for a in operation.arguments))
        grads: list[Any] = [None] * self.slots
        if self.output in self.varying:
            grads[self.output] = np.ones(count)
        for slot in reversed(self.operations):
            g = grads[slot]
            if g is None:
                continue
            operation = self.operations[slot]
            arguments = [values[a] for a in operation.arguments]
            for index, argument in enumerate(operation.arguments):
                if not operation.depends[index]:
                    continue
                partial = operation.rule.partials[index](*arguments, values[slot])
                if partial is R.PLUS_ONE:
                    contribution = g
                elif partial is R.MINUS_ONE:
                    contribution = -g
                else:
                    contribution = g * partial
                previous = grads[argument]
                grads[argument] = contribution if previous is None else previous + contribution
        output = np.broadcast_to(np.asarray(values[self.output], dtype=np.float64), (count,))
        gradient = {}
        for name in self.variables:
            slot = self.variable_slots.get(name)
            g = None if slot is None else grads[slot]
            gradient[name] = np.zeros(count) if g is None else np.broadcast_to(g, (count,))
        return output, gradient


class Objective:
    """f typed by the learner in x (1-D) or x and y (2-D): values and gradients at points."""

    def __init__(self, expression: Expression) -> None:
        self.expression = expression
        self.variables: tuple[str, ...] = expression.declared_variables
        self._sweep = _Sweep(expression.tree, self.variables)

    @property
    def dimension(self) -> int:
        return len(self.variables)

    @property
    def text(self) -> str:
        return self.expression.text

    def display(self) -> str:
        return self.expression.display()

    def value_and_gradient(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """f and ∇f at each row of ``points`` (shape (K, d)): arrays (K,) and (K, d)."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, self.dimension)
        columns = {name: points[:, i] for i, name in enumerate(self.variables)}
        with np.errstate(all="ignore"):
            if COMPILED_SWEEP:
                value, gradient = self._sweep.run(columns)
            else:
                graph = build_graph(self.expression.tree, columns, formulas=False)
                value = np.broadcast_to(np.asarray(graph.output.detach().numpy()), (len(points),))
                found = graph.gradients()
                gradient = {
                    name: np.broadcast_to(found.get(name, 0.0), (len(points),))
                    for name in self.variables
                }
        stacked = np.stack([gradient[name] for name in self.variables], axis=1)
        return np.array(value, dtype=np.float64), np.array(stacked, dtype=np.float64)

    def values(self, points: np.ndarray) -> np.ndarray:
        """f at each row of ``points`` (shape (K, d)), or on grids: f(x=X, y=Y)."""
        return self.value_and_gradient(points)[0]

    def on_grid(self, **columns: np.ndarray) -> np.ndarray:
        """f on arrays of x (and y) of any shape, for plots and contour maps."""
        return self.expression.numpy_function()(**columns)


def _refuse_flat_functions(expression: Expression) -> None:
    """floor, ceil, sign, step have slope 0 wherever they have one: descent would not move."""
    for node in walk(expression.tree):
        if isinstance(node, Call):
            spec = lookup(node.name)
            if spec is not None and not spec.differentiable:
                raise ExprError(
                    f"Gradient descent needs a slope to follow, but {spec.name} gives none "
                    f"({spec.no_derivative_reason})",
                    node.span[0] + 1,
                )


def parse_objective(text: str, dimension: int | None = None) -> Objective:
    """Parse f in x (and y). ``dimension`` None: 2-D when the formula uses y, else 1-D."""
    if dimension is None:
        expression = parse(text, VARIABLES_2D)
        dimension = 2 if "y" in expression.variables else 1
        if dimension == 1:
            expression = parse(text, VARIABLES_1D)
    else:
        expression = parse(text, VARIABLES_2D if dimension == 2 else VARIABLES_1D)
    _refuse_flat_functions(expression)
    return Objective(expression)
