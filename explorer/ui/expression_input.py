"""The expression input: a line edit that parses as you type and shows errors at their column.

The feedback line under it never widens the window: its text is elided to the width it has (the
middle goes, so the column stays readable), the marked snippet is dropped when even that does not
fit, and the whole message is in its tooltip. An unknown name links to Help ▸ Expression syntax.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.core.expr.errors import ExprError
from explorer.ui import i18n
from explorer.ui.appearance import current_theme, follow_theme, set_text_role
from explorer.ui.i18n import Context, Deferred, Joined
from explorer.ui.palette import Theme
from explorer.ui.syntax_help import show_syntax_help

T = Context("ExpressionInput")

DEBOUNCE_MS = 40
# The input's text is this many times the application's (which Ctrl+= changes).
_INPUT_FONT_FACTOR = 1.25
# Messages about names link to the syntax list; the link's text and its target.
_NAME_ERRORS = ("Unknown name", "Unknown function")
SYNTAX_LINK_TEXT = T.mark("see the syntax list")
_SYNTAX_LINK = "syntax"
# Below this many pixels for the message itself, the marked snippet gives way to it.
_MIN_MESSAGE_WIDTH = 220
# A tooltip is one line per paragraph: a 3,000-letter name would make it wider than the screen.
_MAX_TOOLTIP_CHARACTERS = 300


def error_text(error: ExprError) -> str:
    """The plain-text form of an error shown under the input, e.g. "... after '/' (column 8)"."""
    message = i18n.core_text(error.message)
    if error.column is None:
        return message
    return T("{message} (column {column})", message=message, column=error.column)


def snippet_parts(text: str, column: int, context: int = 30) -> tuple[str, str, str]:
    """``text`` around 1-based ``column`` as (before, marked character, after), cut with "…" to
    ``context`` characters on each side. A column one past the end (an expression that stops too
    early) marks an empty slot, shown as a space."""
    index = min(max(0, column - 1), len(text))
    start, stop = max(0, index - context), min(len(text), index + 1 + context)
    before = ("…" if start > 0 else "") + text[start:index]
    marked = text[index : index + 1] or " "
    after = text[index + 1 : stop] + ("…" if stop < len(text) else "")
    return before, marked, after


def marked_snippet_html(
    text: str, column: int, context: int = 30, theme: Theme | None = None
) -> str:
    """``text`` around 1-based ``column`` in monospace, with that character highlighted in the
    colours of ``theme`` (the application's now when None)."""
    theme = theme or current_theme()
    before, marked, after = snippet_parts(text, column, context)
    marked_html = (
        f"<span style='background:{theme.marked}; color:{theme.error}; font-weight:bold;'>"
        f"{_escape_keeping_spaces(marked)}</span>"
    )
    line = _escape_keeping_spaces(before) + marked_html + _escape_keeping_spaces(after)
    family = html.escape(_monospace_font().family(), quote=True)
    return f"<span style='font-family:\"{family}\", monospace;'>{line}</span>"


def _monospace_font():
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def shortened(text: str, limit: int) -> str:
    """``text`` with its middle replaced by "…" when it is longer than ``limit`` characters."""
    if len(text) <= limit:
        return text
    keep = limit - 1
    return text[: keep - keep // 3] + "…" + text[len(text) - keep // 3 :]


@dataclass(frozen=True)
class _Feedback:
    """What the line under the input says; laid out to the width it has when shown."""

    # Plain text, elided to fit; rendered when shown, so it follows the language.
    message: object = ""
    role: str = "muted"  # its colour, a text role of the theme (explorer.ui.palette.Theme)
    snippet: tuple[str, int] | None = None  # (typed text, column) to mark, when there is room
    link: bool = False  # "— see the syntax list"
    tooltip: object = ""


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
        echo_prefix: object = T.lazy("Plotting y = "),
    ):
        super().__init__(parent)
        self._parse = parse or _default_parse
        # What the echo of a good parse starts with ("Plotting y = " for f(x)).
        self._echo_prefix = echo_prefix
        self.line_edit = QLineEdit()
        self.line_edit.setObjectName("expressionInput")
        T.placeholder(self.line_edit, "Type an expression in x, e.g. x^3 - 1/x")
        self.line_edit.setClearButtonEnabled(True)
        T.tip(
            self.line_edit,
            "Operators + - * / ^, functions like sin(x), exp(x), log(x), |x|; constants pi, e",
        )
        self.feedback = QLabel()
        self.feedback.setObjectName("expressionFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.feedback.linkActivated.connect(self._on_link)
        # Any width, so no message can widen the window (it is elided to what there is).
        self.feedback.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.feedback.setMinimumWidth(0)
        self.feedback.installEventFilter(self)
        self._last_error: ExprError | None = None
        self._active = True
        self._hint = ""
        # What the feedback line shows while active.
        self._feedback_state = _Feedback()
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.parse_now)
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.line_edit.returnPressed.connect(self.parse_now)

        row = QHBoxLayout()
        self.prefix = QLabel(label)
        self.prefix.setBuddy(self.line_edit)
        self._fit_fonts()
        follow_theme(self, self._apply_feedback)
        row.addWidget(self.prefix)
        row.addWidget(self.line_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.feedback)

    def _fit_fonts(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * _INPUT_FONT_FACTOR)
        self.line_edit.setFont(font)
        self.prefix.setFont(font)
        # One line, always reserved, so the plot does not jump when an error comes and goes.
        self.feedback.setFixedHeight(self.feedback.fontMetrics().height() + 6)

    def event(self, event: QEvent) -> bool:
        # Ctrl+= / Ctrl+- and presentation mode change the application's font.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_fonts()
        return super().event(event)

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
        snippet = (text, error.column) if error.column is not None and text.strip() else None
        self._feedback_state = _Feedback(
            message=Joined(["⚠ ", Deferred(lambda: error_text(error))]),
            role="error",
            snippet=snippet,
            link=error.message.startswith(_NAME_ERRORS),
            tooltip=Deferred(lambda: shortened(error_text(error), _MAX_TOOLTIP_CHARACTERS)),
        )
        self._apply_feedback()

    def _show_echo(self, expression: Any) -> None:
        self._last_error = None
        display = getattr(expression, "display", None)
        echo = display() if callable(display) else str(expression)
        # Echo what was understood, so "1/2x" visibly means (1/2)·x.
        self._feedback_state = _Feedback(message=Joined([self._echo_prefix, echo]))
        self._apply_feedback()

    def _apply_feedback(self) -> None:
        if self._active:
            feedback = self._feedback_state
        else:
            # An error about text that drives nothing here must not linger as if it mattered.
            feedback = _Feedback(message=self._hint)
        self.feedback.setText(self._feedback_html(feedback))
        self.feedback.setToolTip(str(feedback.tooltip))
        set_text_role(self.line_edit, "invalid" if feedback.role == "error" else "")

    def _feedback_html(self, feedback: _Feedback) -> str:
        """The feedback as rich text that fits the label's current width on one line."""
        metrics = self.feedback.fontMetrics()
        room = max(0, self.feedback.contentsRect().width() - 4)
        tail = ""
        if feedback.link:
            link_text = T(SYNTAX_LINK_TEXT)
            room -= metrics.horizontalAdvance(f" — {link_text}")
            tail = f" — <a href='{_SYNTAX_LINK}'>{link_text}</a>"
        theme = current_theme()
        snippet = ""
        if feedback.snippet is not None:
            width = QFontMetrics(_monospace_font()).horizontalAdvance(
                "".join(snippet_parts(*feedback.snippet))
            ) + metrics.horizontalAdvance("   ")
            if room - width >= _MIN_MESSAGE_WIDTH:
                room -= width
                snippet = "&nbsp;&nbsp;&nbsp;" + marked_snippet_html(*feedback.snippet, theme=theme)
        message = metrics.elidedText(str(feedback.message), Qt.TextElideMode.ElideMiddle, room)
        body = html.escape(message, quote=False)
        colour = getattr(theme, feedback.role)
        return f"<span style='color:{colour};'>{body}{tail}</span>{snippet}"

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._apply_feedback()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.feedback and event.type() == QEvent.Type.Resize:
            self._apply_feedback()  # lay the message out again for the new width
        return super().eventFilter(watched, event)

    def _on_link(self, target: str) -> None:
        if target == _SYNTAX_LINK:
            show_syntax_help(self)


def _default_parse(text: str) -> Any:
    from explorer.core.expr import parse

    # Single letters other than x (a, b, k …) are parameters: the Function and Derivative panels
    # give them sliders whose values they share (explorer.ui.parameter_sliders).
    return parse(text, variables=("x",), parameters=True)
