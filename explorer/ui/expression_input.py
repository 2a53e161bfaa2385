"""The expression input: a line edit that parses as you type and shows errors at their column."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from explorer.core.expr.errors import ExprError

DEBOUNCE_MS = 40
_ERROR_COLOUR = "#b00020"
_ECHO_COLOUR = "#555555"
_HINT_COLOUR = "#777777"


def error_text(error: ExprError) -> str:
    """The plain-text form of an error shown under the input, e.g. "... after '/' (column 8)"."""
    if error.column is None:
        return error.message
    return f"{error.message} (column {error.column})"


def marked_snippet_html(text: str, column: int, context: int = 30) -> str:
    """``text`` around 1-based ``column`` in monospace, with that character highlighted.

    A column one past the end (an expression that stops too early) highlights an empty slot.
    Long inputs are cut to ``context`` characters on each side so the note stays one line.
    """
    index = min(max(0, column - 1), len(text))
    start, stop = max(0, index - context), min(len(text), index + 1 + context)
    before = ("…" if start > 0 else "") + text[start:index]
    marked = text[index : index + 1] or " "
    after = text[index + 1 : stop] + ("…" if stop < len(text) else "")
    marked_html = (
        f"<span style='background:#ffb3bf; color:{_ERROR_COLOUR}; font-weight:bold;'>"
        f"{_escape_keeping_spaces(marked)}</span>"
    )
    line = _escape_keeping_spaces(before) + marked_html + _escape_keeping_spaces(after)
    return f"<span style='font-family:monospace;'>{line}</span>"


def _escape_keeping_spaces(text: str) -> str:
    # Rich text collapses runs of spaces; the snippet must show the text exactly as typed.
    return html.escape(text, quote=False).replace(" ", "&nbsp;")


class ExpressionInput(QWidget):
    """Line edit (objectName ``expressionInput``) that parses as you type.

    Keystrokes restart a short timer; when it fires the text is parsed and either
    ``expression_parsed(expression)`` or ``expression_failed(error)`` is emitted. A failure never
    clears anything downstream: panels keep showing the last good expression.

    ``set_active(False, hint)`` greys the input out and shows ``hint`` instead of the echo or the
    error, for a panel with its own input (the Graph tab); ``set_active(True)`` brings back what
    the text last parsed to.
    """

    expression_parsed = Signal(object)
    expression_failed = Signal(object)

    def __init__(
        self,
        parse: Callable[[str], Any] | None = None,
        parent: QWidget | None = None,
        *,
        label: str = "f(x) =",
        echo_prefix: str = "Plotting y = ",
    ):
        super().__init__(parent)
        self._parse = parse or _default_parse
        # What the echo of a good parse starts with ("Plotting y = " for f(x)).
        self._echo_prefix = echo_prefix
        self.line_edit = QLineEdit()
        self.line_edit.setObjectName("expressionInput")
        self.line_edit.setPlaceholderText("Type an expression in x, e.g. x^3 - 1/x")
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.setToolTip(
            "Operators + - * / ^, functions like sin(x), exp(x), log(x), |x|; constants pi, e"
        )
        font = self.line_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.line_edit.setFont(font)
        self.feedback = QLabel()
        self.feedback.setObjectName("expressionFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # One line, always reserved, so the plot does not jump when an error comes and goes.
        self.feedback.setFixedHeight(self.feedback.fontMetrics().height() + 6)
        self._last_error: ExprError | None = None
        self._active = True
        self._hint = ""
        # What the feedback line shows while active: (rich text, tooltip, line-edit style).
        self._feedback_state = ("", "", "")
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.parse_now)
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.line_edit.returnPressed.connect(self.parse_now)

        row = QHBoxLayout()
        self.prefix = QLabel(label)
        self.prefix.setFont(font)
        self.prefix.setBuddy(self.line_edit)
        row.addWidget(self.prefix)
        row.addWidget(self.line_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.feedback)

    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        """Replace the text and parse it at once (no debounce)."""
        self.line_edit.setText(text)
        self.parse_now()

    def is_active(self) -> bool:
        return self._active

    def set_active(self, active: bool, hint: str = "") -> None:
        """Enable the input, or disable it and show ``hint`` (grey) in place of echo or error."""
        self._active = active
        self._hint = hint
        self.line_edit.setEnabled(active)
        self.prefix.setEnabled(active)
        self._apply_feedback()

    def hint(self) -> str:
        """The hint shown while inactive ("" while active)."""
        return "" if self._active else self._hint

    def last_error(self) -> ExprError | None:
        """The error currently shown, or None when the text parsed."""
        return self._last_error

    def error_message(self) -> str:
        """The error shown under the input as plain text ("" when there is none)."""
        return error_text(self._last_error) if self._last_error else ""

    def _on_text_changed(self, _text: str) -> None:
        self.debounce.start()

    def parse_now(self) -> None:
        self.debounce.stop()
        text = self.line_edit.text()
        try:
            expression = self._parse(text)
        except ExprError as error:
            self._show_error(text, error)
            self.expression_failed.emit(error)
            return
        self._show_echo(expression)
        self.expression_parsed.emit(expression)

    def _show_error(self, text: str, error: ExprError) -> None:
        self._last_error = error
        message = html.escape(error_text(error), quote=False)
        body = f"<span style='color:{_ERROR_COLOUR};'>⚠ {message}</span>"
        if error.column is not None and text.strip():
            body += "&nbsp;&nbsp;&nbsp;" + marked_snippet_html(text, error.column)
        style = f"QLineEdit {{ border: 2px solid {_ERROR_COLOUR}; }}"
        self._feedback_state = (body, error_text(error), style)
        self._apply_feedback()

    def _show_echo(self, expression: Any) -> None:
        self._last_error = None
        display = getattr(expression, "display", None)
        echo = display() if callable(display) else str(expression)
        # Echo what was understood, so "1/2x" visibly means (1/2)·x.
        echo_html = html.escape(echo, quote=False)
        prefix = html.escape(self._echo_prefix, quote=False)
        body = f"<span style='color:{_ECHO_COLOUR};'>{prefix}{echo_html}</span>"
        self._feedback_state = (body, "", "")
        self._apply_feedback()

    def _apply_feedback(self) -> None:
        if self._active:
            body, tooltip, style = self._feedback_state
        else:
            # An error about text that drives nothing here must not linger as if it mattered.
            hint = html.escape(self._hint, quote=False)
            body, tooltip, style = f"<span style='color:{_HINT_COLOUR};'>{hint}</span>", "", ""
        self.feedback.setText(body)
        self.feedback.setToolTip(tooltip)
        self.line_edit.setStyleSheet(style)


def _default_parse(text: str) -> Any:
    from explorer.core.expr import parse

    # Single letters other than x (a, b, k …) are parameters: the Function and Derivative panels
    # give them sliders whose values they share (explorer.ui.parameter_sliders).
    return parse(text, variables=("x",), parameters=True)
