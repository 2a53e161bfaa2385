"""A plot's grid, drawn as filled pixel runs (explorer.ui.hairlines), is pixel for pixel what
Qt's own line drawing gives: random translucent hairlines under random transforms, clips and
image formats; every axis of a plot, light and dark, zoomed, logarithmic, on a 2× screen;
and a whole plot as the user sees it. Vector exports keep the grid as lines."""

import random

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QIODevice, QLineF, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QRegion, QTransform
from PySide6.QtSvg import QSvgGenerator

from explorer.ui import hairlines, plot_axes
from explorer.ui.hairlines import draw_lines, pixel_run
from explorer.ui.plot import PlotView
from explorer.ui.plot_axes import EdgeLabelAxis

SIZE = QSize(97, 61)


@pytest.fixture
def runs(monkeypatch):
    """How many lines the axes filled as pixel runs (so a test cannot pass by drawing nothing
    new)."""
    count = [0]

    def counted(*args):
        filled = draw_lines(*args)
        count[0] += filled
        return filled

    monkeypatch.setattr(plot_axes, "draw_lines", counted)
    return count


def _coordinate(rng: random.Random, limit: int) -> float:
    kind = rng.random()
    if kind < 0.3:  # on and around the pixel boundaries and centres where rounding decides
        offset = rng.choice([0.0, 0.5, 0.25, 1 / 64, -1 / 64, 1 / 128, 0.5 - 1e-9, 0.5 + 1e-9])
        return rng.randint(-3, limit + 3) + offset
    if kind < 0.35:
        return rng.uniform(-1e4, 1e4)  # far outside: Qt clips
    return rng.uniform(-5, limit + 5)


def _random_case(rng: random.Random):
    pen = QPen(QColor(rng.randrange(256), rng.randrange(256), 40, rng.randrange(1, 255)))
    pen.setCosmetic(rng.random() < 0.9)
    pen.setWidthF(rng.choice([0.0, 1.0, 1.0]))
    pen.setCapStyle(rng.choice(list(Qt.PenCapStyle)[:3]))
    transform = QTransform()
    kind = rng.random()
    if kind < 0.5:
        transform.translate(rng.uniform(-20, 20), rng.uniform(-20, 20))
    elif kind < 0.8:
        transform.translate(rng.uniform(-20, 20), rng.uniform(-20, 20))
        transform.scale(rng.choice([1, -1, 0.5, 2.37, -75.2]), rng.choice([1, -1, 3.1, -0.33]))
    inverse, _ = transform.inverted()
    lines = []
    for _ in range(rng.randint(1, 12)):
        x1, y1 = _coordinate(rng, SIZE.width()), _coordinate(rng, SIZE.height())
        x2, y2 = _coordinate(rng, SIZE.width()), _coordinate(rng, SIZE.height())
        kind = rng.random()
        if kind < 0.45:
            y2 = y1
        elif kind < 0.9:
            x2 = x1
        elif kind < 0.95:
            x2, y2 = x1, y1  # a point
        lines.append(QLineF(inverse.map(QPointF(x1, y1)), inverse.map(QPointF(x2, y2))))
    clip = None
    kind = rng.random()
    if kind < 0.2:
        clip = QRect(rng.randint(0, 40), rng.randint(0, 30), rng.randint(1, 60), rng.randint(1, 40))
    elif kind < 0.3:
        clip = QRegion(rng.randint(0, 40), rng.randint(0, 30), rng.randint(1, 60), 9)
        clip += QRegion(rng.randint(0, 40), rng.randint(0, 30), 7, rng.randint(1, 40))
    return pen, transform, lines, clip, rng.random() < 0.1


def _draw(image: QImage, pen, transform, lines, clip, antialias: bool, ours: bool) -> int:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
    if isinstance(clip, QRegion):
        painter.setClipRegion(clip)
    elif clip is not None:
        painter.setClipRect(clip)
    painter.setTransform(transform)
    filled = 0
    if ours:
        filled = draw_lines(painter, pen, lines)
    else:
        painter.setPen(pen)
        for line in lines:
            painter.drawLine(line)
    painter.end()
    return filled


@pytest.mark.parametrize(
    "image_format", [QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_RGB32]
)
def test_random_hairlines_cover_the_pixels_qt_covers(qapp, image_format):
    rng = random.Random(8)
    filled = 0
    for case in range(600):
        pen, transform, lines, clip, antialias = _random_case(rng)
        background = QColor(rng.randrange(256), rng.randrange(256), 90, rng.randrange(256))
        images = []
        for ours in (False, True):
            image = QImage(SIZE, image_format)
            image.fill(background)
            filled += _draw(image, pen, transform, lines, clip, antialias, ours)
            images.append(image)
        assert images[0] == images[1], f"case {case}: {lines} {transform} {clip}"
    assert filled > 1000


def test_pixel_run_follows_qts_rounding():
    # A horizontal hairline from x = 2.7 to 7.3 at y = 4.99: square caps reach half a pixel
    # further at each end, 2.2 … 7.8, which holds the centres of pixels 2 … 7; the row is the
    # one y falls in.
    assert pixel_run(QPointF(2.7, 4.99), QPointF(7.3, 4.99), caps=True) == QRect(2, 4, 6, 1)
    assert pixel_run(QPointF(7.3, 4.99), QPointF(2.7, 4.99), caps=True) == QRect(2, 4, 6, 1)
    # Flat caps: the centres between the ends themselves, pixels 3 … 6.
    assert pixel_run(QPointF(2.7, 4.99), QPointF(7.3, 4.99), caps=False) == QRect(3, 4, 4, 1)
    assert pixel_run(QPointF(3.0, 0.5), QPointF(3.0, 9.5), caps=True) == QRect(3, 0, 1, 10)
    assert pixel_run(QPointF(0, 0), QPointF(5, 5), caps=True) is None  # slanted: Qt's
    assert pixel_run(QPointF(1, 1), QPointF(1, 1), caps=True) is None  # a point: Qt's
    assert pixel_run(QPointF(float("nan"), 1), QPointF(4, 1), caps=True) is None


def _axis_images(axis: EdgeLabelAxis, transform: QTransform, ours: bool) -> QImage:
    """The axis drawn afresh (its specs made anew) as its item cache draws it."""
    rect = transform.mapRect(axis.boundingRect()).toAlignedRect().adjusted(-2, -2, 2, 2)
    image = QImage(rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setTransform(transform * QTransform.fromTranslate(-rect.left(), -rect.top()))
    axis.picture = None
    if ours:
        axis.paint(painter, None, None)
    else:
        # pyqtgraph's own drawing: specs, then lines and labels recorded in one picture.
        EdgeLabelAxis.__mro__[1].paint(axis, painter, None, None)
    painter.end()
    return image


@pytest.mark.parametrize(("theme", "ratio"), [("light", 1.0), ("dark", 1.0), ("light", 2.0)])
def test_every_axis_draws_as_pyqtgraph_draws_it(
    qtbot, appearance, shown_plot_view, runs, theme, ratio
):
    appearance.set_theme(theme)
    view = shown_plot_view(520, 380)
    rng = random.Random(3)
    ranges = [((-5, 5), (-3, 3)), ((0, 6.283), (-41.3, 38.9)), ((-1e-4, 3e-4), (1e6, 9e6))]
    ranges += [
        ((rng.uniform(-9, 0), rng.uniform(0.1, 9)), (rng.uniform(-9, 0), 3)) for _ in range(4)
    ]
    for log in (False, True):
        view.plot_item.setLogMode(x=log, y=False)
        for x_range, y_range in ranges:
            if log and x_range[0] <= 0:
                x_range = (0.5, 800.0)
            view.set_view_range(x_range, y_range)
            qtbot.wait(1)
            for name in ("left", "bottom"):
                axis = view.plot_item.getAxis(name)
                transform = QTransform.fromTranslate(rng.uniform(0, 1), rng.uniform(0, 1))
                transform.scale(ratio, ratio)
                theirs = _axis_images(axis, transform, ours=False)
                ours = _axis_images(axis, transform, ours=True)
                assert theirs == ours, (name, x_range, y_range, log, ratio)
                assert not theirs.isNull()
    assert runs[0] > 50  # the grid lines were filled, not left to Qt


def _grab(view: PlotView) -> np.ndarray:
    for name in ("left", "bottom"):
        view.plot_item.getAxis(name).picture = None
        view.plot_item.getAxis(name).update()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


def test_a_plot_looks_as_with_pyqtgraphs_axes(shown_plot_view, runs, monkeypatch):
    view = shown_plot_view(520, 380)
    view.set_curve("f", np.linspace(-3, 3, 200), np.sin(np.linspace(-3, 3, 200)))
    view.set_view_range((-3.2, 3.1), (-1.4, 1.3))
    ours = _grab(view)
    filled = runs[0]
    monkeypatch.setattr(EdgeLabelAxis, "paint", EdgeLabelAxis.__mro__[1].paint)
    theirs = _grab(view)
    assert filled > 10
    assert np.array_equal(ours, theirs)


def test_an_svg_export_keeps_the_grid_as_lines(qapp):
    pen = QPen(QColor(20, 20, 20, 60))
    pen.setCosmetic(True)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(100, 100))
    generator.setViewBox(QRectF(0, 0, 100, 100))
    painter = QPainter(generator)
    assert not hairlines.fills_like_qt(painter, pen)
    draw_lines(painter, pen, [QLineF(0, 10.5, 100, 10.5)])
    painter.end()
    svg = bytes(buffer.data()).decode()
    assert "<polyline" in svg
    assert "<rect" not in svg
