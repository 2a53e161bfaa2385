"""The Derivative panel's f″: our form at once, sympy's simplification from the worker, on its
own request so f′ and f″ answers never overwrite each other."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from explorer.core.expr import parse

SIMPLIFIED_F2 = (
    "(4x³·cos(x) + 4x·cos(x) + 2sin(x) − x⁶·sin(x) − 2x⁴·sin(x) − 7x²·sin(x))/(x⁶ + 3x⁴ + 3x² + 1)"
)
SIMPLIFIED_F1 = "x·(x³·cos(x) + x·cos(x) + 2sin(x))/(x⁴ + 2x² + 1)"


def _legend_name(derivative_panel) -> str:
    return derivative_panel.plot.curve("fsecond").name()


def test_worker_simplifies_f_second_next_to_f_prime(qtbot, derivative_panel, symbolic_worker):
    derivative_panel.set_worker(symbolic_worker)
    derivative_panel.side.show_second.setChecked(True)
    with qtbot.waitSignal(derivative_panel.second_formula.simplified, timeout=60000) as blocker:
        derivative_panel.set_expression(parse("x^2 sin(x)/(1 + x^2)"))
        # At once: our rules' long f″, marked as pending.
        assert derivative_panel.second_formula.formula_text().startswith("f″(x) = (((2sin(x)")
        assert derivative_panel.second_formula.status_text() == "simplifying…"
    assert blocker.args == [SIMPLIFIED_F2]
    assert derivative_panel.second_formula.formula_text() == f"f″(x) = {SIMPLIFIED_F2}"
    assert derivative_panel.second_formula.status_text() == "✓ simplified (sympy)"
    assert _legend_name(derivative_panel).startswith("f″(x) = (4x³·cos(x)")
    # f′'s own answer lands in f′'s line, not in f″'s (and the other way round).
    qtbot.waitUntil(
        lambda: derivative_panel.derivative_formula.status_text() == "✓ simplified (sympy)",
        timeout=60000,
    )
    assert derivative_panel.derivative_formula.formula_text() == f"f′(x) = {SIMPLIFIED_F1}"
    assert derivative_panel.second_formula.formula_text() == f"f″(x) = {SIMPLIFIED_F2}"
    # The plotted f″ is the same function sympy's form describes.
    x, y = derivative_panel.plot.curve_data("fsecond")
    expected = (
        4 * x**3 * np.cos(x) + 4 * x * np.cos(x) + 2 * np.sin(x)
        - x**6 * np.sin(x) - 2 * x**4 * np.sin(x) - 7 * x**2 * np.sin(x)
    ) / (x**6 + 3 * x**4 + 3 * x**2 + 1)  # fmt: skip
    assert np.allclose(y, expected, rtol=1e-9, atol=1e-12)


def test_turning_f_second_on_asks_the_worker_then(qtbot, derivative_panel, symbolic_worker):
    derivative_panel.set_worker(symbolic_worker)
    derivative_panel.set_expression(parse("sin(x)^2"))
    assert not derivative_panel.side.second_label.isVisible()
    with qtbot.waitSignal(derivative_panel.second_formula.simplified, timeout=60000) as blocker:
        derivative_panel.side.show_second.setChecked(True)
        assert derivative_panel.second_formula.formula_text() == "f″(x) = 2cos(x)² − 2sin(x)²"
    assert blocker.args == ["2cos(2x)"]
    assert derivative_panel.second_formula.formula_text() == "f″(x) = 2cos(2x)"
    assert _legend_name(derivative_panel) == "f″(x) = 2cos(2x)"


def test_our_tidy_f_second_is_kept_when_sympys_is_not_simpler(
    qtbot, derivative_panel, symbolic_worker
):
    derivative_panel.set_worker(symbolic_worker)
    derivative_panel.side.show_second.setChecked(True)
    derivative_panel.set_expression(parse("x^3 - 1/x"))
    qtbot.waitUntil(
        lambda: derivative_panel.second_formula.status_text() == "simplified",
        timeout=60000,
    )
    assert derivative_panel.second_formula.formula_text() == "f″(x) = 6x − 2/x³"
    assert "sympy finds nothing simpler" in derivative_panel.side.second_status.toolTip()


class _RecordingWorker(QObject):
    """Stands in for the symbolic_worker: records the jobs; the test answers them by hand."""

    result_ready = Signal(int, str, object)
    failed = Signal(int, str, str)

    def __init__(self):
        super().__init__()
        self.submitted = []
        self.cancelled = []

    def submit(self, task, payload, timeout=10.0, channel=None):
        self.submitted.append((task, payload["text"], timeout, channel))
        return len(self.submitted)

    def cancel(self, request_id):
        self.cancelled.append(request_id)


def _answer(simplified: str) -> dict:
    return {"simplified": simplified, "simplified_source": "sympy", "sympy_form": simplified}


def test_f_prime_and_f_second_answers_stay_apart_and_stale_ones_are_dropped(derivative_panel):
    worker = _RecordingWorker()
    derivative_panel.set_worker(worker)
    derivative_panel.set_expression(parse("x*exp(x)"))
    assert [task for task, *_ in worker.submitted] == ["derivative_steps"]  # f″ is off
    derivative_panel.side.show_second.setChecked(True)
    (_, _, _, first_channel), (task, text, timeout, channel) = worker.submitted
    assert (task, text) == ("second_derivative", "x*exp(x)") and timeout > 0
    assert channel != first_channel
    ours_f2 = derivative_panel.second_formula.formula_text()
    # An f′ answer changes f′ only.
    worker.result_ready.emit(1, "derivative_steps", _answer("(x + 1)·exp(x)"))
    assert derivative_panel.derivative_formula.formula_text() == "f′(x) = (x + 1)·exp(x)"
    assert derivative_panel.second_formula.formula_text() == ours_f2
    # A new f: the pending f″ request is cancelled and its late answer ignored.
    derivative_panel.set_expression(parse("sin(x)^2"))
    assert 2 in worker.cancelled
    worker.result_ready.emit(2, "second_derivative", _answer("(x + 2)·exp(x)"))
    assert derivative_panel.second_formula.formula_text() == "f″(x) = 2cos(x)² − 2sin(x)²"
    new_request = len(worker.submitted)
    assert worker.submitted[-1][:2] == ("second_derivative", "sin(x)^2")
    worker.failed.emit(new_request, "second_derivative", "took longer than 8 s and was stopped.")
    assert derivative_panel.second_formula.formula_text() == "f″(x) = 2cos(x)² − 2sin(x)²"
    assert "ran out of time" in derivative_panel.second_formula.status_text()
    # Toggling f″ off and on does not ask again for the same f.
    derivative_panel.side.show_second.setChecked(False)
    derivative_panel.side.show_second.setChecked(True)
    assert len(worker.submitted) == new_request
