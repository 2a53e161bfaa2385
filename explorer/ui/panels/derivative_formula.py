"""The Derivative panel's formula readouts (f, f′, f″, the plot title) and sympy's tidier f′.

``FormulaReadouts`` is mixed into ``DerivativePanel``: it shows the derivative our steps engine
derived at once, asks the worker's "derivative_steps" task for sympy's form, and shows that
instead when it is simpler (in our notation). It uses the panel's ``side``, ``plot``,
``function``, ``_worker``, ``_request_id``, ``_expression_text`` and ``formula_simplified``.
"""

from __future__ import annotations

import html

from explorer.core.derivative import PreparedFunction
from explorer.core.derivative.from_sympy import KEPT_OURS
from explorer.core.expr.display import format_unicode
from explorer.ui.panels.derivative_controls import shortened
from explorer.ui.plot import FOREGROUND

SIMPLIFY_TIMEOUT_S = 8.0
WORKER_TASK = "derivative_steps"
_MUTED = "#666666"
_OK = "#1b7f3b"


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
        function_text = html.escape(shortened(format_unicode(self.function.tree)))
        title = f"f(x) = {function_text}{'&nbsp;' * 6}f′(x) = {html.escape(shortened(derivative))}"
        self.plot.plot_item.setTitle(title, color=FOREGROUND, size="12pt")

    def _show_second_formula(self) -> None:
        shown = self.side.show_second.isChecked() and self.function is not None
        self.side.second_label.setVisible(shown)
        if shown:
            self.side.second_label.setText(f"f″(x) = {self._second().derivation.text}")

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
