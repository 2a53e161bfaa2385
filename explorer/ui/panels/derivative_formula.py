"""The Derivative panel's formula readouts (f, f′, the plot title) and sympy's tidier f′.

``FormulaReadouts`` is mixed into ``DerivativePanel``: it shows the derivative our steps engine
derived at once, asks the worker's "derivative_steps" task for sympy's form, and shows that
instead when it is simpler (in our notation). It uses the panel's ``side``, ``plot``,
``function``, ``_worker``, ``_request_id``, ``_expression_text`` and ``formula_simplified``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from explorer.core.derivative import PreparedFunction
from explorer.core.derivative.from_sympy import KEPT_OURS
from explorer.core.expr.display import format_unicode
from explorer.ui.plot import FOREGROUND

SIMPLIFY_TIMEOUT_S = 8.0
WORKER_TASK = "derivative_steps"
_MUTED = "#666666"
_OK = "#1b7f3b"
_TITLE_POINT_SIZE = 12
_TITLE_GAP = "\u00a0" * 6
# Room the title leaves at the plot's edges (its label's margins, a little slack).
_TITLE_MARGIN_PX = 24


class FormulaReadouts:
    """The formula labels, the plot title and the simplification status of the panel."""

    function: PreparedFunction | None

    def _show_formula(self) -> None:
        function = self.function
        self.side.function_label.setText(f"f(x) = {format_unicode(function.tree)}")
        self._show_derivative_text(function.derivation.text)
        self.side.derivative_label.setToolTip("Derived step by step (see Show steps)")
        self._set_status(
            "simplifying…" if self._worker is not None else "as derived by the rules", _MUTED
        )
        self._show_second_formula()

    def _show_derivative_text(self, derivative: str) -> None:
        self.side.derivative_label.setText(f"f′(x) = {derivative}")
        # The title names both curves, so an exported image says what it shows.
        self._title_parts = (
            f"f(x) = {format_unicode(self.function.tree)}",
            f"f′(x) = {derivative}",
        )
        if not getattr(self, "_title_follows_width", False):
            self._title_follows_width = True
            self.plot.plot_widget.installEventFilter(self)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title elided to the plot's width (full text in its tooltip): pyqtgraph makes a
        title's width the plot's minimum width, so a long formula would push the plot past its
        frame."""
        parts = getattr(self, "_title_parts", None)
        if parts is None:
            return
        label = self.plot.plot_item.titleLabel
        label.setToolTip(f"{parts[0]}\n{parts[1]}")
        if not self.plot.plot_widget.isVisible():
            # Hidden (a CLI export, a tab not shown yet): the widget has no real width to fit,
            # and the export lays the plot out at its own size, so show the whole title. It is
            # fitted again when the plot is shown.
            whole = f"{html.escape(parts[0])}{_TITLE_GAP}{html.escape(parts[1])}"
            self.plot.plot_item.setTitle(whole, color=FOREGROUND, size=f"{_TITLE_POINT_SIZE}pt")
            return
        font = QFont(label.item.font())
        font.setPointSizeF(_TITLE_POINT_SIZE)
        metrics = QFontMetricsF(font)
        # The title sits over the view box: the widget minus the left axis and the margins.
        axis = self.plot.plot_item.getAxis("left")
        room = self.plot.plot_widget.width() - axis.width() - _TITLE_MARGIN_PX
        for _ in range(4):
            text = _elided_title(parts, metrics, room - metrics.horizontalAdvance(_TITLE_GAP))
            self.plot.plot_item.setTitle(text, color=FOREGROUND, size=f"{_TITLE_POINT_SIZE}pt")
            excess = label.itemRect().width() - room
            if excess <= 0:
                break
            room -= excess  # the rich-text item measures a little wider than the metrics

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        refit = event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
        if refit and watched is self.plot.plot_widget:
            self._fit_title()
        return super().eventFilter(watched, event)

    def plot_title_text(self) -> str:
        """The title as shown (possibly elided), without markup."""
        return self.plot.plot_item.titleLabel.item.toPlainText()

    def _set_status(self, text: str, color: str) -> None:
        self.side.simplify_status.setText(text)
        self.side.simplify_status.setStyleSheet(f"color: {color};")

    def simplification_status(self) -> str:
        return self.side.simplify_status.text()

    def derivative_text(self) -> str:
        return self.side.derivative_label.text()

    def _request_simplification(self) -> None:
        if self._worker is None or self._expression_text is None:
            return
        payload = {"text": self._expression_text, "variables": ["x"], "parameters": True}
        self._request_id = self._worker.submit(
            WORKER_TASK, payload, timeout=SIMPLIFY_TIMEOUT_S, channel="derivative_panel"
        )

    def _on_worker_result(self, request_id: int, task: str, result: object) -> None:
        if request_id != self._request_id or task != WORKER_TASK or not isinstance(result, dict):
            return
        self._request_id = None
        simplified = str(result.get("simplified", ""))
        sympy_form = str(result.get("sympy_form", ""))
        if result.get("simplified_source") != "sympy" or not simplified:
            # sympy's form is outside our language, no smaller, or not equal: ours stays.
            reason = str(result.get("simplified_reason", ""))
            self._set_status(f"({KEPT_OURS})", _MUTED)
            self.side.simplify_status.setToolTip(f"{reason}\nsympy: {sympy_form}")
            return
        self._show_derivative_text(simplified)
        self.side.derivative_label.setToolTip(f"By the rules: {self.function.derivation.text}")
        self._set_status("✓ simplified (sympy)", _OK)
        self.side.simplify_status.setToolTip(f"sympy: {sympy_form}")
        self.formula_simplified.emit(simplified)

    def _on_worker_failed(self, request_id: int, task: str, message: str) -> None:
        if request_id != self._request_id:
            return
        self._request_id = None
        # Quietly: the derived form is correct, just not tidied up.
        self._set_status("not simplified (sympy ran out of time); shown as derived", _MUTED)
        self.side.simplify_status.setToolTip(message)


def _elided_title(parts: tuple[str, str], metrics: QFontMetricsF, room: float) -> str:
    """f and f′ cut with "…" to fit ``room`` pixels together; f keeps its full text while f′
    still gets half the room."""
    first, second = parts
    needed = metrics.horizontalAdvance(second)
    first_room = min(metrics.horizontalAdvance(first), max(room / 2, room - needed))
    first = metrics.elidedText(first, Qt.TextElideMode.ElideRight, max(first_room, 0))
    second_room = max(room - metrics.horizontalAdvance(first), 0)
    second = metrics.elidedText(second, Qt.TextElideMode.ElideRight, second_room)
    return f"{html.escape(first)}{_TITLE_GAP}{html.escape(second)}"
