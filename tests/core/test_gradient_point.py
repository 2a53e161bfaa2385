"""Geometry at P: the level-curve tangent ⟂ ∇f, D_u f(θ) peaks at |∇f| in ∇f's direction,
slices' slopes are the partials, the tolerance region of the linear approximation."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.gradient.field import level_lines, sample_field
from explorer.core.gradient.point import (
    analyse_point,
    direction_extremes,
    directional_curve,
    directional_derivative,
    slices,
    tangent_segment,
    within_tolerance,
)
from explorer.core.gradient.surface import Surface

FUNCTIONS = ["x^2 + 2y^2", "log(exp(x) + exp(y))", "sin(x)*cos(y)", "x^2 - y^2", "x*exp(-y^2)"]
coordinates = st.floats(min_value=-1.5, max_value=1.5, allow_nan=False)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(FUNCTIONS), coordinates, coordinates)
def test_level_curve_tangent_is_perpendicular_to_the_gradient(text, x, y):
    analysis = analyse_point(Surface.from_text(text), x, y)
    tangent = analysis.tangent_direction
    if tangent is None:
        assert analysis.is_stationary
        return
    assert math.hypot(*tangent) == pytest.approx(1.0)
    assert tangent[0] * analysis.df_dx + tangent[1] * analysis.df_dy == pytest.approx(
        0.0, abs=1e-12 * max(1.0, analysis.norm)
    )


def test_tangent_follows_the_traced_level_curve():
    # Independent of ∇f: the contour contourpy traces through P leaves P along the tangent.
    surface = Surface.from_text("x^2 + 2y^2")
    analysis = analyse_point(surface, 1.0, 0.5)
    grid = sample_field(surface.field_function(), (0.5, 1.5), (0.0, 1.0), size=401)
    (line,) = level_lines(grid, [analysis.value])
    points = np.column_stack((line.x, line.y))
    points = points[np.isfinite(points[:, 0])]
    distance = np.hypot(points[:, 0] - 1.0, points[:, 1] - 0.5)
    near = points[(distance > 0.02) & (distance < 0.05)]
    chords = (near - [1.0, 0.5]) / np.hypot(*(near - [1.0, 0.5]).T)[:, None]
    tangent = np.array(analysis.tangent_direction)
    assert np.min(np.abs(chords @ tangent)) > 0.995
    xs, ys = tangent_segment(analysis, 0.5)
    assert (xs[1] - xs[0], ys[1] - ys[0]) == pytest.approx(tuple(tangent))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(FUNCTIONS), coordinates, coordinates)
def test_directional_derivative_is_largest_along_the_gradient(text, x, y):
    analysis = analyse_point(Surface.from_text(text), x, y)
    theta, values = directional_curve(analysis, samples=3600)
    assert np.max(values) == pytest.approx(analysis.norm, abs=1e-6 * max(1, analysis.norm))
    assert np.min(values) == pytest.approx(-analysis.norm, abs=1e-6 * max(1, analysis.norm))
    extremes = direction_extremes(analysis)
    if extremes is None:
        return
    assert directional_derivative(analysis, extremes.max_theta) == pytest.approx(analysis.norm)
    assert directional_derivative(analysis, extremes.min_theta) == pytest.approx(-analysis.norm)
    # The steepest descent is −∇f/|∇f|, at the minimum's angle.
    assert (math.cos(extremes.min_theta), math.sin(extremes.min_theta)) == pytest.approx(
        analysis.steepest_descent
    )


def test_directional_derivative_matches_a_difference_quotient():
    surface = Surface.from_text("x^3 - x*y + y^2")
    analysis = analyse_point(surface, 0.4, -0.7)
    theta = 2.2
    h = 1e-6
    u = (math.cos(theta), math.sin(theta))
    quotient = (
        surface.value(0.4 + h * u[0], -0.7 + h * u[1])
        - surface.value(0.4 - h * u[0], -0.7 - h * u[1])
    ) / (2 * h)
    assert directional_derivative(analysis, theta) == pytest.approx(quotient, rel=1e-7)


def test_slices_hold_the_other_coordinate_and_their_slopes_are_the_partials():
    surface = Surface.from_text("x^2*y + sin(y)")
    analysis = analyse_point(surface, 1.5, 0.5)
    along_x, along_y = slices(surface, analysis, (-3, 3), (-2, 2))
    assert along_x.values == pytest.approx(along_x.t**2 * 0.5 + math.sin(0.5))
    assert along_y.values == pytest.approx(2.25 * along_y.t + np.sin(along_y.t))
    assert along_x.slope == pytest.approx(2 * 1.5 * 0.5)
    assert along_y.slope == pytest.approx(2.25 + math.cos(0.5))
    ts, line = along_x.tangent(0.5)
    assert line[1] - line[0] == pytest.approx(along_x.slope * (ts[1] - ts[0]))


def test_undefined_point_has_no_gradient_or_directions():
    analysis = analyse_point(Surface.from_text("log(x*y)"), -1.0, 1.0)
    assert not analysis.defined
    assert analysis.tangent_direction is None and analysis.steepest_descent is None
    assert direction_extremes(analysis) is None


def test_tolerance_region_is_where_the_plane_is_close():
    surface = Surface.from_text("x^2 + y^2")
    analysis = analyse_point(surface, 1.0, 0.0)
    grid = sample_field(surface.field_function(), (-1, 3), (-2, 2), size=81)
    mask = within_tolerance(grid.z, grid.xs, grid.ys, analysis, 0.25)
    # f − L = (x − 1)² + y² here: the region is the disc of radius 0.5 around P.
    gx, gy = np.meshgrid(grid.xs, grid.ys)
    expected = (gx - 1) ** 2 + gy**2 <= 0.25
    assert (mask == expected).mean() > 0.995
    assert mask[40, 40] and not mask[0, 0]


def test_right_angle_marker_sits_between_tangent_and_gradient():
    from explorer.core.gradient.point import right_angle_marker

    analysis = analyse_point(Surface.from_text("x^2 + 2y^2"), 1.0, 0.5)
    xs, ys = right_angle_marker(analysis, 0.1)
    corner_a = np.array([xs[0] - 1.0, ys[0] - 0.5])
    corner_c = np.array([xs[2] - 1.0, ys[2] - 0.5])
    assert corner_a @ corner_c == pytest.approx(0.0, abs=1e-12)
    assert np.hypot(*corner_a) == pytest.approx(0.1) and np.hypot(*corner_c) == pytest.approx(0.1)
    # The second leg points along ∇f = (2, 2).
    assert corner_c / 0.1 == pytest.approx(np.array([2, 2]) / np.hypot(2, 2))


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([*FUNCTIONS, "x^3", "a*y + sin(b*x)", "log(x*y)", "3"]),
    coordinates,
    coordinates,
    st.floats(min_value=-2, max_value=2, allow_nan=False),
)
def test_the_gradient_at_one_point_is_the_grids_number_for_number(text, x, y, a):
    # P's numbers on every drag step come from the one-point pass: exactly what the array pass
    # (checked against sympy elsewhere) gives at that point, a missing variable's partial 0 and
    # a point where f is undefined NaN alike.
    surface = Surface.from_text(text, {"a": a, "b": 0.5})
    at_point = surface.value_and_gradient_at(x, y)
    on_grid = [float(v[0]) for v in surface.value_and_gradient(np.array([x]), np.array([y]))]
    assert all(isinstance(v, float) for v in at_point)
    np.testing.assert_array_equal(at_point, on_grid)
    analysis = analyse_point(surface, x, y)
    if math.isfinite(on_grid[0]):
        assert (analysis.value, analysis.df_dx, analysis.df_dy) == tuple(on_grid)


def test_slices_and_the_direction_curve_are_the_same_numbers_asked_again():
    # Their sample points are kept between drag steps: the same as new ones, never written to,
    # and a range ending at -0.0 is not one ending at 0.0.
    surface = Surface.from_text("x*exp(y)")
    analysis = analyse_point(surface, 0.5, 0.25)
    for x_range in ((-2.0, 0.0), (-2.0, -0.0), (-2.0, 0.0), (0.0, 2.0), (-0.0, 2.0)):
        along_x, _ = slices(surface, analysis, x_range, (-1.0, 1.0))
        # Bit for bit, the sign of a zero included.
        assert along_x.t.tobytes() == np.linspace(*x_range, along_x.t.size).tobytes()
        with pytest.raises(ValueError):
            along_x.t[0] = 1.0
    theta, values = directional_curve(analysis)
    np.testing.assert_array_equal(theta, np.linspace(0.0, 2 * math.pi, theta.size, endpoint=False))
    np.testing.assert_array_equal(
        values, analysis.df_dx * np.cos(theta) + analysis.df_dy * np.sin(theta)
    )
