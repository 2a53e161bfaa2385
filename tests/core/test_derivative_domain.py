"""f′ and f″ exist only where f does: ln x, log(x)/log(a) and friends outside their domain."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.derivative import prepare, tangent_at, three_derivatives

GRID = np.linspace(-5.0, 5.0, 2001)


@pytest.mark.parametrize("text", ["log(x)", "log(x)/log(a)", "log(x) + x^2"])
def test_f_prime_is_nan_exactly_where_f_is_undefined(text: str) -> None:
    function = prepare(text, {"a": 2.0})
    with np.errstate(all="ignore"):
        undefined = ~np.isfinite(function.f(GRID))
        # The formula alone (1/x, …) has values on the left half: masking is what hides them.
        formula = function.fprime_formula(GRID)
    assert np.any(undefined & np.isfinite(formula))
    assert np.all(np.isnan(function.fprime(GRID)[undefined]))
    second = function.where_defined(prepare(function.derivation.derivative).fprime)
    assert np.all(np.isnan(second(GRID)[undefined]))
    defined = ~undefined & (GRID > 0.1)
    np.testing.assert_allclose(function.fprime(GRID)[defined], formula[defined])


def test_agreement_counts_only_points_where_f_is_defined() -> None:
    result = three_derivatives("log(x)", GRID)
    positive = int(np.count_nonzero(GRID > 0))
    assert result.defined_count == positive
    for method in (result.symbolic, result.reverse, result.central):
        assert np.all(np.isnan(method[GRID <= 0]))
    np.testing.assert_allclose(result.symbolic[GRID > 0], 1.0 / GRID[GRID > 0])


def test_pole_is_still_a_note_after_masking() -> None:
    result = three_derivatives("1/x", GRID)
    assert any("pole" in message for message in result.note_messages)


def test_no_tangent_where_ln_is_undefined() -> None:
    tangent = tangent_at("log(x)", -3.23)
    assert not tangent.differentiable
    assert "not defined" in tangent.reason


def test_cancelling_kinks_give_the_true_slope_and_name_the_convention() -> None:
    # relu(x) − relu(−x) is x: slope 1 everywhere, although step(0) = 0 in the formula.
    tangent = tangent_at("relu(x)-relu(-x)", 0.0)
    assert tangent.differentiable
    assert tangent.slope == 1.0
    assert tangent.equation == "y = x"
    assert tangent.convention_slope == 0.0
    assert "0" in tangent.convention_note


@pytest.mark.parametrize("text", ["x*abs(x)", "abs(x)^3", "relu(x)^2"])
def test_smooth_kinks_keep_the_formula_value(text: str) -> None:
    tangent = tangent_at(text, 0.0)
    assert tangent.differentiable and tangent.slope == 0.0
    assert tangent.convention_slope is None


def test_three_way_check_calls_cancelling_kinks_a_convention() -> None:
    result = three_derivatives("relu(x)-relu(-x)", GRID)
    assert not result.conflicts
    (finding,) = result.conventions
    assert finding.kind == "cancelled kink" and finding.convention == 0.0
    assert "cancel" in finding.message


def test_parameter_making_a_divisor_zero_is_named_not_called_an_overflow() -> None:
    reason = tangent_at("log(x)/log(a)", 2.0, {"a": 1.0}).reason
    assert "ln(a) = 0" in reason and "division by zero" in reason
    assert "overflow" not in reason


def test_overflow_is_not_called_a_pole() -> None:
    text = "(x^2+x+1)^400*(x+2)^199"
    result = three_derivatives(text, GRID)
    # Independent check: the largest finite float is about 1.8e308, and f leaves it.
    with np.errstate(all="ignore"):
        assert np.any(np.isinf(prepare(text).f(GRID)))
    assert result.note_messages
    assert all("pole" not in note for note in result.note_messages)
    assert any("f overflows float64 here" in note for note in result.note_messages)
    assert "overflows float64" in tangent_at(text, 3.0).reason
    edge = tangent_at(text, -2.765)  # f finite, f′ beyond float64: not a vertical tangent
    assert "overflows" in edge.reason and "vertical" not in edge.reason


def test_real_poles_stay_poles() -> None:
    assert any("pole of f" in note for note in three_derivatives("tan(x)", GRID).note_messages)
    assert tangent_at("1/x", 0.0).reason == "f is not defined at x = 0"
