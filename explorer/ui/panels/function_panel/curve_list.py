"""The list of curves in the Function tab: f (typed in the window's f(x) field) and more below.

Each row has a visibility box, a colour swatch and, below f, its own ``ExpressionInput`` (so each
entry shows its own error, its column marked) and a remove button; "Add function" appends a row.
The list holds no state of its own: it reports what the user did through signals and is
rebuilt by the panel from its ``FunctionState`` (``set_rows``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.accessible import describe, tab_order_in
from explorer.ui.expression_input import ExpressionInput
from explorer.ui.i18n import Context

T = Context("CurveList")

ParseEntry = Callable[[int, str], Any]
SWATCH_TO_TEXT = 1.5  # the colour swatch's side against the text's line height (22 px at 9 pt)


class CurveRow(QWidget):
    """One curve: visible box, colour swatch, and the entry (a label for f)."""

    def __init__(self, index: int, parse: ParseEntry | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.visible_box = QCheckBox()
        self.visible_box.setObjectName(f"curveVisible_{index}")
        T.tip(self.visible_box, "Show or hide this curve")
        describe(self.visible_box, T.lazy("Show curve {n}", n=index + 1))
        self.colour_button = QToolButton()
        self.colour_button.setObjectName(f"curveColour_{index}")
        T.tip(self.colour_button, "Pick the curve's colour")
        describe(self.colour_button, T.lazy("Colour of curve {n}", n=index + 1))
        self._fit_swatch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.visible_box)
        row.addWidget(self.colour_button)
        self.input: ExpressionInput | None = None
        self.f_label: QLabel | None = None
        self.remove_button: QToolButton | None = None
        if parse is None:
            self.f_label = QLabel()
            self.f_label.setObjectName("curveF")
            self.f_label.setWordWrap(True)
            T.tip(self.f_label, "Edit f in the f(x) field at the top of the window")
            row.addWidget(self.f_label, 1)
        else:
            self.input = ExpressionInput(lambda text: parse(self.index, text), label="")
            self.input.setObjectName(f"curveInput_{index}")
            T.placeholder(self.input.line_edit, "e.g. g(x) = f(x - 1) + 2  or  f'(x)")
            describe(self.input.line_edit, T.lazy("Curve {n} expression", n=index + 1))
            row.addWidget(self.input, 1)
            self.remove_button = QToolButton()
            self.remove_button.setObjectName(f"curveRemove_{index}")
            self.remove_button.setText("✕")
            T.tip(self.remove_button, "Remove this curve")
            describe(self.remove_button, T.lazy("Remove curve {n}", n=index + 1))
            row.addWidget(self.remove_button)

    def _fit_swatch(self) -> None:
        side = round(SWATCH_TO_TEXT * self.fontMetrics().height())
        self.colour_button.setFixedSize(side, side)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Ctrl+= and presentation mode reach the row as a font change; the swatch has a style
        # sheet of its own (its colour), which Qt sends none, so the row sizes it.
        if event.type() == QEvent.Type.FontChange:
            self._fit_swatch()
        super().changeEvent(event)

    def tab_stops(self) -> list[QWidget]:
        """The row's controls in Tab's order (left to right)."""
        entry = [self.input.line_edit] if self.input is not None else []
        remove = [self.remove_button] if self.remove_button is not None else []
        return [self.visible_box, self.colour_button, *entry, *remove]

    def show_colour(self, colour: str) -> None:
        self.colour_button.setStyleSheet(
            f"QToolButton {{ background: {colour}; border: 1px solid #888; border-radius: 3px; }}"
        )


class CurveList(QWidget):
    """Rows of curves plus an "Add function" button (see the module docstring)."""

    add_requested = Signal()
    remove_requested = Signal(int)
    visibility_changed = Signal(int, bool)
    colour_changed = Signal(int, str)
    entry_parsed = Signal(int)  # a row's text parsed (or failed): the texts changed
    selected = Signal(int)

    def __init__(self, parse: ParseEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self._parse = parse
        self.rows: list[CurveRow] = []
        self._stack = QVBoxLayout()
        self._stack.setSpacing(2)
        self.add_button = T.text(QPushButton(), "+ Add function")
        self.add_button.setObjectName("addCurve")
        T.tip(self.add_button, "Plot another function; it may use f, e.g. f(x - 1) or f'(x)")
        self.add_button.clicked.connect(self.add_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)
        layout.addWidget(self.add_button)

    def texts(self) -> list[str]:
        """The texts of the rows below f."""
        return [row.input.text() for row in self.rows[1:] if row.input is not None]

    def set_rows(
        self, texts: Sequence[str], visible: Sequence[bool], colours: Sequence[str], can_add: bool
    ) -> None:
        """Rebuild the rows only when their number changed; otherwise write texts in place."""
        if len(self.rows) != len(texts) + 1:
            for row in self.rows:
                self._stack.removeWidget(row)
                # Hidden and detached now: deleteLater alone leaves it painted until the loop runs.
                row.hide()
                row.setParent(None)
                row.deleteLater()
            self.rows = [self._make_row(i) for i in range(len(texts) + 1)]
            for row in self.rows:
                self._stack.addWidget(row)
            # New rows would come last in Tab's order: put them where the list is.
            tab_order_in(
                self, [*(w for row in self.rows for w in row.tab_stops()), self.add_button]
            )
        for row, text in zip(self.rows[1:], texts, strict=True):
            if row.input is not None and row.input.text() != text:
                with QSignalBlocker(row.input.line_edit):
                    row.input.line_edit.setText(text)
        for row, shown, colour in zip(self.rows, visible, colours, strict=True):
            with QSignalBlocker(row.visible_box):
                row.visible_box.setChecked(shown)
            row.show_colour(colour)
        self.add_button.setEnabled(can_add)

    def _make_row(self, index: int) -> CurveRow:
        row = CurveRow(index, None if index == 0 else self._parse, self)
        row.visible_box.toggled.connect(lambda on, i=index: self.visibility_changed.emit(i, on))
        row.colour_button.clicked.connect(lambda _=False, i=index: self._pick_colour(i))
        if row.input is not None:
            row.input.expression_parsed.connect(lambda _e, i=index: self.entry_parsed.emit(i))
            row.input.expression_failed.connect(lambda _e, i=index: self.entry_parsed.emit(i))
            row.input.line_edit.selectionChanged.connect(lambda i=index: self.selected.emit(i))
            row.input.line_edit.cursorPositionChanged.connect(
                lambda _a, _b, i=index: self.selected.emit(i)
            )
        if row.remove_button is not None:
            row.remove_button.clicked.connect(
                lambda _=False, i=index: self.remove_requested.emit(i)
            )
        return row

    def _pick_colour(self, index: int) -> None:
        colour = QColorDialog.getColor(parent=self, title=T("Curve colour"))
        if colour.isValid():
            self.colour_changed.emit(index, QColor(colour).name())

    def refresh_feedback(self) -> None:
        """Re-parse every entry quietly so each shows its current error (f changed under g)."""
        for row in self.rows[1:]:
            if row.input is not None and row.input.text().strip():
                with QSignalBlocker(row.input):
                    row.input.parse_now()

    def set_f_text(self, text: str) -> None:
        if self.rows and self.rows[0].f_label is not None:
            self.rows[0].f_label.setText(text)
