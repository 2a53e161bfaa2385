"""The gradient field's arrows point along ∇f, never overlap, and skip undefined points."""

import numpy as np
import pytest

from explorer.core.gradient.surface import Surface
from explorer.core.gradient.vector_field import gradient_field


def test_arrows_point_along_the_gradient_and_fit_their_cells():
    field = gradient_field(Surface.from_text("x^2 + 3y"), (-2, 2), (-2, 2), per_side=10)
    assert field.x.size == 100
    gx, gy = 2 * field.x, np.full_like(field.x, 3.0)
    cross = field.u * gy - field.v * gx
    assert np.allclose(cross, 0, atol=1e-12)
    assert np.all(field.u * gx + field.v * gy > 0)
    assert np.hypot(field.u, field.v).max() <= 0.9 * 0.4 + 1e-12
    assert field.magnitude == pytest.approx(np.hypot(gx, gy))


def test_undefined_points_have_no_arrow():
    field = gradient_field(Surface.from_text("log(x*y)"), (-2, 2), (-2, 2), per_side=10)
    assert field.x.size == 50
    assert np.all(field.x * field.y > 0)


def test_flat_function_gives_zero_arrows():
    field = gradient_field(Surface.from_text("3"), (-1, 1), (-1, 1), per_side=4)
    assert np.all(field.u == 0) and field.x.size == 16
