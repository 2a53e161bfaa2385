"""The map's draggable handles and fixed point markers are light path items that Qt moves alone;
they paint exactly the pixels pyqtgraph's TargetItem painted (at rest, hovered, at any zoom), keep
the grab offset while dragged, hover only under the pointer, and show in PNG and SVG exports."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from explorer.ui.export import export_png, export_svg
from explorer.ui.field_items import DraggablePoint
from explorer.ui.field_view import FieldView, point_marker
from explorer.ui.plot import FOREGROUND, make_pen

COLOR = "#D55E00"


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(320, 280)
    widget.show()
    qtbot.waitExposed(widget)
    widget.getPlotItem().getViewBox().setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
    widget.getPlotItem().hideButtons()  # pyqtgraph's "A" button comes and goes with the pointer
    QApplication.processEvents()  # the layout settles: data points map to their final pixels
    _no_button_held(qtbot, widget)
    return widget


@pytest.fixture
def view(qtbot):
    widget = FieldView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_recompute_delay(0)
    widget.set_view_range((-3.0, 3.0), (-3.0, 3.0))
    widget.set_function(lambda x, y: x + 0.5 * y)
    QApplication.processEvents()  # the layout settles: data points map to their final pixels
    _no_button_held(qtbot, widget.plot_widget)
    return widget


def _no_button_held(qtbot, widget):
    # The test's mouse moves are hovers: no button may be left held by an earlier test.
    qtbot.mouseRelease(widget.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(1, 1))


def _pixels(widget):
    """The widget's pixels once they stop changing (the axes settle after a range change)."""
    shots = [None]
    for _ in range(10):
        QApplication.processEvents()
        image = widget.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        shots.append(np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4))
        if shots[-2] is not None and np.array_equal(shots[-2], shots[-1]):
            break
    return shots[-1].copy()


def _viewport_point(plot_widget, view_box, x, y):
    return plot_widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))


def _target(**options):
    return pg.TargetItem(pos=(0.0, 0.0), **options)


def _compare_looks(qtbot, plot, make_reference, make_item, where, ranges) -> list:
    """For each view range, the plot's pixels with a new ``make_reference()`` at ``where`` and
    then with a new ``make_item()`` there instead, away from the pointer and with the pointer
    on it: they must be the same. Returns the looks, two per range (at rest, pointed at)."""
    view_box = plot.getPlotItem().getViewBox()
    viewport = plot.viewport()
    looks = []
    for size in ranges:
        view_box.setRange(xRange=(-size, size), yRange=(-size, size), padding=0)
        for pointer in ((-0.9 * size, -0.9 * size), where):
            shots = []
            for each in (make_reference(), make_item()):
                qtbot.mouseMove(viewport, _viewport_point(plot, view_box, -size, size))
                plot.addItem(each, ignoreBounds=True)
                each.setPos(QPointF(*where))
                qtbot.mouseMove(viewport, _viewport_point(plot, view_box, *pointer))
                shots.append(_pixels(plot))
                plot.removeItem(each)
            assert np.array_equal(shots[0], shots[1])
            looks.append(shots[0])
    return looks


def test_a_handle_paints_the_pixels_of_a_pyqtgraph_target(qtbot, plot, every_mouse_move):
    def reference():
        return _target(
            size=14,
            symbol="o",
            pen=make_pen(FOREGROUND, 1.5),
            brush=pg.mkBrush(COLOR),
            hoverPen=make_pen(FOREGROUND, 2.5),
            hoverBrush=pg.mkBrush(QColor(COLOR).lighter(140)),
            movable=True,
        )

    looks = _compare_looks(
        qtbot, plot, reference, lambda: DraggablePoint(COLOR), (0.23, -0.31), (1.0, 7.5)
    )
    # Pointed at, it looks taken (a wider pen, a lighter brush), at either zoom.
    assert not np.array_equal(looks[0], looks[1])
    assert not np.array_equal(looks[2], looks[3])


def test_a_point_marker_paints_the_pixels_of_a_pyqtgraph_target(qtbot, plot, every_mouse_move):
    def reference():
        return _target(
            size=10,
            symbol="d",
            pen=make_pen(FOREGROUND, 1.2),
            brush=pg.mkBrush(COLOR),
            movable=False,
        )

    looks = _compare_looks(
        qtbot, plot, reference, lambda: point_marker(COLOR, "d", 10), (-0.4, 0.55), (1.0, 0.01)
    )
    # It never looks taken: pointing at it changes nothing.
    assert np.array_equal(looks[0], looks[1]) and np.array_equal(looks[2], looks[3])


def test_a_drag_keeps_the_grab_offset_and_a_press_beside_the_handle_takes_nothing(
    qtbot, view, every_mouse_move
):
    handle = view.add_handle("P", color=COLOR)
    view.set_handle("P", 0.0, 0.0)
    moves = []
    view.handle_dragged.connect(lambda key, x, y: moves.append((key, x, y)))
    widget, box, viewport = view.plot_widget, view.view_box, view.plot_widget.viewport()
    # Pressed 4 px right of the centre, still on the 14 px handle: it follows the pointer's
    # displacement without jumping to it.
    start = _viewport_point(widget, box, 0.0, 0.0) + QPointF(4, 0).toPoint()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    step = _viewport_point(widget, box, 1.0, 0.5) - _viewport_point(widget, box, 0.0, 0.0)
    for fraction in (0.25, 0.5, 1.0):
        qtbot.mouseMove(viewport, start + step * fraction)
    assert handle.is_dragged()
    with qtbot.waitSignal(view.handle_released, timeout=5000):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + step)
    assert not handle.is_dragged()
    pixel = 6.0 / box.width()
    assert moves[-1][0] == "P"
    assert moves[-1][1:] == pytest.approx((1.0, 0.5), abs=1.5 * pixel)
    assert (handle.pos().x(), handle.pos().y()) == pytest.approx(moves[-1][1:])
    # A press 20 px beside it drags the map's view, never the handle.
    moves.clear()
    beside = _viewport_point(widget, box, 1.0, 0.5) + QPointF(20, 20).toPoint()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=beside)
    for offset in (10, 20, 40):
        qtbot.mouseMove(viewport, beside + QPointF(offset, 0).toPoint())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=beside + QPointF(40, 0).toPoint())
    assert moves == []


def test_the_handle_looks_taken_only_under_the_pointer(qtbot, view, every_mouse_move):
    handle = view.add_handle("P", color=COLOR)
    view.set_handle("P", 1.0, -1.0)
    viewport = view.plot_widget.viewport()
    centre = _viewport_point(view.plot_widget, view.view_box, 1.0, -1.0)
    qtbot.mouseMove(viewport, centre + QPointF(12, 0).toPoint())
    assert not handle.is_hovered()
    qtbot.mouseMove(viewport, centre + QPointF(5, -3).toPoint())
    assert handle.is_hovered()
    qtbot.mouseMove(viewport, centre + QPointF(0, 30).toPoint())
    assert not handle.is_hovered()


def _exported_pixels(view, path):
    image = QImage(str(export_png(view.export_target(), path, 800, 600)))
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(600, -1, 4)[:, :800, 2::-1].copy()


def test_handles_and_markers_are_in_png_and_svg_exports(tmp_path, view):
    without = _exported_pixels(view, tmp_path / "without.png")
    view.add_handle("P", color=COLOR)
    view.set_handle("P", 1.0, 1.0)
    view.set_point("P + ε", (-1.0, -1.0), color="#CC79A7", symbol="d")
    with_items = _exported_pixels(view, tmp_path / "with.png")
    changed = np.any(with_items != without, axis=2)
    # A disc 14 px across and a diamond 10 px across, each in its own brush's colour inside.
    assert 150 <= changed.sum() <= 600
    for colour in (COLOR, "#CC79A7"):
        rgb = QColor(colour)
        brush = np.all(with_items == (rgb.red(), rgb.green(), rgb.blue()), axis=2)
        assert (brush & changed).sum() >= 5
    svg = export_svg(view.export_target(), tmp_path / "map.svg", 800, 600).read_text("utf-8")
    assert f'fill="{COLOR.lower()}"' in svg and 'fill="#cc79a7"' in svg


def test_a_right_click_during_a_drag_lets_go_of_the_handle(qtbot, view, every_mouse_move):
    handle = view.add_handle("P", color=COLOR)
    view.set_handle("P", 0.0, 0.0)
    moves = []
    view.handle_dragged.connect(lambda key, x, y: moves.append((x, y)))
    widget, box, viewport = view.plot_widget, view.view_box, view.plot_widget.viewport()
    left, right = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
    qtbot.mousePress(viewport, left, pos=_viewport_point(widget, box, 0.0, 0.0))
    qtbot.mouseMove(viewport, _viewport_point(widget, box, 0.5, 0.5))
    qtbot.mouseMove(viewport, _viewport_point(widget, box, 1.0, 0.5))
    with qtbot.waitSignal(view.handle_released, timeout=5000):
        qtbot.mouseClick(viewport, right, pos=_viewport_point(widget, box, 1.0, 0.5))
    assert not handle.is_dragged()
    held = (handle.pos().x(), handle.pos().y())
    assert moves[-1] == pytest.approx(held) and held == pytest.approx((1.0, 0.5), abs=0.05)
    # The left button still down moves nothing any more.
    qtbot.mouseMove(viewport, _viewport_point(widget, box, -1.0, -1.0), delay=-1)
    assert (handle.pos().x(), handle.pos().y()) == held
    qtbot.mouseRelease(viewport, left, pos=_viewport_point(widget, box, -1.0, -1.0))
    assert (handle.pos().x(), handle.pos().y()) == held


def test_handles_and_markers_tell_their_tooltips_under_the_pointer(qtbot, view):
    view.add_handle("P", color=COLOR, tooltip="P: drag it")
    view.set_handle("P", 1.0, -1.0)
    view.set_point("P + ε", (-1.0, 1.0), color="#CC79A7", symbol="d", tooltip="P + ε")
    viewport = view.plot_widget.viewport()
    for (x, y), offset, expected in (
        ((1.0, -1.0), QPoint(4, -3), "P: drag it"),  # within the 14 px disc
        ((-1.0, 1.0), QPoint(2, 2), "P + ε"),  # within the 10 px diamond
    ):
        QToolTip.hideText()
        qtbot.waitUntil(lambda: not QToolTip.isVisible())
        at = _viewport_point(view.plot_widget, view.view_box, x, y) + offset
        event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
        QApplication.sendEvent(viewport, event)
        qtbot.waitUntil(lambda expected=expected: QToolTip.text() == expected)
