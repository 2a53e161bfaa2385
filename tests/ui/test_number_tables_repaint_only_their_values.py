"""The Gradient tab's number tables on a drag step: only the values' column is painted again
(the labels keep their pixels), and what the table shows is the new rows, as a fresh paint."""

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from explorer.ui.panels.gradient_readout import ReadoutTable

ROWS = [
    ("P =", "(0.1, 0.5)", ""),
    ("∂f/∂x =", "exp(x)/(exp(x) + exp(y)) = 0.401312", ""),
    ("|∇f(P)| =", "0.720749", "gradient"),
    ("Dᵤ f(P) =", "∇f·u = 0.560313  (θ = 17.19°, u = (0.955336, 0.29552))", "direction"),
]


class PaintRects(QObject):
    def __init__(self):
        super().__init__()
        self.rects = []

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def _shown(table) -> np.ndarray:
    image = table.screen().grabWindow(table.winId()).toImage()
    return _array(image)


def _fresh(table) -> np.ndarray:
    return _array(table.grab().toImage())


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4).copy()


def _labels_inked(table, value_left: int) -> bool:
    # Every row's label is drawn: each row's band of the labels' column has ink in it.
    column = _shown(table)[:, : value_left - 10, :3]
    line = table.fontMetrics().lineSpacing() + 2
    return all(
        len(np.unique(column[row * line : (row + 1) * line].reshape(-1, 3), axis=0)) > 1
        for row in range(len(table.rows()))
    )


def _set(table, rows) -> list:
    watcher = PaintRects()
    table.installEventFilter(watcher)
    table.set_rows(rows)
    QApplication.processEvents()
    table.removeEventFilter(watcher)
    return watcher.rects


def test_new_numbers_repaint_the_values_only_and_show_as_a_fresh_paint(qtbot):
    table = ReadoutTable("numbers", "tip")
    qtbot.addWidget(table)
    table.resize(420, 100)
    table.set_rows(ROWS)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    value_left = max(table.fontMetrics().horizontalAdvance(label) for label, _, _ in ROWS) + 10
    for step in range(1, 4):
        rows = [(label, value.replace("0.", f"{step}."), role) for label, value, role in ROWS]
        rects = _set(table, rows)
        assert rects and all(rect.left() >= value_left for rect in rects)
        assert np.array_equal(_shown(table), _fresh(table)) and _labels_inked(table, value_left)
    # A row that changes its label or colour, or a row more, paints the whole table anew.
    for rows in (
        [*ROWS[:2], ("|∇f(P)| =", "0.720749", ""), ROWS[3]],
        [ROWS[0], ("∂f/∂y =", ROWS[1][1], ""), *ROWS[2:]],
        [*ROWS, ("seed:", "approximation: 1.0819, true value: 1.0821", "")],
    ):
        rects = _set(table, rows)
        assert any(rect.left() == 0 for rect in rects)
        assert np.array_equal(_shown(table), _fresh(table)) and _labels_inked(table, value_left)
