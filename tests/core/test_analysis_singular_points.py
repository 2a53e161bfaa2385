"""Nothing is reported at a pole or a jump; holes and vertical asymptotes are, where they are."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.core.analysis import analyze_curves, define_curves

X_RANGE = (-5.0, 5.0)


def _analysis(text: str, x_range=X_RANGE):
    return analyze_curves(define_curves([text]), {}, x_range).curves[0]


def _xs(analysis, kind: str) -> list[float]:
    return [p.x for p in analysis.of_kind(kind)]


SMOOTH_KINDS = ("root", "local minimum", "local maximum", "inflection point", "y-intercept")


@pytest.mark.parametrize(
    ("text", "poles"),
    [
        ("1/x", [0.0]),
        ("1/(x - 0.1)", [0.1]),
        ("1/x^2", [0.0]),
        ("tan(x)", [-3 * math.pi / 2, -math.pi / 2, math.pi / 2, 3 * math.pi / 2]),
        ("x/(x^2 - 2x + 1)", [1.0]),
        ("(x^2 - 4)/(x^2 - 1)", [-1.0, 1.0]),
        ("ln(abs(x))", [0.0]),
    ],
)
def test_poles_are_asymptotes_and_nothing_else_is_marked_there(text, poles) -> None:
    analysis = _analysis(text)
    assert _xs(analysis, "vertical asymptote") == pytest.approx(poles, abs=1e-9)
    for kind in SMOOTH_KINDS:
        for x in _xs(analysis, kind):
            assert min(abs(x - p) for p in poles) > 1e-3, (text, kind, x)


@pytest.mark.parametrize("text", ["floor(x) - 0.5", "sign(x)", "step(x - 1) - 0.5", "x/abs(x)"])
def test_jumps_get_no_roots_extrema_or_markers(text) -> None:
    analysis = _analysis(text)
    assert analysis.of_kind("root") == ()
    assert analysis.of_kind("local minimum") == analysis.of_kind("local maximum") == ()
    assert analysis.of_kind("vertical asymptote") == ()


@pytest.mark.parametrize(
    ("text", "hole"),
    [
        ("sin(x)/x", (0.0, 1.0)),
        ("(x^2 - 1)/(x - 1)", (1.0, 2.0)),
        ("(x - 1/3)/(3x - 1)", (1 / 3, 1 / 3)),
        ("x^2/x", (0.0, 0.0)),
        ("(exp(x) - 1)/x", (0.0, 1.0)),
    ],
)
def test_holes_are_found_with_their_limit(text, hole) -> None:
    analysis = _analysis(text)
    holes = analysis.of_kind("hole")
    assert len(holes) == 1
    assert holes[0].x == pytest.approx(hole[0], abs=1e-12)
    assert holes[0].y == pytest.approx(hole[1], abs=1e-9)
    assert analysis.of_kind("vertical asymptote") == ()
    # A hole is not an extremum, even where the curve peaks (sin(x)/x at 0).
    for point in analysis.of_kind("local maximum") + analysis.of_kind("local minimum"):
        assert abs(point.x - hole[0]) > 1e-3


def test_sin_x_over_x_has_no_global_maximum_only_a_limit() -> None:
    analysis = _analysis("sin(x)/x")
    assert analysis.maximum.x is None
    assert "approaches 1" in analysis.maximum.note


def test_roots_hidden_between_samples_of_a_steep_curve_are_found() -> None:
    # Two roots 2e-4 apart around 1e-3: far closer than the 0.005 grid spacing.
    analysis = _analysis("(x - 0.0009)*(x - 0.0011)*1000")
    assert _xs(analysis, "root") == pytest.approx([0.0009, 0.0011], abs=1e-12)
    assert _xs(analysis, "local minimum") == pytest.approx([0.001], abs=1e-12)
    # Two extrema within one grid cell, separated by an inflection point.
    analysis = _analysis("x^3 - 1e-6*x")
    expected = math.sqrt(1e-6 / 3)
    assert _xs(analysis, "local maximum") == pytest.approx([-expected], abs=1e-12)
    assert _xs(analysis, "local minimum") == pytest.approx([expected], abs=1e-12)
    assert _xs(analysis, "root") == pytest.approx([-1e-3, 0.0, 1e-3], abs=1e-12)


def test_a_steep_narrow_dip_below_zero_is_two_roots() -> None:
    # A Gaussian dip of width 1e-3 reaching below 0: invisible to the grid's sign changes.
    analysis = _analysis("1 - 2*exp(-((x - 0.3)/0.001)^2)")
    roots = _xs(analysis, "root")
    half_width = 0.001 * math.sqrt(math.log(2))
    assert roots == pytest.approx([0.3 - half_width, 0.3 + half_width], abs=1e-9)


def test_y_intercept_and_no_intercept_at_a_pole_or_hole() -> None:
    assert _xs(_analysis("x^2 + 3"), "y-intercept") == [0.0]
    assert _analysis("x^2 + 3").of_kind("y-intercept")[0].y == 3.0
    assert _analysis("1/x").of_kind("y-intercept") == ()
    assert _analysis("sin(x)/x").of_kind("y-intercept") == ()
    assert _analysis("x^2", (1.0, 2.0)).of_kind("y-intercept") == ()


def test_touching_roots_are_reported_once() -> None:
    analysis = _analysis("(x - 1)^2*(x + 2)")
    assert _xs(analysis, "root") == pytest.approx([-2.0, 1.0], abs=1e-9)


def test_points_are_sorted_and_inside_the_range() -> None:
    analysis = _analysis("sin(3x)", (-2.0, 7.0))
    xs = [p.x for p in analysis.points]
    assert xs == sorted(xs)
    assert all(-2.0 <= x <= 7.0 for x in xs)
    assert np.allclose(_xs(analysis, "root"), [k * math.pi / 3 for k in range(-1, 7)])


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("sqrt(x)", [0.0]),
        ("sqrt(x^2 - 4)", [-2.0, 2.0]),
        ("sqrt(4 - x^2) - 1", [-(3**0.5), 3**0.5]),
    ],
)
def test_roots_at_the_edge_of_the_domain(text, roots) -> None:
    analysis = _analysis(text)
    assert _xs(analysis, "root") == pytest.approx(roots, abs=1e-9)
    if text != "sqrt(4 - x^2) - 1":
        assert analysis.minimum.y == 0.0
    assert _analysis("log(x)").of_kind("root")[0].x == pytest.approx(1.0, abs=1e-12)


def test_steep_roots_vertical_tangents_and_corners() -> None:
    cube_root = _analysis("cbrt(x)")
    assert [(p.kind, p.x, p.y) for p in cube_root.points if p.kind != "y-intercept"] == [
        ("inflection point", 0.0, 0.0),
        ("root", 0.0, 0.0),
    ]
    principal = _analysis("x^(1/3)")  # defined for x >= 0 only: its root is the domain's edge
    assert _xs(principal, "root") == [0.0]
    corners = _analysis("abs(x^2 - 1)")  # f″ changes sign at ±1, but there is no tangent there
    assert corners.of_kind("inflection point") == ()
    assert _xs(corners, "local minimum") == pytest.approx([-1.0, 1.0], abs=1e-12)
