"""A jump of f(x, y) between neighbouring samples (atan2's branch cut, the sign change at a pole,
sign(x)) is not a level line: the map's lines and the level curve through P do not run along it,
and a slice's curve is not drawn across it. A steep but continuous f keeps every line."""

import numpy as np
import pytest

from explorer.core.gradient.field import contour_levels, level_lines, sample_field
from explorer.core.gradient.point import analyse_point, slices
from explorer.core.gradient.surface import Surface

X_RANGE, Y_RANGE = (-4.4, 4.4), (-3.0, 3.0)


def _grid(text):
    surface = Surface.from_text(text)
    return surface, sample_field(surface.field_function(), X_RANGE, Y_RANGE)


def _points(grid):
    levels = contour_levels(grid.z).values
    lines = level_lines(grid, levels)
    x = np.concatenate([line.x for line in lines])
    y = np.concatenate([line.y for line in lines])
    keep = np.isfinite(x)
    return x[keep], y[keep]


def _cell(grid):
    return grid.xs[1] - grid.xs[0], grid.ys[1] - grid.ys[0]


def test_no_level_line_runs_along_atan2s_branch_cut():
    surface, grid = _grid("atan2(y, x)")
    dx, dy = _cell(grid)
    x, y = _points(grid)
    along_cut = (np.abs(y) < dy) & (x < -3 * dx)
    assert not along_cut.any()
    # The rays of the other levels are all there: level 0 along y = 0, x > 0, and level 2 on
    # the ray at angle 2 (its points have atan2 = 2 up to the interpolation).
    assert ((np.abs(y) < dy) & (x > 3 * dx)).sum() > 50
    line = grid.level_line(2.0)
    finite = np.isfinite(line.x)
    angles = np.arctan2(line.y[finite], line.x[finite])
    assert angles.size > 50 and np.allclose(angles, 2.0, atol=0.05)


def test_the_level_curve_through_p_leaves_the_cut_out():
    surface, grid = _grid("atan2(y, x)")
    analysis = analyse_point(surface, -1.0, 0.5)
    line = grid.level_line(analysis.value)
    dx, dy = _cell(grid)
    finite = np.isfinite(line.x)
    x, y = line.x[finite], line.y[finite]
    assert x.size > 50
    assert not ((np.abs(y) < dy) & (x < -3 * dx)).any()
    assert np.allclose(np.arctan2(y, x), analysis.value, atol=0.05)


def test_no_level_lines_pile_up_on_a_pole_or_a_step():
    for text, distance in (("1/(x - y)", lambda x, y: np.abs(x - y) / np.sqrt(2)),
                           ("sign(x)*y + x", lambda x, y: np.abs(x))):  # fmt: skip
        _, grid = _grid(text)
        dx, dy = _cell(grid)
        x, y = _points(grid)
        # Lines may meet the jump; none follows it (a line along it has ~100 points there).
        levels = len(contour_levels(grid.z).values)
        assert (distance(x, y) < 0.5 * min(dx, dy)).sum() <= 2 * levels, text


@pytest.mark.parametrize(
    "text",
    ["log(exp(x) + exp(y))", "x^2 + 2y^2", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
     "sin(x)*cos(y)", "tanh(40x) + y", "log(x*y)", "sqrt(1 - x^2 - y^2)"],
)  # fmt: skip
def test_a_continuous_f_keeps_every_sample_for_its_lines(text):
    _, grid = _grid(text)
    assert grid.line_z is None
    assert grid.traced is grid.z


def test_a_slice_breaks_at_a_jump_and_only_there():
    surface = Surface.from_text("atan2(y, x)")
    analysis = analyse_point(surface, -1.0, 0.5)
    along_x, along_y = slices(surface, analysis, X_RANGE, Y_RANGE)
    assert not np.isnan(along_x.values).any()  # y = 0.5: atan2 is continuous in x
    gaps = np.flatnonzero(np.isnan(along_y.values))
    assert gaps.size == 1
    before, after = along_y.t[gaps[0] - 1], along_y.t[gaps[0] + 1]
    assert before < 0 <= after and np.all(np.diff(along_y.t) > 0)
    defined = ~np.isnan(along_y.values)
    expected = np.arctan2(along_y.t[defined], -1.0)
    assert np.allclose(along_y.values[defined], expected, rtol=0, atol=1e-12)
    assert along_y.slope == pytest.approx(-1.0 / 1.25)


def test_a_steep_continuous_slice_is_not_broken():
    surface = Surface.from_text("tanh(40x) + y")
    along_x, along_y = slices(surface, analyse_point(surface, 0.3, 0.0), X_RANGE, Y_RANGE)
    assert not np.isnan(along_x.values).any() and not np.isnan(along_y.values).any()
