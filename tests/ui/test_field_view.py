"""The shared 2-D field view: blank undefined regions, zoom recomputes, arrows, drags, clicks."""

import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from explorer.ui.field_view import FieldView, magnitude_bins


@pytest.fixture
def view(qtbot):
    widget = FieldView()
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_recompute_delay(0)
    widget.set_view_range((-3.0, 3.0), (-3.0, 3.0))
    return widget


def viewport_point(view, x, y):
    scene = view.view_box.mapViewToScene(QPointF(x, y))
    return view.plot_widget.mapFromScene(scene)


def test_undefined_regions_are_transparent_without_warnings(view):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.set_function(lambda x, y: np.log(x * y))
    grid = view.grid()
    rgba = view._image.image
    undefined = np.isnan(grid.z)
    assert undefined.any() and (~undefined).any()
    assert (rgba[undefined][:, 3] == 0).all()
    assert (rgba[~undefined][:, 3] == 255).all()
    assert view.message() == ""


def test_no_real_values_says_so(view):
    view.set_function(lambda x, y: np.sqrt(-1 - x**2 - y**2))
    assert view.levels() is None
    assert "no real values" in view.message()


@pytest.mark.parametrize("target", [(10.0, 11.0), (-0.5, 0.5)])
def test_zoom_and_pan_recompute_the_map(qtbot, view, target):
    view.set_function(lambda x, y: np.sin(x) * np.cos(y))
    with qtbot.waitSignal(view.field_changed, timeout=10000):
        view.view_box.setRange(xRange=target, yRange=target, padding=0)
    (x0, x1), (y0, y1) = view.view_range()
    grid = view.grid()
    assert grid.x_range == pytest.approx((x0, x1))
    assert grid.y_range == pytest.approx((y0, y1))
    expected = np.sin(grid.xs[3]) * np.cos(grid.ys[4])
    assert grid.z[4, 3] == pytest.approx(expected)


def test_level_lines_and_labels_follow_the_function(view):
    view.set_function(lambda x, y: x**2 + 2 * y**2)
    x, y = view.level_line_data()
    finite = np.isfinite(x)
    values = x[finite] ** 2 + 2 * y[finite] ** 2
    levels = view.levels().values
    nearest = np.min(np.abs(values[:, None] - levels[None, :]), axis=1)
    assert nearest.max() < 0.05
    labels = view.level_label_texts()
    assert labels and all(float(t.replace("−", "-")) in levels for t in labels)


def test_arrows_are_one_item_coloured_by_size(view):
    xs, ys = np.meshgrid(np.linspace(-2, 2, 9), np.linspace(-2, 2, 9))
    item = view.set_arrows("field", xs, ys, 0.1 * xs, 0.1 * ys, magnitudes=np.hypot(xs, ys))
    assert item.arrows()[0].size == 81
    assert view.arrows("field") is item
    assert magnitude_bins(np.array([0.0, 0.5, 1.0]), 4).tolist() == [0, 2, 3]


def test_dragging_a_handle_reports_where_it_goes(qtbot, view):
    view.set_function(lambda x, y: x + y)
    handle = view.add_handle("P", color="#D55E00")
    view.set_handle("P", 0.0, 0.0)
    seen = []

    def follow(key, x, y):
        seen.append((key, x, y))
        view.set_handle(key, x, y)

    view.handle_dragged.connect(follow)
    viewport = view.plot_widget.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 0.0, 0.0))
    for fraction in np.linspace(0.1, 1.0, 6):
        qtbot.mouseMove(viewport, viewport_point(view, 1.5 * fraction, -fraction))
    with qtbot.waitSignal(view.handle_released, timeout=10000):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 1.5, -1.0))
    assert seen and seen[-1][0] == "P"
    assert seen[-1][1] == pytest.approx(1.5, abs=0.05)
    assert seen[-1][2] == pytest.approx(-1.0, abs=0.05)
    assert handle.pos().x() == pytest.approx(1.5, abs=0.05)


def test_clicking_the_map_reports_the_point(qtbot, view):
    view.set_function(lambda x, y: x * y)
    with qtbot.waitSignal(view.map_clicked, timeout=10000) as blocker:
        qtbot.mouseClick(
            view.plot_widget.viewport(),
            Qt.MouseButton.LeftButton,
            pos=viewport_point(view, -1.0, 2.0),
        )
    x, y = blocker.args
    assert x == pytest.approx(-1.0, abs=0.05) and y == pytest.approx(2.0, abs=0.05)


def test_shading_covers_the_masked_samples(view):
    view.set_function(lambda x, y: x)
    mask = view.grid().z > 1.0
    view.set_shading("near", mask, "#ff000080")
    assert view.shading_visible("near")
    view.set_shading("near", None, "#ff000080")
    assert not view.shading_visible("near")


def test_markers_and_paths_by_key(view):
    view.set_function(lambda x, y: x * y)
    view.set_markers("crit", [0.0, 1.0], [0.0, 1.0], color="#009E73", symbol=["star", "o"])
    x, y = view.marker_positions("crit")
    assert x.tolist() == [0.0, 1.0]
    view.set_polyline("path", [0, 1, np.nan, 2], [0, 1, np.nan, 2], color="#000000", name="path")
    assert view.legend.isVisible()
    view.remove_overlay("path")
    view.remove_overlay("crit")
    assert not view.legend.isVisible()
    assert view.marker_positions("crit")[0].size == 0


def test_the_map_exports_with_its_colour_bar(tmp_path, view):
    from PySide6.QtGui import QImage

    from explorer.ui.export import export_png

    view.set_function(lambda x, y: x**2 + y**2)
    path = export_png(view.export_target(), tmp_path / "map.png", 800, 600)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (800, 600)

    # The right-hand strip holds the colour bar: a column of many colours in it.
    def colours(x):
        return {image.pixelColor(x, y).name() for y in range(100, 500, 20)} - {"#ffffff"}

    assert max(len(colours(x)) for x in range(image.width() - 120, image.width())) >= 8
    # The map fills the exported plot area even though its shape differs from the widget's.
    assert image.pixelColor(image.width() - 130, 300).name() != "#ffffff"


def _pixels(view):
    image = view.plot_widget.viewport().grab().toImage()
    image = image.convertToFormat(image.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4).copy()


def test_while_a_handle_is_dragged_the_map_is_one_picture_that_looks_the_same(qtbot, view):
    view.set_function(lambda x, y: np.sin(x) * np.cos(y))
    view.add_handle("P", color="#D55E00")
    view.set_handle("P", 0.0, 0.0)
    view.set_polyline("path", [-2, 2], [-2, 2], color="#000000", name="path")
    view.handle_dragged.connect(view.set_handle)
    viewport = view.plot_widget.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 0.0, 0.0))
    for fraction in np.linspace(0.1, 1.0, 4):
        qtbot.mouseMove(viewport, viewport_point(view, fraction, -fraction))
    assert view.is_frozen()
    frozen = _pixels(view)
    # The same window with the map's own items painted again.
    view.refresh()
    assert not view.is_frozen()
    live = _pixels(view)
    differs = np.abs(frozen.astype(int) - live.astype(int)).max(axis=2) > 40
    assert differs.mean() < 0.002
    with qtbot.waitSignal(view.handle_released, timeout=10000):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 1, -1))
    assert not view.is_frozen()
    released = _pixels(view)
    view.refresh()  # the map's items, certainly painted
    assert np.array_equal(released, _pixels(view))


def test_a_shading_changed_during_a_drag_stays_under_the_level_lines_and_labels(qtbot, view):
    # The Gradient tab's |f − L| ≤ tol shading is redrawn on every step of a drag of P; the level
    # lines, their labels and the grid lie over it, during the drag as after it.
    view.set_function(lambda x, y: np.sin(x) * np.cos(y))
    grid = view.grid()
    view.set_shading("near", grid.xs[None, :] > grid.ys[:, None], "#ffffffb0")
    view.add_handle("P", color="#D55E00")
    view.set_handle("P", 0.0, 0.0)
    view.handle_dragged.connect(view.set_handle)
    viewport = view.plot_widget.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 0.0, 0.0))
    for fraction in np.linspace(0.1, 1.0, 4):
        qtbot.mouseMove(viewport, viewport_point(view, fraction, -fraction))
        view.set_shading("near", grid.xs[None, :] > grid.ys[:, None] + fraction, "#ffffffb0")
    assert view.is_frozen()
    dragged = _pixels(view)
    view.refresh()
    view.set_shading("near", grid.xs[None, :] > grid.ys[:, None] + 1.0, "#ffffffb0")
    assert not view.is_frozen()
    live = _pixels(view)
    differs = np.abs(dragged.astype(int) - live.astype(int)).max(axis=2) > 40
    assert differs.mean() < 0.002
    # Let go, so the next test's pointer does not start with the button held.
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 1, -1))
