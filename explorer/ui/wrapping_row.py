"""A row of controls that becomes two rows when it is too narrow to show every control in full."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

Group = list[tuple[QWidget, int]]  # (widget, stretch) in order


def full_width(widget: QWidget) -> int:
    """The width ``widget`` needs to show its text whole: a combo box its longest item (its size
    hint may be shorter, so that it never sets the window's minimum width), a line edit its text."""
    if isinstance(widget, QComboBox) and widget.count():
        metrics = widget.fontMetrics()
        longest = max(metrics.horizontalAdvance(widget.itemText(i)) for i in range(widget.count()))
        shown = metrics.horizontalAdvance("x" * widget.minimumContentsLength())
        # The hint is the shown length plus the frame, the arrow and the margins.
        return widget.sizeHint().width() + max(0, longest - shown)
    if isinstance(widget, QLineEdit):
        text = widget.text() or widget.placeholderText()
        return max(widget.sizeHint().width(), widget.fontMetrics().horizontalAdvance(text) + 16)
    return widget.sizeHint().width()


class WrappingRow(QWidget):
    """Two groups of controls side by side when there is room for all of them in full, else the
    second under the first (the Descent tab beside the Lessons dock: a preset's name read
    "Rosenbrock (1 − x)² +" and the formula 9 characters). Decided again on every resize and
    whenever a control's size hint changes (a language or a text size)."""

    def __init__(self, first: Group, second: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups = (first, second)
        self.rows = (QHBoxLayout(), QHBoxLayout())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in self.rows:
            row.setContentsMargins(0, 0, 0, 0)
            layout.addLayout(row)
        self.stacked: bool | None = None
        self._arrange(False)

    def needed_width(self) -> int:
        """The width of one row that shows every control in full."""
        widgets = [widget for group in self.groups for widget, _ in group]
        spacing = self.rows[0].spacing()
        return sum(full_width(w) for w in widgets) + spacing * (len(widgets) - 1)

    def _arrange(self, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for row in self.rows:
            while row.count():
                row.takeAt(0)
        first, second = self.groups
        for widget, stretch in first:
            self.rows[0].addWidget(widget, stretch)
        for widget, stretch in second:
            self.rows[1 if stacked else 0].addWidget(widget, stretch)

    def _update(self) -> None:
        self._arrange(self.width() < self.needed_width())

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().resizeEvent(event)
        self._update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._update()
        return super().event(event)
