"""Difference quotients, the seed's h → 0 table (verbatim), error vs h in float64 and float32."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.core.derivative import prepare
from explorer.core.derivative.difference import (
    TABLE_STEPS,
    central_difference,
    error_vs_h,
    format_seed_row,
    forward_difference,
    limit_table,
    seed_limit_lines,
)

SEED_LINES = [
    "h=0.00010, numerical limit=2.00030",
    "h=0.00001, numerical limit=2.00003",
    "h=0.00000, numerical limit=2.00000",
    "h=0.00000, numerical limit=2.00000",
    "h=0.00000, numerical limit=2.00000",
]


def seed_f(x):
    return 3 * x**2 - 4 * x


def test_seed_loop_reproduced_verbatim_from_our_parser() -> None:
    function = prepare("3x^2 - 4x")
    assert seed_limit_lines(function.f, 1.0) == SEED_LINES


def test_seed_loop_with_the_seed_own_python_function() -> None:
    assert seed_limit_lines(seed_f, 1) == SEED_LINES


@pytest.mark.parametrize("h", [0.1, 1e-4, 1.0000000000000001e-05, 1e-12, 0.5])
@pytest.mark.parametrize("value", [2.0003, -1.23456789, 0.0, 123456.7])
def test_format_seed_row_is_the_seed_format(h: float, value: float) -> None:
    assert format_seed_row(h, value) == f"h={h:.5f}, numerical limit={value:.5f}"


def test_quotients_match_the_definition() -> None:
    assert float(forward_difference(seed_f, 1.0, 0.1)) == pytest.approx(2.3)
    assert float(central_difference(seed_f, 1.0, 0.1)) == pytest.approx(2.0)
    points = np.array([0.5, 1.0, 2.0])
    assert np.allclose(forward_difference(np.sin, points, 1e-6), np.cos(points), atol=1e-5)


def test_float32_really_computes_in_float32() -> None:
    function = prepare("3x^2 - 4x")
    f32 = function.function(np.float32)
    assert f32(np.array([1.0])).dtype == np.float32
    forward32 = forward_difference(f32, 1.0, 1e-4, np.float32)
    forward64 = forward_difference(function.f, 1.0, 1e-4)
    assert forward32.dtype == np.float32
    assert abs(float(forward64) - 2.0003) < 1e-9
    # float32 round-off at h = 1e-4 is about ε₃₂/h ≈ 1e-3: far from the float64 value.
    assert abs(float(forward32) - 2.0003) > 1e-5
    # And it matches a hand-written float32 evaluation exactly.
    x, h = np.float32(1.0), np.float32(1e-4)
    by_hand = (
        (np.float32(3) * (x + h) ** 2 - np.float32(4) * (x + h)) - (np.float32(3) * x**2 - 4 * x)
    ) / h
    assert float(forward32) == pytest.approx(float(by_hand), rel=1e-6)


def test_limit_table_rows_and_convergence() -> None:
    function = prepare("3x^2 - 4x")
    rows = limit_table(function.f, 1.0, exact=2.0)
    assert [row.h for row in rows] == pytest.approx([10.0**-k for k in range(1, 13)])
    assert len(rows) == len(TABLE_STEPS) == 12
    assert rows[0].forward == pytest.approx(2.3)
    assert rows[3].seed_text == "h=0.00010, numerical limit=2.00030"
    assert rows[0].text == "h=1e-01  forward=2.30000  central=2.00000"
    # Forward error is exactly 3h for this quadratic until round-off takes over.
    for row in rows[:5]:
        assert row.forward_error == pytest.approx(3 * row.h, rel=1e-4)
        assert row.central_error < 1e-9
    assert rows[-1].forward_error > rows[5].forward_error


@pytest.mark.parametrize(("text", "x0"), [("sin(x)", 1.0), ("exp(x)", 0.5), ("x^3 - 1/x", 1.0)])
def test_error_vs_h_slopes_in_float64(text: str, x0: float) -> None:
    function = prepare(text)
    exact = float(function.fprime(np.float64(x0)))
    result = error_vs_h(function.f, x0, exact)
    assert result.forward_slope == pytest.approx(1.0, abs=0.1)
    assert result.central_slope == pytest.approx(2.0, abs=0.1)
    epsilon = np.finfo(np.float64).eps
    assert result.theoretical_best_forward == pytest.approx(math.sqrt(epsilon))
    assert result.theoretical_best_central == pytest.approx(epsilon ** (1 / 3))
    # The measured optimum sits near the textbook estimates (within two decades).
    assert 1e-2 < result.best_h_forward / result.theoretical_best_forward < 1e2
    assert 1e-2 < result.best_h_central / result.theoretical_best_central < 1e2
    # Round-off makes tiny steps worse than the best one.
    assert result.forward_error[-1] > 100 * result.forward_error.min()


@pytest.mark.parametrize("text", ["sin(x)", "exp(x)", "x^3 - 1/x"])
def test_best_h_is_much_larger_in_float32(text: str) -> None:
    function = prepare(text)
    exact = float(function.fprime(np.float64(1.0)))
    f64 = error_vs_h(function.f, 1.0, exact)
    f32 = error_vs_h(function.function(np.float32), 1.0, exact, dtype=np.float32)
    assert f32.dtype == "float32"
    assert f32.best_h_forward > 100 * f64.best_h_forward
    assert f32.best_h_central > 10 * f64.best_h_central
    assert f32.forward_error.min() > 100 * f64.forward_error.min()
    assert f32.theoretical_best_forward == pytest.approx(math.sqrt(np.finfo(np.float32).eps))


@pytest.mark.parametrize(
    ("text", "x0", "exact", "forward_exact", "central_exact"),
    [
        # Central differences of a quadratic have no truncation error: (f(x+h) − f(x−h))/2h = f′.
        ("x^2", 0.0, 0.0, False, True),
        ("3x^2 - 4x", 1.0, 2.0, False, True),
        ("2x + 1", 3.0, 2.0, True, True),
        ("sin(x)", 1.0, math.cos(1.0), False, False),
        ("x^3", 0.0, 0.0, False, False),
    ],
)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_error_vs_h_detects_exact_quotients(text, x0, exact, forward_exact, central_exact, dtype):
    function = prepare(text)
    result = error_vs_h(function.function(dtype), x0, exact, dtype)
    assert (result.forward_exact, result.central_exact) == (forward_exact, central_exact)
