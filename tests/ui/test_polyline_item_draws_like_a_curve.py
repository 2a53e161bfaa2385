"""The light polyline item (the curves a drag redraws on every step) draws exactly what a
pyqtgraph PlotCurveItem draws for the same points and pen (a few points too, whose segments or
path it builds itself: the same elements as pyqtgraph's helpers give), breaks at NaN, keeps all
its ink inside its bounding rectangle (so a moved line leaves no trail), draws each new set of
points as the curve would (its segments in memory kept from one set to the next), and takes part
in the plot style's pen scaling as curves do."""

import numpy as np
import pyqtgraph as pg
import pytest
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from PySide6.QtCore import QBuffer, QIODevice, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from explorer.ui.plot_style import line_pen, set_line_pen
from explorer.ui.polyline_item import (
    FEW_POINTS,
    Polyline,
    SegmentBuffer,
    line_path,
    line_segments,
)

WIDTH, HEIGHT = 400, 300


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.setBackground("w")
    widget.resize(WIDTH, HEIGHT)
    widget.hideAxis("left")
    widget.hideAxis("bottom")
    widget.setRange(xRange=(-4.0, 4.0), yRange=(-3.0, 3.0), padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rgb(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


def pixels(plot) -> np.ndarray:
    """The plot area drawn afresh from its scene."""
    QApplication.processEvents()
    return rgb(plot.viewport().grab().toImage())


def inked(plot) -> np.ndarray:
    return (pixels(plot) < 200).any(axis=2)


def drawn_alone(plot, item, x, y) -> np.ndarray:
    item.setData(x, y)
    plot.addItem(item, ignoreBounds=True)
    try:
        return pixels(plot)
    finally:
        plot.removeItem(item)


def pen(width: float, style=Qt.PenStyle.SolidLine, color="#0072B2"):
    made = pg.mkPen(color=color, width=width)
    made.setStyle(style)
    made.setCapStyle(Qt.PenCapStyle.SquareCap)
    return made


SAMPLES = np.linspace(-3.5, 3.5, 241)
CASES = {
    "wide solid curve": (SAMPLES, np.sin(2 * SAMPLES) * 2, pen(3.0)),
    "thin curve": (SAMPLES, np.cos(SAMPLES), pen(1.0)),
    "dash-dotted tangent": (
        np.array([-2.0, 2.0]),
        np.array([-1.0, 1.5]),
        pen(2.0, Qt.PenStyle.DashDotLine),
    ),
    "translucent": (SAMPLES, 0.3 * SAMPLES**2 - 2, pen(2.0, color="#D55E0080")),
    "right angle, few wide segments": (
        np.array([0.5, 0.8, 0.5]),
        np.array([0.2, 0.6, 0.9]),
        pen(1.2),
    ),
    "short wide polyline": (np.linspace(-3, 3, 9), np.linspace(-3, 3, 9) ** 2 / 4 - 2, pen(3.0)),
    "few points, thin": (np.array([-3.0, 0.1, 3.0]), np.array([2.0, -2.5, 1.0]), pen(1.0)),
    "few points with a NaN": (
        np.array([-3.0, -1.0, 0.0, 1.0, 3.0]),
        np.array([1.0, 2.0, np.nan, -2.0, 0.5]),
        pen(2.0),
    ),
    "with NaN gaps": (
        SAMPLES,
        1 / np.where(np.abs(SAMPLES) < 0.5, np.nan, SAMPLES),
        pen(2.0),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_draws_the_same_pixels_as_a_plot_curve_item(plot, case):
    x, y, line = CASES[case]
    reference = drawn_alone(plot, pg.PlotCurveItem(pen=line, connect="finite"), x, y)
    light = Polyline(line)
    drawn = drawn_alone(plot, light, x, y)
    assert (reference != 255).any()
    np.testing.assert_array_equal(drawn, reference)
    np.testing.assert_array_equal(light.getData()[1], y)


def test_a_nan_breaks_the_line(plot):
    item = Polyline(pen(3.0, color="#000000"))
    plot.addItem(item, ignoreBounds=True)
    item.setData([-3.0, -1.0, np.nan, 1.0, 3.0], [0.0, 0.0, 0.0, 0.0, 0.0])
    ink = inked(plot)
    ratio = plot.devicePixelRatioF()
    row = int(plot.getViewBox().mapViewToDevice(QPointF(0.0, 0.0)).y() * ratio)

    def column(x: float) -> int:
        return int(plot.getViewBox().mapViewToDevice(QPointF(x, 0.0)).x() * ratio)

    # Both pieces are drawn, the stretch between them is not.
    assert ink[row, column(-2.0)] and ink[row, column(2.0)]
    assert not ink[row - 3 : row + 4, column(-0.5) : column(0.5)].any()


@pytest.mark.parametrize(("width", "zoom"), [(1.0, 1.0), (3.0, 1.0), (6.0, 1.0), (6.0, 8.0)])
def test_all_its_ink_lies_inside_its_bounding_rect(plot, width, zoom):
    item = Polyline(pen(width, color="#000000"))
    plot.addItem(item, ignoreBounds=True)
    # Corners, a vertical and a horizontal stretch: where square caps reach furthest.
    item.setData([-2.0, 2.0, 2.0, -1.0, -1.0], [-2.0, -2.0, 2.0, 1.0, -1.5])
    inked(plot)
    # Zoomed out after the bounds were measured: a pixel is more data now, the pen pads more.
    plot.setRange(xRange=(-4.0 * zoom, 4.0 * zoom), yRange=(-3.0 * zoom, 3.0 * zoom), padding=0)
    item.setData(np.array([-2.0, 2.0, 2.0, -1.0, -1.0]) * zoom, [-2.0, -2.0, 2.0, 1.0, -1.5])
    ink = inked(plot)
    rect = plot.getViewBox().mapViewToDevice(item.mapRectToView(item.boundingRect())).boundingRect()
    rows, columns = np.nonzero(ink)
    # The picture counts device pixels (two a side on a 2× screen), the rectangle logical ones.
    rows, columns = rows / plot.devicePixelRatioF(), columns / plot.devicePixelRatioF()
    assert rows.size
    assert columns.min() >= rect.left() - 1 and columns.max() <= rect.right() + 1
    assert rows.min() >= rect.top() - 1 and rows.max() <= rect.bottom() + 1


def on_screen(plot) -> np.ndarray:
    """What the window shows now (its backing store), not a fresh rendering of the scene."""
    window = plot.window()
    return rgb(window.screen().grabWindow(window.winId()).toImage())


def test_moving_the_line_leaves_no_trail(plot):
    item = Polyline(pen(8.0, color="#000000"))
    plot.addItem(item, ignoreBounds=True)
    item.setData([-3.0, -1.0], [-2.0, 2.0])
    QApplication.processEvents()
    drawn = on_screen(plot)
    # Moved through the event loop only, as a drag step is: Qt repaints what the item's old
    # and new bounds cover, nothing more.
    item.setData([1.0, 3.0], [-2.0, 2.0])
    QApplication.processEvents()
    moved = on_screen(plot)
    assert (moved != drawn).any()
    plot.viewport().update()
    QApplication.processEvents()
    np.testing.assert_array_equal(moved, on_screen(plot))


def test_the_plot_style_scales_its_pen_like_a_curves(plot):
    item = Polyline(pen(2.0, Qt.PenStyle.DashLine))
    assert line_pen(item).widthF() == 2.0
    wider = line_pen(item)
    wider.setWidthF(5.0)
    set_line_pen(item, wider)
    assert item.pen().widthF() == 5.0 and item.pen().style() == Qt.PenStyle.DashLine
    assert line_pen(Polyline(pg.mkPen(None))) is None


def _elements(path) -> list[tuple]:
    return [
        (path.elementAt(i).type, path.elementAt(i).x, path.elementAt(i).y)
        for i in range(path.elementCount())
    ]


def _lines(segments) -> list[tuple[float, float, float, float]]:
    if not isinstance(segments, list):
        segments = segments.instances()
    return [(line.x1(), line.y1(), line.x2(), line.y2()) for line in segments]


@pytest.mark.parametrize("size", [0, 1, 2, 3, FEW_POINTS, FEW_POINTS + 1, 200])
@pytest.mark.parametrize("with_nan", [False, True])
def test_its_segments_and_path_are_pyqtgraphs(qapp, size, with_nan):
    generator = np.random.default_rng(size)
    x, y = generator.normal(size=size) * 1e3, generator.normal(size=size) * 1e-3
    if with_nan and size:
        y[size // 2] = np.nan
    reference = pg.arrayToQPath(x, y, connect="finite")
    assert _elements(line_path(x, y)) == _elements(reference)
    expected = arrayToLineSegments(x, y, connect="finite", finiteCheck=True)
    assert _lines(line_segments(x, y)) == _lines(expected)


def _filled(first, count) -> list[tuple[float, float, float, float]]:
    address = Shiboken.getCppPointer(first)[0] if count else 0
    return _lines([Shiboken.wrapInstance(address + 32 * i, QLineF) for i in range(count)])


def test_reused_segment_memory_holds_pyqtgraphs_segments(qapp):
    # A long line's segments fill the same memory from one set of points to the next (grown
    # when they need more): each time exactly pyqtgraph's segments, NaN gaps left out alike.
    buffer = SegmentBuffer()
    generator = np.random.default_rng(4)
    for size, gaps in ((FEW_POINTS + 1, 0), (300, 0), (120, 3), (301, 1), (700, 40), (2, 0)):
        x, y = generator.normal(size=size) * 1e2, generator.normal(size=size)
        y[generator.choice(size, gaps, replace=False)] = np.nan
        finite = np.isfinite(x) & np.isfinite(y)
        filled = _filled(*buffer.fill(x, y, None if finite.all() else finite))
        reference = arrayToLineSegments(x, y, connect="finite", finiteCheck=True)
        assert filled == _lines(reference)
    nothing = np.array([0.0, np.nan, 1.0, np.nan])
    assert buffer.fill(nothing, nothing, np.isfinite(nothing)) == (None, 0)


def test_a_redrawn_curve_draws_each_set_of_points_as_a_plot_curve_item(plot):
    # As on a drag step: the same item gets new points, longer, shorter, with and without NaN.
    light = Polyline(pen(2.0))
    plot.addItem(light, ignoreBounds=True)
    reference = pg.PlotCurveItem(pen=pen(2.0), connect="finite")
    for size, gap in ((241, False), (90, False), (400, True), (361, False), (500, False)):
        x = np.linspace(-3.5, 3.5, size)
        y = np.sin(3 * x) * 2
        if gap:
            y[size // 3 : size // 2] = np.nan
        light.setData(x, y)
        drawn = pixels(plot)
        light.setVisible(False)
        expected = drawn_alone(plot, reference, x, y)
        light.setVisible(True)
        assert (expected != 255).any()
        np.testing.assert_array_equal(drawn, expected)


@pytest.mark.parametrize("size", [1, 2, 3, FEW_POINTS, FEW_POINTS + 1, 300])
@pytest.mark.parametrize("spoiled", [None, np.nan, np.inf, -np.inf])
def test_its_bounds_span_the_finite_points(qapp, size, spoiled):
    generator = np.random.default_rng(size)
    x, y = generator.normal(size=size) * 3, generator.normal(size=size) * 1e-3
    if spoiled is not None and size > 1:
        y[size // 2] = spoiled
        x[0] = spoiled
    item = Polyline(pen(2.0))  # in no view: its bounds are the points' own rectangle
    item.setData(x, y)
    finite = np.isfinite(x) & np.isfinite(y)
    xs, ys = x[finite], y[finite]
    spanned = QRectF()
    if xs.size:
        spanned = QRectF(xs.min(), ys.min(), xs.max() - xs.min(), ys.max() - ys.min())
    # Nothing is drawn for less than a line: no bounds then.
    assert item.boundingRect() == (QRectF() if size < 2 or spanned.isNull() else spanned)


STYLES = [Qt.PenStyle.DashDotLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.SolidLine]


def test_a_line_of_two_points_draws_as_the_curve_item_draws_it(plot):
    # Drawn as a line, not a path of two points: the same pixels, dashes and all.
    generator = np.random.default_rng(12)
    light = Polyline(pen(2.0))
    for case in range(24):
        style = STYLES[case % len(STYLES)]
        line = pen(float(generator.choice([1.2, 1.6, 2.0, 3.0])), style, color="#D55E00")
        light.setPen(line)
        x, y = generator.uniform(-4, 4, 2), generator.uniform(-3, 3, 2)
        reference = drawn_alone(plot, pg.PlotCurveItem(pen=line, connect="finite"), x, y)
        assert (reference != 255).any()
        np.testing.assert_array_equal(drawn_alone(plot, light, x, y), reference)


def test_a_line_of_two_points_stays_a_path_in_an_svg(qapp):
    item = Polyline(pen(2.0, Qt.PenStyle.DashDotLine))
    item.setData(np.array([0.0, 3.0]), np.array([1.0, 2.0]))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    painter = QPainter(generator)
    item.paint(painter)
    painter.end()
    svg = bytes(buffer.data()).decode()
    assert "<path" in svg
    assert "<polyline" not in svg and "<line" not in svg
