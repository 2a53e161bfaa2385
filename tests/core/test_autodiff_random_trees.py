"""Hypothesis: on random expression trees, the autodiff gradient equals sympy's gradient."""

from __future__ import annotations

import math

import numpy as np
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.core.autodiff.from_tree import build_graph
from explorer.core.autodiff.introspect import snapshot
from explorer.core.expr.nodes import BinaryOp, Call, Number, UnaryOp, Variable
from explorer.core.expr.to_sympy import tree_to_sympy

# Functions defined on the whole real line; sqrt and log get a positive argument below.
SMOOTH_EVERYWHERE = ("sin", "cos", "exp", "tanh", "sigmoid", "atan", "sinh", "softplus")

leaves = st.one_of(
    st.sampled_from([Variable("x"), Variable("y")]),
    st.integers(1, 5).map(lambda n: Number(float(n), str(n))),
    st.sampled_from([Number(0.5, "0.5"), Number(1.5, "1.5")]),
)


def _extend(children):
    binary = st.tuples(st.sampled_from("+-*"), children, children).map(
        lambda t: BinaryOp(t[0], t[1], t[2])
    )
    # Division by 1 + u² never divides by zero.
    safe_division = st.tuples(children, children).map(
        lambda t: BinaryOp("/", t[0], _one_plus_square(t[1]))
    )
    power = st.tuples(children, st.integers(2, 3)).map(
        lambda t: BinaryOp("^", t[0], Number(float(t[1]), str(t[1])))
    )
    smooth = st.tuples(st.sampled_from(SMOOTH_EVERYWHERE), children).map(
        lambda t: Call(t[0], (t[1],))
    )
    positive_argument = st.tuples(st.sampled_from(["sqrt", "log"]), children).map(
        lambda t: Call(t[0], (_one_plus_square(t[1]),))
    )
    negation = children.map(lambda c: UnaryOp("-", c))
    return st.one_of(binary, safe_division, power, smooth, positive_argument, negation)


def _one_plus_square(node):
    return BinaryOp("+", Number(1.0, "1"), BinaryOp("^", node, Number(2.0, "2")))


trees = st.recursive(leaves, _extend, max_leaves=8)
coordinates = st.tuples(st.floats(1e-3, 1.5), st.booleans()).map(
    lambda pair: pair[0] if pair[1] else -pair[0]
)


def _sympy_gradient(tree, point):
    x, y = sympy.Symbol("x", real=True), sympy.Symbol("y", real=True)
    expression = tree_to_sympy(tree, {"x": x, "y": y})
    values = {x: sympy.Float(point["x"], 40), y: sympy.Float(point["y"], 40)}
    gradient = []
    for symbol in (x, y):
        derivative = sympy.diff(expression, symbol)
        gradient.append(complex(derivative.evalf(30, subs=values)))
    return gradient


@settings(max_examples=120)
@given(tree=trees, x_value=coordinates, y_value=coordinates)
def test_gradient_of_random_tree_matches_sympy(tree, x_value, y_value):
    point = {"x": x_value, "y": y_value}
    with np.errstate(all="ignore"):
        built = build_graph(tree, point)
        ours = built.gradients()
    expected = _sympy_gradient(tree, point)
    for name, exact in zip(("x", "y"), expected, strict=True):
        assume(abs(exact.imag) < 1e-12 and math.isfinite(exact.real) and abs(exact.real) < 1e8)
        mine = float(ours.get(name, 0.0))  # a variable absent from the tree has slope 0
        assume(math.isfinite(mine))
        assert math.isclose(mine, exact.real, rel_tol=1e-7, abs_tol=1e-9), (name, mine, exact)


@settings(max_examples=60)
@given(tree=trees, x_value=coordinates, y_value=coordinates)
def test_snapshot_of_random_tree_is_topological_with_one_edge_per_use(tree, x_value, y_value):
    built = build_graph(tree, {"x": x_value, "y": y_value})
    graph = snapshot(built.output)
    position = {node.id: index for index, node in enumerate(graph.nodes)}
    for edge in graph.edges:
        assert position[edge.source] < position[edge.target]
    interior = [node for node in graph.nodes if not node.is_leaf]
    expected_edges = sum(1 if node.op in ("neg", "pos") or node.op not in "add sub mul div pow"
                         else 2 for node in interior)  # fmt: skip
    assert len(graph.edges) == expected_edges
    assert graph.nodes[-1].id == graph.output_id
