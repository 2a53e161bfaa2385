"""The map's |f − L| shading (MaskImage) shows exactly the pixels pyqtgraph's ImageItem shows for
the same tinted samples (any mask, grid, zoom, antialiased or not), though it draws only the
tinted rows; a new mask repainted through the event loop alone (only the rows tinted before or
now) leaves the window as a fresh picture of it; and an SVG export still carries the image."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

from explorer.ui.mask_image import MaskImage, rgba_word, tinted_rows

TINT = "#ffffffb0"


def masks(rows: int, columns: int) -> dict[str, np.ndarray]:
    generator = np.random.default_rng(rows * 1000 + columns)
    y, x = np.mgrid[0:rows, 0:columns]
    return {
        "none": np.zeros((rows, columns), dtype=bool),
        "all": np.ones((rows, columns), dtype=bool),
        "one sample": (y == rows // 3) & (x == columns // 2),
        "diagonal strip": np.abs(x - y) < max(rows, columns) / 12,
        "blob": (x - columns / 3) ** 2 + (y - rows / 2) ** 2 < (rows / 6) ** 2,
        "first and last rows": (y == 0) | (y == rows - 1),
        "noise": generator.random((rows, columns)) < 0.3,
    }


def image_item(mask: np.ndarray, rect: QRectF) -> pg.ImageItem:
    """What the map drew before: pyqtgraph's ImageItem of the tinted words."""
    item = pg.ImageItem(axisOrder="row-major")
    words = np.where(mask, rgba_word(QColor(TINT)), np.uint32(0))
    item.setImage(words.view(np.uint8).reshape(*mask.shape, 4), autoLevels=False)
    item.setRect(rect)
    return item


def mask_image(mask: np.ndarray, rect: QRectF) -> MaskImage:
    item = MaskImage()
    item.set_mask(mask, QColor(TINT), rect)
    return item


def rendered(item, source: QRectF, size: tuple[int, int], antialiased: bool) -> np.ndarray:
    """``item`` over a coloured backdrop, ``source`` (scene units) drawn onto ``size`` pixels
    with y up, as a view box draws its data."""
    scene = QGraphicsScene()
    backdrop = QGraphicsRectItem(source.adjusted(-50, -50, 50, 50))
    backdrop.setBrush(QColor("#3b6e8f"))
    scene.addItem(backdrop)
    scene.addItem(item)
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    # Flip y (data grow upwards) and clip as a view box does.
    painter.setClipRect(QRectF(5, 3, size[0] - 11, size[1] - 7))
    painter.translate(0, size[1])
    painter.scale(1, -1)
    scene.render(painter, QRectF(0, 0, *size), source)
    painter.end()
    scene.removeItem(item)
    array = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(size[1], -1)
    return array[:, : size[0] * 4].copy()


@pytest.mark.parametrize(
    ("grid", "size"),
    [((300, 300), (803, 505)), ((37, 23), (400, 300)), ((300, 300), (150, 120))],
)
@pytest.mark.parametrize("antialiased", [True, False])
def test_the_same_pixels_as_an_image_item(qapp, grid, size, antialiased):
    rows, columns = grid
    for zoom in (1.0, 1.7, 0.45):
        rect = QRectF(-3.1, -2.05, 6.2, 4.1)
        source = QRectF(-3.0 * zoom, -2.0 * zoom, 6.0 * zoom, 4.0 * zoom).translated(0.013, 0.0)
        for name, mask in masks(rows, columns).items():
            expected = rendered(image_item(mask, rect), source, size, antialiased)
            shown = rendered(mask_image(mask, rect), source, size, antialiased)
            assert np.array_equal(shown, expected), (name, zoom)


def test_tinted_rows_span_the_true_samples():
    mask = np.zeros((10, 4), dtype=bool)
    assert tinted_rows(mask) is None
    mask[3, 1] = mask[6, 0] = True
    assert tinted_rows(mask) == (3, 7)


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.setBackground("w")
    widget.resize(420, 320)
    widget.setRange(xRange=(-3.0, 3.0), yRange=(-2.0, 2.0), padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def on_screen(widget) -> np.ndarray:
    """What the window shows now (its backing store), not a fresh rendering of the scene."""
    window = widget.window()
    image = window.screen().grabWindow(window.winId()).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), dtype=np.uint8).copy()


def test_a_new_mask_repaints_what_changes(plot):
    item = MaskImage()
    item.setZValue(-15)
    plot.addItem(item, ignoreBounds=True)
    rect = QRectF(-3.05, -2.05, 6.1, 4.1)
    y, x = np.mgrid[0:60, 0:90]
    blobs = [(10, 8, 4), (30, 48, 7), (55, 12, 3), (20, 30, 12), (80, 52, 5), (45, 5, 2)]
    for step, (column, row, radius) in enumerate(blobs):
        # A blob that jumps up and down, grows and shrinks: the rows tinted before must be
        # cleared, the rows tinted now drawn.
        mask = (x - column) ** 2 + (y - row) ** 2 < radius**2
        item.set_mask(mask, QColor("#d55e0080"), rect)
        QApplication.processEvents()
        shown = on_screen(plot)
        plot.viewport().update()
        QApplication.processEvents()
        assert np.array_equal(shown, on_screen(plot)), step
    assert np.array_equal(item.tinted(), mask)


def test_an_svg_export_carries_the_image(qapp):
    mask = masks(30, 40)["blob"]
    scene = QGraphicsScene()
    scene.addItem(mask_image(mask, QRectF(0, 0, 4, 3)))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(scene.sceneRect().size().toSize())
    painter = QPainter(generator)
    scene.render(painter)
    painter.end()
    assert b"<image" in bytes(data)
