"""The function table checked entry by entry against sympy: forward values, derivative formulas
and declared kinks (the places where the one-sided derivatives differ)."""

import numpy as np
import pytest
import sympy

from explorer.core.expr import parse
from explorer.core.functions import FUNCTIONS, FUNCTIONS_BY_NAME

U = sympy.Symbol("u", real=True)
ONE_ARGUMENT = [spec for spec in FUNCTIONS if spec.arity == 1]


def _points(spec, count=7):
    return np.concatenate([np.linspace(low, high, count) for low, high in spec.test_domains])


@pytest.mark.parametrize("spec", ONE_ARGUMENT, ids=lambda spec: spec.name)
def test_the_sympy_form_has_the_numpy_values(spec):
    as_numpy = sympy.lambdify(U, spec.to_sympy(U), modules="numpy")
    for point in _points(spec):
        assert float(as_numpy(point)) == pytest.approx(float(spec.forward(np.float64(point))))


@pytest.mark.parametrize(
    "spec", [s for s in ONE_ARGUMENT if s.derivative_formula], ids=lambda spec: spec.name
)
def test_the_derivative_formula_is_the_derivative(spec):
    formula = parse(spec.derivative_formula, variables=("u",)).numpy_function()
    derivative = sympy.lambdify(U, sympy.diff(spec.to_sympy(U), U), modules="numpy")
    for point in _points(spec):
        expected = float(derivative(point))
        assert float(formula(u=np.float64(point))) == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert float(spec.grad(point, spec.forward(point))) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("spec", [s for s in ONE_ARGUMENT if s.grad], ids=lambda spec: spec.name)
def test_kinks_are_declared_exactly_where_the_slope_jumps(spec):
    derivative = sympy.diff(spec.to_sympy(U), U)
    for kink in spec.kinks:
        left = sympy.limit(derivative, U, kink, dir="-")
        right = sympy.limit(derivative, U, kink, dir="+")
        assert left != right, f"{spec.name} is smooth at {kink}"
        assert sympy.limit(spec.to_sympy(U), U, kink, dir="-") == spec.to_sympy(sympy.Integer(kink))
    # sympy's derivative has a jump (sign, Heaviside, a piecewise form) exactly for kinked entries.
    jumps = derivative.has(sympy.sign, sympy.Heaviside, sympy.Piecewise)
    assert jumps == bool(spec.kinks)


def test_every_name_and_alias_is_one_entry():
    names = [name for spec in FUNCTIONS for name in (spec.name, *spec.aliases)]
    assert len(names) == len(set(names)) == len(FUNCTIONS_BY_NAME)
    assert [s.name for s in FUNCTIONS if s.kinks] == ["abs", "relu"]
    assert {s.name for s in FUNCTIONS if s.grad is None} == {"floor", "ceil", "sign", "step"}
    assert all(s.no_derivative_reason for s in FUNCTIONS if s.grad is None)
    # atan2 is the one function of two arguments (test_atan2_through_every_converter.py).
    assert [s.name for s in FUNCTIONS if s.arity != 1] == ["atan2"]
