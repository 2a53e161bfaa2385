"""Property tests: on random trees, every step's result is sympy's derivative of its part."""

from __future__ import annotations

import math

import numpy as np
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.core.derivative.steps import derive
from explorer.core.expr import parse
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Number, UnaryOp, Variable
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy
from explorer.core.functions import FUNCTIONS

X = real_symbol("x")
SMOOTH_FUNCTIONS = [
    s.name for s in FUNCTIONS if s.derivative_formula and not s.kinks and s.arity == 1
]
POINTS = (0.37, 0.81, 1.23, 1.9, 2.6)

leaves = st.one_of(
    st.just(Variable("x")),
    st.integers(1, 5).map(lambda n: Number(float(n), str(n))),
    st.sampled_from([Number(0.5, "0.5"), Number(2.5, "2.5"), Constant("pi"), Constant("e")]),
)


def _extend(children):
    binary = st.tuples(st.sampled_from("+-*/"), children, children).map(
        lambda t: BinaryOp(t[0], t[1], t[2])
    )
    powers = st.tuples(children, st.sampled_from([2, 3, -1, 0.5])).map(
        lambda t: BinaryOp("^", t[0], Number(float(t[1]), str(t[1])))
    )
    exponentials = children.map(lambda c: BinaryOp("^", Number(2.0, "2"), c))
    general = children.map(lambda c: BinaryOp("^", Variable("x"), c))
    calls = st.tuples(st.sampled_from(SMOOTH_FUNCTIONS), children).map(
        lambda t: Call(t[0], (t[1],))
    )
    negations = children.map(lambda c: UnaryOp("-", c))
    angles = st.tuples(children, children).map(lambda t: Call("atan2", t))
    return st.one_of(binary, powers, exponentials, general, calls, negations, angles)


trees = st.recursive(leaves, _extend, max_leaves=6)


def _values(expression) -> list[complex]:
    if expression.has(sympy.zoo, sympy.nan):
        # x/(x − x) folds to zoo (complex infinity), which lambdify cannot print: undefined.
        return [complex(math.nan)] * len(POINTS)
    function = sympy.lambdify(X, expression, "numpy")
    values = []
    for point in POINTS:
        try:
            with np.errstate(all="ignore"):
                values.append(complex(np.asarray(function(point), dtype=complex)))
        except (OverflowError, ZeroDivisionError, ValueError):
            values.append(complex(math.nan))  # outside float range: nothing to compare
    return values


def _close_where_defined(ours, reference) -> None:
    for a, b in zip(_values(ours), _values(reference), strict=True):
        real = a.imag == 0 and b.imag == 0
        if real and math.isfinite(a.real) and math.isfinite(b.real) and abs(b.real) < 1e12:
            assert math.isclose(a.real, b.real, rel_tol=1e-7, abs_tol=1e-7), (ours, reference)


@settings(max_examples=120)
@given(trees)
def test_random_trees_differentiate_like_sympy(tree) -> None:
    try:
        original = tree_to_sympy(tree, {"x": X})
    except ExprError:
        assume(False)  # e.g. 2^2^3^3: too large for sympy to build exactly; not about steps
    derivation = derive(tree, "x")
    ours = tree_to_sympy(derivation.derivative, {"x": X})
    _close_where_defined(ours, sympy.diff(original, X))


def test_every_step_is_a_correct_derivative_of_its_part() -> None:
    for text in ("x^2 sin(x)/(1 + e^x)", "sqrt(log(x^2 + 1))*2^x", "x^x - tan(3x)/x"):
        for step in derive(parse(text).tree).steps:
            ours = tree_to_sympy(step.derivative, {"x": X})
            reference = sympy.diff(tree_to_sympy(step.expression, {"x": X}), X)
            assert sympy.simplify(ours - reference) == 0, (text, step.describe())


def test_steps_come_outside_in() -> None:
    steps = derive(parse("sin(x^2 + 1)").tree).steps
    assert [s.depth for s in steps] == [0, 1, 2, 2]
    assert [s.rule for s in steps] == ["chain", "sum", "power", "constant"]
