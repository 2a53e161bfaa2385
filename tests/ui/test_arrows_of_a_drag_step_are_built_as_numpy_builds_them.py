"""P's gradient and u are a few arrows rebuilt on every drag step: built number by number, they
are the very paths (element by element) and bounds that the arrays of the arrow field give."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from explorer.ui.field_items import FEW_ARROWS, ArrowField, arrow_polylines, arrows_path


def _elements(path) -> list[tuple[int, float, float]]:
    return [
        (int(path.elementAt(i).type.value), path.elementAt(i).x, path.elementAt(i).y)
        for i in range(path.elementCount())
    ]


@pytest.mark.parametrize("count", [0, 1, 2, FEW_ARROWS])
@pytest.mark.parametrize("seed", range(4))
def test_a_few_arrows_give_the_arrays_path_and_bounds(qapp, count, seed):
    generator = np.random.default_rng(seed)
    # Each axis at its own scale; arrows from a pixel to a thousand long (heads of 9 px, or
    # shorter on a short arrow).
    scale_x, scale_y = 10.0 ** generator.uniform(-4, 4, size=2)
    x, u = generator.normal(size=(2, count)) * scale_x
    y, v = generator.normal(size=(2, count)) * scale_y
    if count:
        u[0] = v[0] = 0.0  # an arrow of no length has no head either
    pixel_w, pixel_h = (scale_x, scale_y) * 10.0 ** generator.uniform(-3, 0.5, size=2)
    few = ArrowField()
    few.set_arrows(list(x), list(y), list(u), list(v), ["#D55E00"])
    many = ArrowField()
    many.set_arrows(x, y, u, v, ["#D55E00"])  # arrays: numpy all the way
    for ours, theirs in zip(few.arrows(), many.arrows(), strict=True):
        assert np.array_equal(ours, theirs)
    assert few.data_bounds() == many.data_bounds()
    (path,) = few.build_paths(pixel_w, pixel_h)
    assert _elements(path) == _elements(arrows_path(*arrow_polylines(x, y, u, v, pixel_w, pixel_h)))
    # Every arrow with a length is there, shaft and head: 5 points each.
    assert path.elementCount() >= 5 * (count - 1)


def test_undefined_arrows_are_left_out_alike(qapp):
    values = [[0.0, np.nan, 1.0], [0.0, 1.0, np.inf], [1.0, 1.0, 1.0], [1.0, 1.0, -1.0]]
    few, many = ArrowField(), ArrowField()
    few.set_arrows(*values, ["#000000"])
    many.set_arrows(*(np.array(v) for v in values), ["#000000"])
    assert [a.tolist() for a in few.arrows()] == [[0.0], [0.0], [1.0], [1.0]]
    assert [a.tolist() for a in many.arrows()] == [[0.0], [0.0], [1.0], [1.0]]
    assert few.data_bounds() == many.data_bounds() == QRectF(0.0, 0.0, 1.0, 1.0)
    few.set_arrows([np.nan], [0.0], [1.0], [1.0], ["#000000"])
    assert few.arrows()[0].size == 0 and few.data_bounds() == QRectF()
