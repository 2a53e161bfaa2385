"""The graph panel's program editor: monospace, no wrapping, the error's character underlined."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


class SourceEditor(QPlainTextEdit):
    """A program of definitions or PyTorch-style Python (objectName ``graphSource``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("graphSource")
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setMinimumHeight(120)
        self.setMaximumHeight(230)

    def mark_error(self, line: int | None, column: int | None) -> None:
        """Underline the character at the error's line and column in the editor (red, wavy)."""
        if not line and not column:
            self.setExtraSelections([])
            return
        document = self.document()
        block = document.findBlockByNumber(max(0, (line or 1) - 1))
        if not block.isValid():
            self.setExtraSelections([])
            return
        cursor = QTextCursor(block)
        offset = min(max(0, (column or 1) - 1), max(0, block.length() - 2))
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=offset)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        selection.format.setUnderlineColor(QColor("#b00020"))
        selection.format.setBackground(QColor("#ffd6dc"))
        self.setExtraSelections([selection])
