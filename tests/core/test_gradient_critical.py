"""Critical points in view, classified by the Hessian: bowl, saddle, Himmelblau's nine."""

import numpy as np
import pytest

from explorer.core.gradient.critical import classify, find_critical_points
from explorer.core.gradient.surface import Surface

HIMMELBLAU = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
# Himmelblau's four minima (f = 0), one maximum and four saddles (known values).
HIMMELBLAU_MINIMA = [
    (3.0, 2.0),
    (-2.805118, 3.131312),
    (-3.779310, -3.283186),
    (3.584428, -1.848126),
]
HIMMELBLAU_MAXIMUM = (-0.270845, -0.923039)


def kinds(points):
    return sorted(point.kind for point in points)


def test_bowl_has_one_minimum():
    (point,) = find_critical_points(Surface.from_text("x^2 + y^2"), (-3, 3), (-3, 3))
    assert point.kind == "minimum"
    assert (point.x, point.y) == pytest.approx((0, 0), abs=1e-9)
    assert point.eigenvalues == pytest.approx((2, 2))


def test_saddle_is_not_a_minimum():
    (point,) = find_critical_points(Surface.from_text("x^2 - y^2"), (-3, 3), (-2, 2))
    assert point.kind == "saddle"
    assert point.eigenvalues == pytest.approx((-2, 2))
    assert "opposite signs" in point.describe()


def test_himmelblau_four_minima_one_maximum_four_saddles():
    points = find_critical_points(Surface.from_text(HIMMELBLAU), (-5, 5), (-5, 5))
    assert kinds(points) == ["maximum"] + ["minimum"] * 4 + ["saddle"] * 4
    minima = sorted((p.x, p.y) for p in points if p.kind == "minimum")
    assert np.allclose(minima, sorted(HIMMELBLAU_MINIMA), atol=1e-5)
    (maximum,) = [p for p in points if p.kind == "maximum"]
    assert (maximum.x, maximum.y) == pytest.approx(HIMMELBLAU_MAXIMUM, abs=1e-5)
    surface = Surface.from_text(HIMMELBLAU)
    for point in points:
        gx, gy = surface.gradient(point.x, point.y)
        assert abs(float(gx)) < 1e-6 and abs(float(gy)) < 1e-6


def test_only_points_in_view_and_none_without_zero_gradient():
    points = find_critical_points(Surface.from_text(HIMMELBLAU), (0, 5), (0, 5))
    assert [(p.kind, round(p.x, 4), round(p.y, 4)) for p in points] == [
        ("saddle", 0.0867, 2.8843),
        ("minimum", 3.0, 2.0),
        ("saddle", 3.3852, 0.0739),
    ]
    assert find_critical_points(Surface.from_text("log(exp(x) + exp(y))"), (-3, 3), (-3, 3)) == []
    assert find_critical_points(Surface.from_text("log(x*y)"), (-3, 3), (-3, 3)) == []


def test_rosenbrock_minimum_and_a_flat_point():
    (point,) = find_critical_points(
        Surface.from_text("(1 - x)^2 + 100(y - x^2)^2"), (-2, 2), (-1, 3)
    )
    assert point.kind == "minimum" and (point.x, point.y) == pytest.approx((1, 1), abs=1e-8)
    (flat,) = find_critical_points(Surface.from_text("x^4 + y^4"), (-2, 2), (-2, 2))
    assert flat.kind == "degenerate"


@pytest.mark.parametrize(
    ("eigenvalues", "kind"),
    [((1, 2), "minimum"), ((-3, -1), "maximum"), ((-1, 4), "saddle"), ((0, 5), "degenerate")],
)
def test_second_derivative_test(eigenvalues, kind):
    assert classify(eigenvalues) == kind
