"""Symbolic, reverse-mode and central-difference derivatives agree, or say why they do not."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.derivative import three_derivatives
from explorer.core.expr import parse
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy

GRID = np.arange(-2500, 2501) / 2500 * 3  # 5,001 points with x = 0 exactly


@pytest.mark.parametrize(
    "text", ["sin(x)*x^2", "exp(-x^2)*cos(3x)", "sigmoid(2x) - tanh(x)", "3x^2 - 4x"]
)
def test_smooth_functions_agree_everywhere(text: str) -> None:
    result = three_derivatives(text, GRID)
    assert result.all_agree, result.messages
    x = real_symbol("x")
    reference = sympy.lambdify(x, sympy.diff(tree_to_sympy(parse(text).tree, {"x": x}), x), "numpy")
    expected = np.broadcast_to(reference(GRID), GRID.shape)
    assert np.allclose(result.symbolic, expected, rtol=1e-12, atol=1e-12)
    assert np.allclose(result.reverse, expected, rtol=1e-12, atol=1e-12)
    assert np.allclose(result.central, expected, rtol=1e-6, atol=1e-7)


def test_abs_kink_on_the_grid() -> None:
    result = three_derivatives("|x|", GRID)
    assert [p.x for p in result.points] == [0.0]
    assert result.points[0].kind == "kink"
    assert result.messages[0].startswith("At x = 0 the ")
    # All three report sign(0) = 0 at the kink: a convention, said as such.
    assert result.messages[0] == (
        "At x = 0 the derivative does not exist (kink of |x|); all three methods report the "
        "convention value 0"
    )
    assert result.points[0].convention == 0.0 and not result.conflicts
    assert result.disagree.sum() == 1


def test_kink_between_samples_is_located() -> None:
    grid = np.linspace(-1, 2, 1000)
    result = three_derivatives("|x - 1|", grid)
    assert len(result.points) == 1
    assert result.points[0].x == pytest.approx(1.0, abs=1e-12)
    assert "(kink of |x − 1|)" in result.messages[0]


def test_relu_kink_message() -> None:
    result = three_derivatives("relu(x)", GRID)
    assert result.messages == ["At x = 0 the three derivatives disagree: relu(x) has a kink there"]


def test_pole_is_a_neutral_note_not_a_disagreement() -> None:
    result = three_derivatives("1/x", GRID)
    assert result.all_agree and not result.points and not result.disagree.any()
    assert [n.kind for n in result.notes] == ["pole"]
    assert result.note_messages == ["f′ is undefined at x = 0 (pole of f)"]
    # x = 0 and its two neighbours, whose central differences reach across the pole.
    assert np.flatnonzero(result.undefined).tolist() == [2499, 2500, 2501]
    assert result.defined_count == GRID.size - 3


def test_d2l_function_has_only_the_pole_note() -> None:
    result = three_derivatives("x^3 - 1/x", np.linspace(-5, 5, 2001))
    assert result.all_agree
    assert result.note_messages == ["f′ is undefined at x = 0 (pole of f)"]
    finite = ~result.undefined
    expected = 3 * result.x[finite] ** 2 + 1 / result.x[finite] ** 2
    assert np.allclose(result.symbolic[finite], expected, rtol=1e-12)


def test_pole_between_samples_is_located() -> None:
    grid = np.linspace(-5, 5, 2000)  # no sample on ±π/2 or ±3π/2
    result = three_derivatives("tan(x)", grid)
    assert result.all_agree
    assert {n.kind for n in result.notes} == {"pole"}
    poles = np.array([n.x for n in result.notes])
    expected = np.array([-1.5, -0.5, 0.5, 1.5]) * np.pi
    assert poles.shape == expected.shape
    assert np.allclose(poles, expected, atol=grid[1] - grid[0])


def test_kink_on_a_pole_is_a_pole() -> None:
    # log(|x|): |x| has its kink at 0, but f is −∞ there; the pole is what the learner sees.
    result = three_derivatives("log(|x|)", GRID)
    assert result.all_agree
    assert result.note_messages == ["f′ is undefined at x = 0 (pole of f)"]


def test_hole_where_f_has_no_value_is_a_note() -> None:
    result = three_derivatives("sin(x)/x", GRID)
    assert result.all_agree
    assert result.note_messages == ["f′ is undefined at x = 0 (f is not defined there)"]
    assert result.notes[0].kind == "undefined"


def test_real_disagreement_and_pole_are_kept_apart() -> None:
    grid = np.linspace(-3, 3, 2001)  # samples on x = 1 and x = −1
    result = three_derivatives("|x - 1| + 1/(x + 1)", grid)
    assert [(p.kind, round(p.x, 12)) for p in result.points] == [("kink", 1.0)]
    assert result.note_messages == ["f′ is undefined at x = −1 (pole of f)"]
    assert not (result.disagree & result.undefined).any()
    assert result.disagree[np.isclose(grid, 1.0)].all()
    assert result.undefined[np.isclose(grid, -1.0)].all()


def test_jump_is_explained() -> None:
    grid = np.linspace(0.25, 2.75, 1001)  # contains the jumps at 1 and 2
    result = three_derivatives("floor(x) + x", grid)
    kinds = {p.kind for p in result.points}
    assert kinds == {"jump"}
    assert sorted(round(p.x) for p in result.points) == [1, 2]
    assert np.all(result.symbolic == 1.0)


def test_parameters_reach_all_three() -> None:
    result = three_derivatives("a*x^2 + b", GRID, {"a": -2.5, "b": 4})
    assert result.all_agree
    assert np.allclose(result.reverse, -5 * GRID)
    assert np.allclose(result.symbolic, -5 * GRID)


def test_constant_function_has_zero_derivative() -> None:
    result = three_derivatives("pi", GRID)
    assert result.all_agree
    assert np.all(result.reverse == 0) and np.all(result.symbolic == 0)


def test_kink_that_does_not_break_the_slope_is_not_reported() -> None:
    assert three_derivatives("x*|x|", GRID).all_agree
    assert three_derivatives("|x|^3", GRID).all_agree


def test_formula_conventions_are_named() -> None:
    removable = three_derivatives("exp(-1/x^2)", GRID)
    assert [p.kind for p in removable.points] == ["method"]
    assert "formula is undefined there" in removable.messages[0]
