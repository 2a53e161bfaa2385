"""The Derivative panel's f″ readout: our rules' form at once, sympy's tidier one from the worker.

``SecondFormula`` is mixed into ``DerivativePanel`` next to ``FormulaReadouts`` and treats f″
exactly as that treats f′: the worker's "second_derivative" task simplifies f″ within the same
time limit, and sympy's form is shown only when ``choose_derivative_form`` accepts it (in our
language, smaller, numerically equal, same domain). f″ has its own request id and channel, so an
f′ answer and an f″ answer never overwrite each other, and an answer for an older f is dropped.
It uses the panel's ``side``, ``plot``, ``function``, ``curves``, ``_worker``,
``_expression_text``, ``_second()`` and the ``second_simplified`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from explorer.core.derivative.from_sympy import KEPT_OURS
from explorer.ui.panels.derivative_formula import SIMPLIFY_TIMEOUT_S
from explorer.ui.plot import PALETTE

SECOND_TASK = "second_derivative"
SECOND_CHANNEL = "derivative_panel_second"
SECOND_COLOR = PALETTE[3]
_MUTED = "#666666"
_OK = "#1b7f3b"
# The legend sits inside the plot: a long f″ is cut there (the side box shows all of it).
_LEGEND_WIDTH_PX = 230


class SecondFormula:
    """f″'s formula line, its simplification status, its legend entry and its worker request."""

    _second_request_id: int | None = None
    # The expression text the shown f″ form belongs to, and that form (sympy's or None = ours).
    _second_for: str | None = None
    _second_simplified: str | None = None

    def second_text(self) -> str:
        """f″ as shown: sympy's simplified form when it was accepted, else our rules' form."""
        if self._second_simplified is not None and self._second_for == self._expression_text:
            return self._second_simplified
        return self._second().derivation.text

    def second_formula_text(self) -> str:
        return self.side.second_label.text()

    def second_simplification_status(self) -> str:
        return self.side.second_status.text()

    def _forget_second(self) -> None:
        """A new f: its f″ is ours until the worker says otherwise; an older answer is dropped."""
        if self._second_request_id is not None and self._worker is not None:
            self._worker.cancel(self._second_request_id)
        self._second_request_id = None
        self._second_for = None
        self._second_simplified = None
        self._set_second_status("", _MUTED, "")

    def _show_second_formula(self) -> None:
        shown = self.side.show_second.isChecked() and self.function is not None
        self.side.second_label.setVisible(shown)
        self.side.second_status.setVisible(shown and bool(self.side.second_status.text()))
        if shown:
            self.side.second_label.setText(f"f″(x) = {self.second_text()}")

    def second_legend_name(self) -> str:
        """The legend's "f″(x) = …", cut to its width, so the plot names what the third curve is."""
        label = self.side.second_label
        metrics = QFontMetricsF(label.font())
        text = f"f″(x) = {self.second_text()}"
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, _LEGEND_WIDTH_PX)

    def _rename_second_curve(self) -> None:
        curve = self.curves.get("fsecond")
        if curve is None or not self.side.show_second.isChecked():
            return
        x, y = curve.display_arrays()
        name = self.second_legend_name()
        self.plot.set_curve("fsecond", x, y, name=name, color=SECOND_COLOR, width=2.4)

    def _request_second_simplification(self) -> None:
        """Ask the worker for sympy's f″ once per f, and only while f″ is shown."""
        text = self._expression_text
        if (
            self._worker is None
            or text is None
            or not self.side.show_second.isChecked()
            or self._second_request_id is not None
            or self._second_for == text
        ):
            return
        payload = {"text": text, "variables": ["x"], "parameters": True}
        self._second_request_id = self._worker.submit(
            SECOND_TASK, payload, timeout=SIMPLIFY_TIMEOUT_S, channel=SECOND_CHANNEL
        )
        self._set_second_status("simplifying…", _MUTED, "")

    def _on_second_result(self, request_id: int, task: str, result: object) -> None:
        if request_id != self._second_request_id or task != SECOND_TASK:
            return
        self._second_request_id = None
        if not isinstance(result, dict):
            return
        self._second_for = self._expression_text
        simplified = str(result.get("simplified", ""))
        sympy_form = str(result.get("sympy_form", ""))
        if result.get("simplified_source") != "sympy" or not simplified:
            reason = str(result.get("simplified_reason", ""))
            self._set_second_status(f"({KEPT_OURS})", _MUTED, f"{reason}\nsympy: {sympy_form}")
            return
        self._second_simplified = simplified
        self.side.second_label.setToolTip(f"By the rules: {self._second().derivation.text}")
        self._set_second_status("✓ simplified (sympy)", _OK, f"sympy: {sympy_form}")
        self._show_second_formula()
        self._rename_second_curve()
        self.second_simplified.emit(simplified)

    def _on_second_failed(self, request_id: int, task: str, message: str) -> None:
        if request_id != self._second_request_id:
            return
        self._second_request_id = None
        # Not asked again for this f: the time limit would only run out again.
        self._second_for = self._expression_text
        why = "ran out of time" if "longer than" in message else "failed"
        self._set_second_status(f"not simplified (sympy {why}); shown as derived", _MUTED, message)

    def _set_second_status(self, text: str, color: str, tooltip: str) -> None:
        status = self.side.second_status
        status.setText(text)
        status.setStyleSheet(f"color: {color};")
        status.setToolTip(tooltip)
        status.setVisible(bool(text) and self.side.show_second.isChecked())
        if not text:
            self.side.second_label.setToolTip("Derived step by step from f′")
