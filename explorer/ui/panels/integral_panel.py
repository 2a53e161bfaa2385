"""The "Integral" panel: signed area between draggable bounds, Riemann sums that converge as n
grows, error vs n, and F(x) = ∫ₐˣ f with the fundamental theorem checked at x₀.

A thin layer over ``explorer.core.integral``: every number shown comes from the core. Work is
split by what changed, so each interaction pays only for what it moves:

- a new f (or parameter): sample f, find its breaks, then everything below;
- a bound (drag or typed): area, sum, F and the check, and the worker's values (debounced);
- the rule or n: the sum only (and the convergence tabs while they are on screen);
- x₀: the FTC check only.

sympy never runs here: the exact value and the antiderivative come from the worker's
"integral_exact" and "antiderivative" tasks, the numeric value (mpmath) from "integral_numeric",
each tagged with a request id; answers to superseded requests are dropped. Without a worker (a
command-line export) the numeric value is computed here instead.
"""

from __future__ import annotations

import html
import math
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QTabWidget, QWidget

from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.expr.display import format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.expr.tree_data import data_to_tree
from explorer.core.integral import convergence
from explorer.core.integral.accumulation import (
    Accumulation,
    FtcCheck,
    accumulation_curve,
    ftc_check,
)
from explorer.core.integral.area import clipped_to
from explorer.core.integral.bounds import Bound, finite_bound
from explorer.core.integral.exact import (
    VALUE,
    ExactIntegral,
    agreement,
    formula_line,
    numeric_from_data,
    numeric_text,
)
from explorer.core.integral.quadrature import DIVERGES, UNDEFINED, UNRELIABLE, NumericIntegral
from explorer.core.integral.report import (
    NO_SUMS,
    Antiderivative,
    IntegralProblem,
    order_line,
    reference_value,
    sum_line,
)
from explorer.core.integral.riemann import RULE_NAMES, RiemannSum
from explorer.core.integral.singular import Singularity, singularities_from_curve
from explorer.core.panel_state import IntegralState
from explorer.core.panel_state.integral import X0_LIMIT
from explorer.core.sampling import MAX_ABS_X, RangeError, SampledCurve, sample_curve
from explorer.core.sampling_breaks import display_limits
from explorer.core.text import format_number
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import current_theme
from explorer.ui.i18n import Context, core_text
from explorer.ui.palette import Theme
from explorer.ui.panels.derivative.controls import source_text
from explorer.ui.panels.integral_items import IntegralLayer
from explorer.ui.panels.integral_side import SideColumn
from explorer.ui.panels.integral_views import ErrorView, TableView
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel
from explorer.ui.plot import PALETTE, PlotView
from explorer.ui.plot_keyboard import KeyboardHandle, PlotKeyboard, item_position

T = Context("IntegralPanel")

CURVE_SAMPLES = 1500
ACCUMULATION_SAMPLES = 1001  # F is smoother than f: half the grid draws it just as well
WORKER_DELAY_MS = 150  # a drag asks the worker once it pauses
RESAMPLE_DELAY_MS = 60
EXACT_TIMEOUT_S = 10.0
NUMERIC_TIMEOUT_S = 10.0
_TASKS = ("integral_exact", "antiderivative", "integral_numeric")


def snapped(x: float, view: tuple[float, float]) -> float:
    """A dragged position on a grid a pointer can aim at (0.01 on a 10-wide view), inside the
    view: a bound lands exactly on 1, not on 0.99837."""
    low, high = view
    step = 10.0 ** math.floor(math.log10((high - low) / 500.0))
    return float(f"{round(min(max(x, low), high) / step) * step:.12g}")


def home_x_range(lower: Bound, upper: Bound) -> tuple[float, float]:
    """The x-range that shows [a, b] with a quarter of its width beside it; towards an infinite
    bound, 10 units of it and a small margin on the finite side."""
    values = [v for v in (lower.value, upper.value) if math.isfinite(v)]
    if not values:
        return -10.0, 10.0
    low, high = min(values), max(values)
    if len(values) == 1:
        infinite = lower.value if math.isinf(lower.value) else upper.value
        if infinite > 0:
            return max(low - 1.0, -MAX_ABS_X), min(low + 10.0, MAX_ABS_X)
        return max(high - 10.0, -MAX_ABS_X), min(high + 1.0, MAX_ABS_X)
    # A margin the sampler can resolve even for a = b far from 0 (it needs a 1e-12 relative span).
    margin = 0.25 * max(high - low, 1e-3 * max(1.0, abs(low), abs(high)))
    return max(low - margin, -MAX_ABS_X), min(high + margin, MAX_ABS_X)


class IntegralPanel(Panel):
    """∫ₐᵇ f as area, as the limit of Riemann sums, and through F(x) = ∫ₐˣ f."""

    uses_expression = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("integralPanel")
        self.plot = PlotView(self, x_label="x", y_label="y")
        self.plot.setObjectName("integralPlot")
        describe(
            self.plot.plot_widget, T.lazy("Plot of f(x), the area from a to b and the Riemann sum")
        )
        self.plot.set_curve("f", [], [], name="f(x)", color=PALETTE[0], width=2.4)
        self.layer = IntegralLayer(self.plot)
        # A new theme or text size: the title and the verdict's colours are written anew.
        self.plot.restyled.connect(self._restyle)
        self.table_view = TableView()
        self.error_view = ErrorView()
        self.views = QTabWidget()
        self.views.setObjectName("integralViews")
        for view, title in (
            (self.plot, T.mark("Area, sums and F(x)")),
            (self.table_view, T.mark("n doubling table")),
            (self.error_view, T.mark("Error vs n")),
        ):
            i18n.bind(self.views, "setTabText", T.lazy(title), self.views.addTab(view, ""))
        self.side = SideColumn()
        scroll = QScrollArea()
        # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.side)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(self.side.width() + 18)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.views, 1)
        layout.addWidget(scroll)

        self._state = IntegralState()
        self.function: PreparedFunction | None = None
        self.problem: IntegralProblem | None = None
        self.curve: SampledCurve | None = None
        self.singularities: list[Singularity] = []
        self.riemann: RiemannSum | None = None
        self.accumulation: Accumulation | None = None
        self.check: FtcCheck | None = None
        self.exact: ExactIntegral | None = None
        self.numeric: NumericIntegral | None = None
        # None: not known yet; "": sympy found none; "(message)": sympy failed; else F's formula.
        self.antiderivative_formula: str | None = None
        self.antiderivative_found: Antiderivative | None = None
        self.antiderivative: PreparedFunction | None = None
        self._expression: Any = None
        self._worker: Any = None
        self._requests: dict[str, int] = {}
        self._views_dirty = True
        self._parameters_stale = False
        self._window = (-1.0, 1.0)  # the x-range f was last sampled over
        self._title = ""
        self._integrand_text = ""
        self._worker_timer = QTimer(self)
        self._worker_timer.setSingleShot(True)
        self._worker_timer.setInterval(WORKER_DELAY_MS)
        self._worker_timer.timeout.connect(self._request_values)
        # Panning or zooming samples f, the area and F again over what is in view.
        self._resample_timer = QTimer(self)
        self._resample_timer.setSingleShot(True)
        self._resample_timer.setInterval(RESAMPLE_DELAY_MS)
        self._resample_timer.timeout.connect(self._resample_visible)
        self._sync_widgets()
        self._connect()

    @property
    def parameters(self):
        """The shared parameter sliders (a, k … in f)."""
        return self.side.parameters

    def _connect(self) -> None:
        side = self.side
        side.lower_input.editingFinished.connect(self._on_bounds_typed)
        side.upper_input.editingFinished.connect(self._on_bounds_typed)
        side.rule.currentIndexChanged.connect(self._on_rule_changed)
        side.n_slider.n_changed.connect(lambda n: self._change(n=n, what="sum"))
        side.show_sums.toggled.connect(lambda on: self._change(show_sums=on, what="sum"))
        side.show_accumulation.toggled.connect(
            lambda on: self._change(show_accumulation=on, what="accumulation")
        )
        side.x0_input.valueChanged.connect(lambda x0: self._change(ftc_x=float(x0), what="ftc"))
        side.parameters.values_changed.connect(self._on_parameters_changed)
        self.layer.lower_line.dragged.connect(lambda x: self._on_bound_dragged("lower", x))
        self.layer.upper_line.dragged.connect(lambda x: self._on_bound_dragged("upper", x))
        self.layer.handle.x_dragged.connect(self._on_x0_dragged)
        self.keyboard = PlotKeyboard(
            self.plot,
            [
                KeyboardHandle(
                    name,
                    position=lambda item=item: item_position(item, self.plot),
                    drag_to=lambda x, _y, which=which: self._on_bound_dragged(which, x),
                )
                for name, item, which in (
                    ("a", self.layer.lower_line, "lower"),
                    ("b", self.layer.upper_line, "upper"),
                )
            ]
            + [
                KeyboardHandle(
                    "x₀",
                    position=lambda: item_position(self.layer.handle, self.plot),
                    drag_to=lambda x, _y: self._on_x0_dragged(x),
                )
            ],
            what=T.lazy("f, the area from a to b, the Riemann sum, and F with its tangent at x₀"),
        )
        self.views.currentChanged.connect(lambda _i: self._refresh_views())
        self.plot.view_box.sigXRangeChanged.connect(lambda *_: self._resample_timer.start())

    # ----- the panel protocol -------------------------------------------------------------------

    def set_expression(self, expression: Any) -> None:
        """Show ∫ of ``expression`` (an Expression, tree or text); bad input keeps the last."""
        try:
            function = prepare(expression, self.side.parameters.model().values())
        except (ExprError, ValueError, TypeError):
            return
        self._expression = expression
        self.side.parameters.set_parameters(function.parameter_names)
        self._use_function(function, keep_view=False)
        self._request_values(antiderivative=True)

    def set_parameter_model(self, model: ParameterModel) -> None:
        self.side.parameters.set_model(model)

    def set_worker(self, worker: Any) -> None:
        if self._worker is not None:
            self._worker.result_ready.disconnect(self._on_worker_result)
            self._worker.failed.disconnect(self._on_worker_failed)
        self._worker = worker
        if worker is not None:
            worker.result_ready.connect(self._on_worker_result)
            worker.failed.connect(self._on_worker_failed)

    def export_target(self) -> Any:
        current = self.views.currentWidget()
        if current is self.error_view:
            return self.error_view.plot
        return current

    def view_actions(self) -> list[QAction]:
        return self.plot.view_actions()

    def state(self) -> IntegralState:
        return self._state

    def set_state(self, state: IntegralState) -> None:
        self._state = state
        self._sync_widgets()
        self.side.show_bound_error("")
        if self.function is not None:
            self._redraw_all(keep_view=False)
            self._request_values()

    def shutdown(self) -> None:
        self._worker_timer.stop()
        self._resample_timer.stop()
        if self._worker is not None:
            for request_id in self._requests.values():
                self._worker.cancel(request_id)
        self._requests.clear()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._parameters_stale:
            self._on_parameters_changed(self.side.parameters.values())

    # ----- state ↔ widgets ----------------------------------------------------------------------

    def _sync_widgets(self) -> None:
        side, state = self.side, self._state
        with signals_blocked(
            side.lower_input, side.upper_input, side.rule, side.show_sums, side.show_accumulation
        ):
            side.lower_input.setText(state.lower)
            side.upper_input.setText(state.upper)
            side.rule.setCurrentIndex(side.rule.findData(state.rule))
            side.show_sums.setChecked(state.show_sums)
            side.show_accumulation.setChecked(state.show_accumulation)
        side.n_slider.set_n(state.n)
        with signals_blocked(side.x0_input):
            side.x0_input.setValue(state.ftc_x)

    def _change(self, what: str, **changes: Any) -> None:
        self._state = replace(self._state, **changes)
        if self.function is None:
            return
        if what == "sum":
            self._draw_sum()
            self._views_dirty = True
            self._refresh_views()
        elif what == "accumulation":
            self._draw_accumulation()
        else:
            self._draw_check()
        self._update_title()

    def _on_rule_changed(self, _index: int) -> None:
        self._change(rule=self.side.rule.currentData(), what="sum")

    def _on_bounds_typed(self) -> None:
        side = self.side
        lower, upper = side.lower_input.text().strip(), side.upper_input.text().strip()
        if (lower, upper) == (self._state.lower, self._state.upper):
            side.show_bound_error("")
            return
        try:
            state = replace(self._state, lower=lower, upper=upper)
        except ValueError as error:
            side.show_bound_error(str(error))
            return
        side.show_bound_error("")
        self._state = state
        if self.function is not None:
            self._redraw_all(keep_view=False)
            self._request_values()

    def _on_bound_dragged(self, which: str, x: float) -> None:
        try:
            bound = finite_bound(snapped(x, self.plot.view_range()[0]))
            self._state = replace(self._state, **{which: bound.text})
        except (ValueError, ExprError):
            return  # dragged beyond ±1e15: the bound stays where it was
        field = self.side.lower_input if which == "lower" else self.side.upper_input
        with signals_blocked(field):
            field.setText(bound.text)
        self.side.show_bound_error("")
        if self.function is None:
            return
        self._use_bounds()
        self._draw_area()
        self._draw_sum()
        if which == "lower":
            self._draw_accumulation()  # F is anchored at a; moving b leaves it as it is
        self._views_dirty = True
        self._invalidate_values()
        self._worker_timer.start()

    def _on_x0_dragged(self, x: float) -> None:
        x0 = min(max(snapped(x, self.plot.view_range()[0]), -X0_LIMIT), X0_LIMIT)
        with signals_blocked(self.side.x0_input):
            self.side.x0_input.setValue(x0)
        self._change(ftc_x=x0, what="ftc")

    def _on_parameters_changed(self, values: dict) -> None:
        if self.function is None:
            return
        if not self.isVisible():
            self._parameters_stale = True
            return
        self._parameters_stale = False
        self._use_function(self.function.with_params(values), keep_view=True)
        self._request_values(antiderivative=True)

    # ----- drawing ------------------------------------------------------------------------------

    def _use_function(self, function: PreparedFunction, keep_view: bool) -> None:
        self.function = function
        self._integrand_text = format_unicode(function.tree)
        self.exact = self.numeric = None
        self.antiderivative = self.antiderivative_formula = self.antiderivative_found = None
        self._redraw_all(keep_view)

    def _use_bounds(self) -> None:
        lower, upper = self._state.bounds()
        self.problem = IntegralProblem(self.function, lower, upper)
        self.layer.show_bounds(lower.value, upper.value)

    def _redraw_all(self, keep_view: bool) -> None:
        """Everything from f and the bounds; the view moves once, at the end."""
        self._use_bounds()
        self.exact = self.numeric = None
        if keep_view:
            (low, high), _ = self.plot.view_range()
        else:
            low, high = home_x_range(self.problem.lower, self.problem.upper)
        self._sample(low, high)
        self._draw_area()
        self._draw_sum()
        self._draw_accumulation()
        if keep_view:
            self.plot.set_home_range((low, high), self._y_range())
        else:
            self.plot.set_view_range((low, high), self._y_range())
        self._views_dirty = True

    def _resample_visible(self) -> None:
        (low, high), _ = self.plot.view_range()
        if self.function is None or np.allclose((low, high), self._window, rtol=1e-9, atol=0):
            return
        try:
            self._sample(low, high)
        except RangeError:
            return  # zoomed beyond what can be sampled: the last drawing stays
        self._draw_area()
        self._draw_accumulation()

    def _sample(self, low: float, high: float) -> None:
        curve = sample_curve(self.function.f, low, high, CURVE_SAMPLES)
        self._window = (low, high)
        self.curve = curve
        self.singularities = singularities_from_curve(self.function.f, curve, low, high)
        x, y = curve.display_arrays()
        name = f"f(x) = {format_unicode(self.function.tree)}"
        if self.function.params:
            name += (
                " ("
                + ", ".join(f"{k} = {format_number(v)}" for k, v in self.function.params.items())
                + ")"
            )
        self.plot.set_curve("f", x, y, name=name, color=PALETTE[0], width=2.4)
        self.plot.set_message(None if curve.has_real_values else T.lazy("No real values here"))

    def _y_limits(self) -> tuple[float, float]:
        view = self.curve.y_view_range if self.curve is not None else None
        return display_limits(view) if view else (-1e6, 1e6)

    def _y_range(self) -> tuple[float, float]:
        low, high = self.curve.y_view_range or (-1.0, 1.0)
        if self.accumulation is not None:
            finite = self.accumulation.F[np.isfinite(self.accumulation.F)]
            if finite.size:
                # F may dwarf f (∫ of x³ over a wide view): keep f readable, F within 3 spans.
                span = high - low
                low = min(low, max(float(finite.min()), low - 3 * span))
                high = max(high, min(float(finite.max()), high + 3 * span))
        low, high = min(low, 0.0), max(high, 0.0)
        pad = 0.05 * (high - low or 1.0)
        return low - pad, high + pad

    def _draw_area(self) -> None:
        problem, curve = self.problem, self.curve
        if curve is None:
            return
        x, y = curve.x, curve.y
        lo = min(problem.lower.value, problem.upper.value)
        hi = max(problem.lower.value, problem.upper.value)
        lo, hi = max(lo, float(x[0])), min(hi, float(x[-1]))
        if not lo < hi:
            self.layer.show_area(np.array([]), np.array([]))
            return
        xs, ys = clipped_to(x, y, lo, hi, *self._y_limits())
        self.layer.show_area(xs, ys)

    def _draw_sum(self) -> None:
        state, problem = self._state, self.problem
        if not problem.finite:
            self.riemann = None
            self.layer.show_sum(None, self._y_limits())
            self.side.sum_readout.setText(core_text(NO_SUMS))
            return
        self.riemann = problem.riemann(state.rule, state.n)
        self.layer.show_sum(self.riemann if state.show_sums else None, self._y_limits())
        _put(self.side.sum_readout, self._sum_text())

    def _sum_text(self) -> str:
        text = core_text(sum_line(self.riemann, self._reference()))
        if self.numeric is not None and self.numeric.status in (DIVERGES, UNDEFINED):
            text += T(" — the integral has no value, so the sums approach nothing meaningful")
        return text

    def _draw_accumulation(self) -> None:
        if not self._state.show_accumulation:
            self.accumulation = None
            self.layer.show_accumulation(None, None, "")
            self._draw_check()
            return
        low, high = self._window
        a = self.problem.lower.value
        self.accumulation = accumulation_curve(
            self.function.f, a, low, high, self.singularities, ACCUMULATION_SAMPLES
        )
        anchor = self.accumulation.anchor
        name = (
            "F(x) = ∫ₐˣ f(t) dt"
            if self.accumulation.anchored_at_a
            else T(
                "F(x) = ∫ f(t) dt from {anchor} (a = {a}: F + C)",
                anchor=format_number(anchor),
                a=self.problem.lower.display(),
            )
        )
        self.layer.show_accumulation(self.accumulation, None, name)
        self._draw_check()

    def retranslate(self) -> None:
        if self.problem is None:
            return
        self._draw_sum()
        self._draw_accumulation()
        self._views_dirty = True
        self._show_values()
        self._update_title()

    def _draw_check(self) -> None:
        if self.accumulation is None:
            self.check = None
            self.layer.show_tangent(None)
            self.side.ftc.setText("")
            return
        self.check = check = ftc_check(
            self.function,
            self.accumulation.anchor,
            self._state.ftc_x,
            self.antiderivative,
            self.singularities,
        )
        self.layer.show_tangent(check)
        self.side.ftc.setText(ftc_html(check))

    # ----- values from the worker ---------------------------------------------------------------

    def _invalidate_values(self) -> None:
        self.exact = self.numeric = None
        self._show_values(title=False)

    def _payload(self, text: str) -> dict:
        return {
            "text": text,
            "params": dict(self.function.params),
            "lower": self._state.lower,
            "upper": self._state.upper,
        }

    def _request_values(self, antiderivative: bool = False) -> None:
        self._worker_timer.stop()
        if self.function is None:
            return
        text = source_text(self._expression)
        if self._worker is None or text is None:
            # No worker (a command-line export), or a bare tree with no text for the worker to
            # parse: the numeric value is computed here, and there is no exact one.
            self.numeric = self.problem.numeric()
            self._show_values()
            return
        payload = self._payload(text)
        tasks = _TASKS if antiderivative else ("integral_exact", "integral_numeric")
        for task in tasks:
            timeout = NUMERIC_TIMEOUT_S if task == "integral_numeric" else EXACT_TIMEOUT_S
            self._requests[task] = self._worker.submit(task, payload, timeout=timeout, channel=task)
        self._show_values()

    def set_exact_answer(self, exact: ExactIntegral | None, antiderivative: Any = None) -> None:
        """sympy's answer (from the worker, or given by the command line's own worker)."""
        if exact is not None:
            self.exact = exact
        if antiderivative is not None:
            found, tree = antiderivative
            if isinstance(found, Antiderivative):
                self.antiderivative_found, self.antiderivative_formula = found, found.formula
            else:
                self.antiderivative_found, self.antiderivative_formula = None, found
            self.antiderivative = None
            if tree is not None:
                try:
                    self.antiderivative = prepare(data_to_tree(tree), self.function.params)
                except (ValueError, TypeError, ExprError):
                    self.antiderivative = None
            self._draw_check()
        self._show_values()

    def _on_worker_result(self, request_id: int, task: str, result: object) -> None:
        if self._requests.get(task) != request_id or not isinstance(result, dict):
            return
        del self._requests[task]
        if task == "integral_exact":
            self.set_exact_answer(ExactIntegral.from_data(result))
        elif task == "antiderivative":
            found = None
            if result.get("found"):
                formula = str(result.get("formula") or "")
                found = Antiderivative(formula, bool(result.get("absolute_logs")))
            self.set_exact_answer(None, (found, result.get("tree")) if found else ("", None))
        else:
            self.numeric = numeric_from_data(result)
            self._show_values()

    def _on_worker_failed(self, request_id: int, task: str, message: str) -> None:
        if self._requests.get(task) != request_id:
            return
        del self._requests[task]
        if task == "integral_exact":
            self.set_exact_answer(ExactIntegral.failed(message))
        elif task == "antiderivative":
            self.set_exact_answer(None, (f"({message})", None))
        else:
            self.numeric = NumericIntegral(math.nan, math.nan, UNRELIABLE, message)
            self._show_values()

    def _reference(self) -> float | None:
        return reference_value(self.exact, self.numeric)

    def _show_values(self, title: bool = True) -> None:
        """Every value readout; ``title`` False while a bound is dragged (setting the plot's
        title lays it out again, ~3 ms): the title follows when the drag pauses."""
        side, problem = self.side, self.problem
        if problem is None:
            return
        integrand = self._integrand_text
        _put(side.formula, formula_line(integrand, problem.lower, problem.upper, self.exact))
        # Without a worker (an export from the command line) sympy is not asked here at all.
        pending = T("working…") if self._worker is not None else T("not computed")
        exact = core_text(self.exact.describe()) if self.exact else pending
        _put(side.exact, T("Exact (sympy): {value}", value=exact))
        numeric = self.numeric
        value = core_text(numeric_text(numeric)) if numeric else pending
        _put(side.numeric, T("Numeric (mpmath): {value}", value=value))
        agree, said = agreement(self.exact, numeric)
        side.show_agreement(agree, said)
        notes = []
        if numeric is not None:
            notes += [numeric.reason] if numeric.reason else []
            notes += list(numeric.notes)
        _put(side.notes, "\n".join(map(core_text, notes)))
        formula, found = self.antiderivative_formula, self.antiderivative_found
        if found is not None:  # labelled sympy's only if it is sympy's as it came
            text = "\n".join(core_text(line) for line in found.lines())
        elif formula == "":
            text = T("Antiderivative: sympy found none")
        else:  # not known yet, or sympy failed: "(sympy ran out of time)"
            text = T("Antiderivative (sympy): {value}", value=formula or pending)
        _put(side.antiderivative, text)
        if self.riemann is not None:
            _put(side.sum_readout, self._sum_text())
        self._views_dirty = True
        self._refresh_views()
        if title:
            self._update_title()

    def _update_title(self) -> None:
        if self.problem is None:
            return
        integrand = self._integrand_text
        title = formula_line(integrand, self.problem.lower, self.problem.upper, self.exact)
        numeric = self.numeric
        if (self.exact is None or self.exact.status != VALUE) and numeric is not None:
            title += (
                f" ≈ {format_number(numeric.value, 10)}"
                if numeric.has_value
                else f": {core_text(numeric_text(numeric))}"
            )
        if self.riemann is not None and self._state.show_sums and not self.riemann.problem:
            title += (
                f"   ·   {core_text(RULE_NAMES[self.riemann.rule])}, n = {self.riemann.n}: "
                f"{format_number(self.riemann.value, 8)}"
            )
        if title != self._title:
            # Setting a title lays the plot out again: only when the text really changes.
            self._title = title
            self.plot.set_title(title, points=12)

    def _restyle(self) -> None:
        if self.check is not None:
            self.side.ftc.setText(ftc_html(self.check))

    # ----- the convergence tabs -----------------------------------------------------------------

    def _refresh_views(self) -> None:
        current = self.views.currentWidget()
        if not self._views_dirty or current is self.plot or self.problem is None:
            return
        self._views_dirty = False
        problem, rule = self.problem, self._state.rule
        reference = self._reference()
        if not problem.finite:
            self.table_view.show_rows(rule, [], NO_SUMS, "")
            self.error_view.show_result(None, NO_SUMS)
            return
        a, b = problem.lower.value, problem.upper.value
        rows = convergence.doubling_table(self.function.f, a, b, rule, reference)
        caption = T(
            "{rule} for n = 1, 2, 4, …, printed like the derivative lab's h table",
            rule=core_text(RULE_NAMES[rule].capitalize()),
        ) + ("" if reference is not None else T(" (errors once a reference value is known)"))
        summary = (
            core_text(order_line(problem, rule, rows, reference)) if reference is not None else ""
        )
        self.table_view.show_rows(rule, rows, caption, summary)
        if current is self.error_view:
            result = (
                None
                if reference is None
                else convergence.error_vs_n(self.function.f, a, b, reference)
            )
            self.error_view.show_result(result)
        else:
            self._views_dirty = True  # the error plot still needs drawing when shown


def _put(label: Any, text: str) -> None:
    # A QLabel that wraps lays its column out again on every setText, even with the same text.
    if label.text() != text:
        label.setText(text)


def ftc_html(check: FtcCheck, theme: Theme | None = None) -> str:
    """The FTC check as a few lines of rich text."""
    if check.reason:
        return html.escape(core_text(check.reason))
    point = format_number(check.x0)

    def number(value: float, digits: int) -> str:
        # A NaN reads "undefined", a word to translate like core's messages.
        return core_text(format_number(value, digits))

    lines = [
        f"F({point}) = {number(check.F_value, 8)}",
        T(
            "slope of F at {x} (central difference, h = {h}): {slope}",
            x=point,
            h=format_number(check.step, 2),
            slope=number(check.slope, 10),
        ),
    ]
    if check.symbolic_slope is not None:
        lines.append(
            T(
                "d/dx of the antiderivative's formula at {x} (derivative lab): {slope}",
                x=point,
                slope=number(check.symbolic_slope, 10),
            )
        )
    lines.append(f"f({point}) = {number(check.f_value, 10)}")
    if check.tangent:
        lines.append(T("tangent to F: {tangent}", tangent=check.tangent))
    theme = theme or current_theme()
    verdict = (
        f"<span style='color:{theme.ok}'>"
        + T("F′(x₀) = f(x₀) ✓ (the fundamental theorem)")
        + "</span>"
        if check.agrees
        else f"<span style='color:{theme.error}'>"
        + T("F′(x₀) ≠ f(x₀) here (f is not continuous at x₀, or F does not exist there)")
        + "</span>"
    )
    return "<br>".join([*lines, verdict])
