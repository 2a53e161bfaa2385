"""The graph panel's program editor: monospace, no wrapping, the error's character underlined."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontDatabase, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

from explorer.ui.accessible import describe
from explorer.ui.appearance import current_theme
from explorer.ui.i18n import Context

T = Context("GraphPanel")


class SourceEditor(QPlainTextEdit):
    """A program of definitions or PyTorch-style Python (objectName ``graphSource``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("graphSource")
        describe(
            self,
            T.lazy("Program"),
            T.lazy(
                "Definitions, one a line, or a PyTorch-style Python program; Tab indents, "
                "Ctrl+Tab and Ctrl+Shift+Tab move to the next or previous control"
            ),
        )
        self._fit_font()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setMinimumHeight(120)
        self.setMaximumHeight(230)

    def _fit_font(self) -> None:
        # Monospace at the application's text size, which Ctrl+= and presentation mode change.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QApplication.font().pointSizeF())
        self.setFont(font)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._fit_font()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Tab indents the program; Ctrl+Tab leaves the editor, so the keyboard is never trapped
        # (and the window's tabs do not switch, which is what Ctrl+Tab would do further up).
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            # QPlainTextEdit's own focusNextPrevChild refuses while Tab types into the text.
            QWidget.focusNextPrevChild(self, not backwards)
            return
        super().keyPressEvent(event)

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
        theme = current_theme()
        selection.format.setUnderlineColor(QColor(theme.error))
        selection.format.setBackground(QColor(theme.marked))
        self.setExtraSelections([selection])
