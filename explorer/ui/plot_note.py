"""A note under a plot: where a plot's note box goes when no spot inside the plot is free of
curves (a note box must never hide a curve)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class NoteRow(QWidget):
    """Lines of text painted under the plot. Only a change in the number of lines changes its
    height, so rewriting the text on every drag step repaints this row and lays nothing out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plotNoteRow")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._lines: list[str] = []
        self._colour = QColor("#000000")
        self.hide()

    def show_text(self, text: str, colour: str, point_size: float) -> None:
        """Show ``text`` (lines split at newlines) in ``colour`` at ``point_size`` points."""
        lines = text.splitlines()
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        if font != self.font():
            self.setFont(font)
        resized = len(lines) != len(self._lines) or self.isHidden()
        self._lines = lines
        self._colour = QColor(colour)
        self.setToolTip(text)
        if resized:
            self.setFixedHeight(self._height())
        self.setVisible(bool(lines))
        self.update()

    def clear(self) -> None:
        self._lines = []
        self.hide()

    def text(self) -> str:
        return "\n".join(self._lines)

    def _height(self) -> int:
        return max(1, len(self._lines)) * self.fontMetrics().lineSpacing() + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, self._height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setPen(self._colour)
        metrics = self.fontMetrics()
        for index, line in enumerate(self._lines):
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, self.width() - 8)
            painter.drawText(8, 2 + index * metrics.lineSpacing() + metrics.ascent(), shown)
        painter.end()
