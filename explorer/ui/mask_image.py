"""A grid's samples tinted where a mask holds (the map's |f − L| shading), drawn and updated only
over the rows of tinted samples.

The shading follows P on every step of a drag, and tints a small part of the map: pyqtgraph's
ImageItem would scale and blend the whole image over the whole view on each repaint, and ask
Qt to repaint all of it. ``MaskImage`` draws the same RGBA image with the same transform (so the
same pixels, tested against ImageItem), but only its rows from the first to the last tinted
one (with clear rows around them), and asks Qt to repaint only the rows tinted before or now.
Elsewhere every sample is clear, and a clear sample changes no pixel under it.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem


def rgba_word(color: QColor) -> np.uint32:
    """``color``'s red, green, blue and alpha bytes, in memory order, as one 32-bit word."""
    rgba = np.array([color.red(), color.green(), color.blue(), color.alpha()], dtype=np.uint8)
    return rgba.view(np.uint32)[0]


def tinted_rows(mask: np.ndarray) -> tuple[int, int] | None:
    """The first and one past the last row of ``mask`` with a True sample; None when none."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    return int(rows[0]), int(rows[-1]) + 1


class MaskImage(QGraphicsItem):
    """Sample (i, j) of a grid tinted with one colour where ``mask[i, j]`` holds, covering
    ``rect`` in its parent's coordinates (rows along y), as ``pg.ImageItem(axisOrder="row-major")``
    with ``setImage`` and ``setRect`` draws it."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._words = np.zeros((0, 0), dtype=np.uint32)  # the image's memory, kept alive
        self._image = QImage()
        self._rows: tuple[int, int] | None = None
        self._rect = QRectF()

    def set_mask(self, mask: np.ndarray, color: QColor, rect: QRectF) -> None:
        height, width = mask.shape
        words = np.zeros((height, width), dtype=np.uint32)
        words[mask] = rgba_word(color)
        rows = tinted_rows(mask)
        if words.shape != self._words.shape or rect != self._rect:
            self.prepareGeometryChange()
            # What ImageItem.setRect sets: the sample grid scaled onto the rectangle.
            transform = QTransform()
            transform.translate(rect.left(), rect.top())
            transform.scale(rect.width() / width, rect.height() / height)
            self.setTransform(transform)
            self._rect = QRectF(rect)
            self.update()
        else:
            # Only the pixels over the rows tinted before or now can change (Qt widens what
            # it repaints to whole pixels, and by two for antialiasing).
            for each in (self._rows, rows):
                if each is not None:
                    self.update(QRectF(0, each[0] - 1, width, each[1] - each[0] + 2))
        self._words, self._rows = words, rows
        self._image = QImage(words.data, width, height, 4 * width, QImage.Format.Format_RGBA8888)

    def tinted(self) -> np.ndarray:
        """Which samples are tinted now (rows along y)."""
        return self._words != 0

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        height, width = self._words.shape
        return QRectF(0, 0, width, height)

    def paint(self, painter: QPainter, *_args: object) -> None:
        if self._rows is None:
            return
        if painter.paintEngine().type() != QPaintEngine.Type.Raster:
            # SVG, PDF, printing: the whole image, as ImageItem hands it over.
            painter.drawImage(self.boundingRect(), self._image)
            return
        # Whole rows from the first to the last tinted one, with clear rows around them at
        # least two pixels tall: a pixel row on the band's edge (partly covered, drawn with
        # antialiasing) then always shows a clear sample, as it does in the whole image.
        # Columns are all kept: Qt steps along a row in fixed point from where the row's
        # drawing starts, so a narrower band could pick a neighbouring sample at a boundary.
        pixels_per_row = abs(painter.deviceTransform().m22()) or 1.0
        pad = 1 + math.ceil(2.0 / pixels_per_row)
        top = max(self._rows[0] - pad, 0)
        bottom = min(self._rows[1] + pad, self._words.shape[0])
        band = QRectF(0, top, self._words.shape[1], bottom - top)
        # Source and target the same rectangle of samples: the transform ImageItem uses for
        # the whole image, so each pixel samples what it would there.
        painter.drawImage(band, self._image, band)
