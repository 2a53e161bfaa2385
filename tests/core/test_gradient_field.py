"""The numbers behind every contour map: grid sampling, round levels, level lines, label spots."""

import warnings

import numpy as np
import pytest

from explorer.core.gradient.field import (
    band_indices,
    combined_polyline,
    contour_levels,
    label_anchors,
    level_lines,
    nice_step,
    sample_field,
)


def test_grid_samples_f_at_its_coordinates():
    grid = sample_field(lambda x, y: x + 10 * y, (-1, 2), (0, 3), size=31)
    assert grid.z.shape == (31, 31)
    assert grid.z[5, 7] == pytest.approx(grid.xs[7] + 10 * grid.ys[5])
    assert grid.x_range == (-1.0, 2.0) and grid.y_range == (0.0, 3.0)


def test_undefined_and_infinite_samples_are_nan_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        grid = sample_field(lambda x, y: np.log(x * y), (-2, 2), (-2, 2), size=40)
        lines = level_lines(grid, contour_levels(grid.z).values)
    negative = np.outer(grid.ys, grid.xs) <= 0
    assert np.isnan(grid.z[negative]).all()
    assert np.isfinite(grid.z[~negative]).all()
    assert 0.4 < grid.defined_fraction() < 0.6
    # No level line enters the quadrants where x·y < 0.
    for line in lines:
        finite = np.isfinite(line.x)
        assert (line.x[finite] * line.y[finite] > -1e-9).all()


@pytest.mark.parametrize(
    ("span", "count", "expected"), [(10, 10, 1), (27, 12, 2.5), (0.9, 10, 0.1), (3e5, 6, 5e4)]
)
def test_nice_steps_are_round(span, count, expected):
    assert nice_step(span, count) == pytest.approx(expected)


def test_levels_are_round_equally_spaced_and_cover_the_values():
    rng = np.random.default_rng(3)
    z = rng.normal(7.3, 4.0, size=(50, 50))
    levels = contour_levels(z, count=10)
    steps = np.diff(levels.values)
    assert np.allclose(steps, levels.step)
    assert levels.step in (1.0, 2.0, 2.5, 5.0)
    low, high = np.percentile(z, [1, 99])
    assert levels.low <= low and levels.high >= high
    assert all(abs(v / levels.step - round(v / levels.step)) < 1e-9 for v in levels.values)


def test_constant_and_empty_surfaces():
    assert contour_levels(np.full((4, 4), np.nan)) is None
    levels = contour_levels(np.full((4, 4), 3.0))
    assert levels.low <= 3.0 <= levels.high and levels.band_count == 1


def test_level_lines_lie_on_their_level():
    grid = sample_field(lambda x, y: x**2 + 2 * y**2, (-3, 3), (-3, 3), size=200)
    for line in level_lines(grid, [1.0, 4.0]):
        finite = np.isfinite(line.x)
        values = line.x[finite] ** 2 + 2 * line.y[finite] ** 2
        assert np.allclose(values, line.level, atol=2e-3)
    x, y = combined_polyline(level_lines(grid, [1.0, 4.0]))
    assert np.isnan(x).sum() >= 2 and x.shape == y.shape


def test_band_index_follows_the_levels_and_blanks_nan():
    levels = contour_levels(np.array([[0.0, 10.0]]), count=10)
    z = np.array([[0.5, 1.5, 9.99, np.nan, 100.0, -5.0]])
    index = band_indices(z, levels)
    assert index.tolist() == [[0, 1, 9, -1, levels.band_count - 1, 0]]


def test_labels_keep_apart_and_inside_the_view():
    grid = sample_field(lambda x, y: x**2 + y**2, (-3, 3), (-3, 3), size=150)
    lines = level_lines(grid, np.arange(1, 18))
    pixel = (6 / 600, 6 / 600)
    anchors = label_anchors(lines, grid.x_range, grid.y_range, pixel, separation=40)
    assert 3 <= len(anchors) <= len(lines)
    spots = np.array([(x, y) for _, x, y in anchors]) / pixel[0]
    for i in range(len(spots)):
        for j in range(i):
            assert np.hypot(*(spots[i] - spots[j])) >= 40 - 1e-9
    for level, x, y in anchors:
        assert x**2 + y**2 == pytest.approx(level, rel=2e-2)
        assert -3 + 18 * pixel[0] <= x <= 3 - 18 * pixel[0]


def test_an_equal_scale_fit_keeps_the_view_asked_for():
    from explorer.core.gradient.field import is_equal_scale_fit

    asked = ((-3.0, 3.0), (-3.0, 3.0))
    assert is_equal_scale_fit(asked, ((-3.92, 3.92), (-3.0, 3.0)))  # wider, same centre
    assert is_equal_scale_fit(asked, ((-3.0, 3.0), (-5.0, 5.0)))
    assert is_equal_scale_fit(asked, asked)
    assert not is_equal_scale_fit(asked, ((-2.0, 4.0), (-3.0, 3.0)))  # panned
    assert not is_equal_scale_fit(asked, ((-6.0, 6.0), (-6.0, 6.0)))  # zoomed out
    assert not is_equal_scale_fit(asked, ((-1.0, 1.0), (-3.0, 3.0)))  # zoomed in


def _segments(x: np.ndarray, y: np.ndarray) -> set[frozenset]:
    """The line's segments as unordered point pairs (NaN-separated pieces are not joined)."""
    finite = np.isfinite(x) & np.isfinite(y)
    ends = np.flatnonzero(finite[:-1] & finite[1:])
    return {frozenset({(x[i], y[i]), (x[i + 1], y[i + 1])}) for i in ends.tolist()}


@pytest.mark.parametrize(
    ("function", "span", "size"),
    [
        (lambda x, y: np.log(np.exp(x) + np.exp(y)), 4.0, 300),
        (lambda x, y: np.sin(x) * np.cos(y), 6.0, 300),
        (lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2, 6.0, 173),
        (lambda x, y: np.log(x * y), 3.0, 120),  # undefined in two quadrants
        (lambda x, y: np.sqrt(1 - x**2 - y**2), 1.5, 51),  # undefined outside the disc
        (lambda x, y: np.round(x) + 0 * y, 2.0, 64),  # samples exactly on the levels
    ],
)
def test_one_level_traced_in_blocks_has_the_segments_of_the_whole_grid(function, span, size):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        grid = sample_field(function, (-span, span), (-0.8 * span, 0.8 * span), size=size)
        finite = grid.z[np.isfinite(grid.z)]
        levels = [*np.quantile(finite, [0.0, 0.03, 0.3, 0.5, 0.9, 1.0]), finite.max() + 1, 0.0]
        for level in levels:
            (whole,) = level_lines(grid, [level])
            blocked = grid.level_line(level)
            assert blocked.level == whole.level
            assert _segments(blocked.x, blocked.y) == _segments(whole.x, whole.y)
