"""The "Derivative" panel: f, f′ (and f″), a draggable tangent, secant → tangent, error vs h.

A thin layer over ``explorer.core.derivative``: every number shown comes from the core. The work
is split by what changed, so each interaction pays only for what it moves:

- a new expression: derivation, steps, curves, three-way check, then the point views;
- a parameter slider: curves, three-way check and the point views (the derivation is reused);
- x₀ (drag or spin box): tangent, secant, band and readouts; the table and error-vs-h tabs are
  refreshed only when they are on screen;
- h: the secant only.

sympy never runs here: the derivative shown at once is our steps engine's; the worker's
"derivative_steps" task answers with sympy's form in our notation when that is simpler.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetricsF
from PySide6.QtWidgets import QTabWidget, QWidget

from explorer.core.derivative import (
    PreparedFunction,
    Tangent,
    linear_approximation_band,
    prepare,
    secant_through,
    tangent_at,
    three_derivatives,
)
from explorer.core.derivative.agreement import central_derivative, reverse_mode_derivative
from explorer.core.expr.display import format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.panel_state import DerivativeState
from explorer.core.panel_state.derivative import X0_LIMIT
from explorer.core.sampling import SampledCurve, sample_curve
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context
from explorer.ui.panels.derivative.controls import source_text
from explorer.ui.panels.derivative.formula import FittedTitle, SimplifiedFormula
from explorer.ui.panels.derivative.items import TangentLayer, combined_y_range
from explorer.ui.panels.derivative.limits import ErrorView, LimitTableView
from explorer.ui.panels.derivative.side_column import SideColumn, build_layout
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel
from explorer.ui.plot import PALETTE, PlotView
from explorer.ui.plot_keyboard import KeyboardHandle, PlotKeyboard, item_position
from explorer.ui.plot_style import DERIVATIVE_STYLE, FUNCTION_STYLE, SECOND_DERIVATIVE_STYLE

T = Context("DerivativePanel")

CURVE_SAMPLES = 5000
AGREEMENT_SAMPLES = 2001  # odd: a symmetric range has a sample exactly at 0
_RESAMPLE_DELAY_MS = 60
SECOND_COLOR = PALETTE[3]
# The legend sits inside the plot: a long f″ is cut there (the side box shows all of it).
_LEGEND_WIDTH_PX = 230


# f, f′ and f″ differ by line style as well as colour.
_STYLES = {"f": FUNCTION_STYLE, "fprime": DERIVATIVE_STYLE, "fsecond": SECOND_DERIVATIVE_STYLE}


class DerivativePanel(Panel):
    """f and its derivatives, the tangent at x₀, secant → tangent as h → 0, error vs h.

    f′ and f″ are each a ``SimplifiedFormula`` (ours at once, sympy's from the worker when it
    is simpler). The panel's state is a ``DerivativeState`` (x₀, range, h, ε, toggles): each
    control writes it when the user changes the control, ``set_state`` writes every control.
    """

    uses_expression = True

    x0_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("derivativePanel")
        self.plot = PlotView(self, x_label="x", y_label="y")
        self.plot.setObjectName("derivativePlot")
        describe(
            self.plot.plot_widget, T.lazy("Plot of f(x), its derivative and the tangent at x₀")
        )
        # f and f′ first, so the legend lists them before the tangent and secant.
        self.plot.set_curve("f", [], [], name="f(x)", color=PALETTE[0], style=FUNCTION_STYLE)
        self.plot.set_curve(
            "fprime", [], [], name="f′(x)", color=PALETTE[2], style=DERIVATIVE_STYLE
        )
        # A drag or an h step moves only the tangent, secant and point; PlotView blits the long
        # curves and the axes from a pixmap meanwhile (redrawing them cost ~15 ms a frame).
        self.layer = TangentLayer(self.plot)
        self.limit_view = LimitTableView()
        self.error_view = ErrorView()
        self.views = QTabWidget()
        self.views.setObjectName("derivativeViews")
        for view, title in (
            (self.plot, T.mark("f, f′ and the tangent")),
            (self.limit_view, T.mark("h → 0 table")),
            (self.error_view, T.mark("Error vs h")),
        ):
            i18n.bind(self.views, "setTabText", T.lazy(title), self.views.addTab(view, ""))
        self.side = side = SideColumn()
        build_layout(self, self.views, side)
        self.title = FittedTitle(self.plot)
        self.derivative_formula = SimplifiedFormula(
            side.derivative_label,
            side.simplify_status,
            name="f′(x)",
            task="derivative_steps",
            channel="derivative_panel",
            derived_tooltip=T.mark("Derived step by step (see Show steps)"),
            idle_status=T.mark("as derived by the rules"),
            parent=self,
        )
        self.second_formula = SimplifiedFormula(
            side.second_label,
            side.second_status,
            name="f″(x)",
            task="second_derivative",
            channel="derivative_panel_second",
            derived_tooltip=T.mark("Derived step by step from f′"),
            parent=self,
        )
        self.second_formula.set_shown(False)

        self.function: PreparedFunction | None = None
        self.second: PreparedFunction | None = None
        self.tangent: Tangent | None = None
        self.agreement = None
        self.curves: dict[str, SampledCurve] = {}
        self._state = DerivativeState()
        self._limits_dirty = True
        self._parameters_stale = False
        self._resample_timer = QTimer(self)
        self._resample_timer.setSingleShot(True)
        self._resample_timer.setInterval(_RESAMPLE_DELAY_MS)
        self._resample_timer.timeout.connect(self._resample_visible)
        self._sync_widgets()
        self._connect()

    def _connect(self) -> None:
        side = self.side
        side.x0_input.valueChanged.connect(self.set_x0)
        side.h_slider.h_changed.connect(lambda h: self._update(self._refresh_secant, h=h))
        side.show_secant.toggled.connect(
            lambda on: self._update(self._refresh_secant, show_secant=on)
        )
        side.show_second.toggled.connect(
            lambda on: self._update(self._on_second_toggled, show_second=on)
        )
        side.show_band.toggled.connect(lambda on: self._update(self._refresh_band, show_band=on))
        side.epsilon_input.valueChanged.connect(
            lambda value: self._update(self._refresh_band, epsilon=value)
        )
        side.parameters.values_changed.connect(self._on_parameters_changed)
        self.layer.handle.x_dragged.connect(self._on_dragged)
        self.keyboard = PlotKeyboard(
            self.plot,
            [
                KeyboardHandle(
                    "x₀",
                    position=lambda: item_position(self.layer.handle, self.plot),
                    drag_to=lambda x, _y: self._on_dragged(x),
                )
            ],
            what=T.lazy("f, f′ and the tangent at x₀"),
        )
        self.views.currentChanged.connect(lambda _i: self._refresh_limit_views())
        self.error_view.precision_switch.currentTextChanged.connect(self._on_precision_changed)
        self.plot.view_box.sigXRangeChanged.connect(lambda *_: self._resample_timer.start())
        self.derivative_formula.simplified.connect(lambda _text: self._show_title())
        self.second_formula.simplified.connect(lambda _text: self._rename_second_curve())

    # ----- the panel protocol -------------------------------------------------------------------

    def set_expression(self, expression: Any) -> None:
        """Show ``expression`` (Expression, tree or text); bad input keeps the last state."""
        try:
            function = prepare(expression, self.side.parameters.model().values())
        except (ExprError, ValueError, TypeError):
            return
        self.function = function
        self.second = None
        self._parameters_stale = False
        source = source_text(expression)
        self.side.parameters.set_parameters(function.params)
        self.side.function_label.setText(f"f(x) = {format_unicode(function.tree)}")
        self.derivative_formula.reset(source, lambda: self.function.derivation.text)
        self.second_formula.reset(source, lambda: self._second().derivation.text)
        self._show_title()
        self.side.steps.show_derivation(function.derivation)
        self._refresh_curves(keep_view=False)
        self._refresh_point()
        self.derivative_formula.request()
        self._request_second()

    def set_parameter_model(self, model: ParameterModel) -> None:
        """Share slider values with the other panels (the main window's one model)."""
        self.side.parameters.set_model(model)

    def set_worker(self, worker: Any) -> None:
        self.derivative_formula.set_worker(worker)
        self.second_formula.set_worker(worker)

    def export_target(self) -> Any:
        """The tab in view: the main plot, the table, or the error-vs-h plot."""
        current = self.views.currentWidget()
        if current is self.error_view:
            return self.error_view.plot
        return current

    def view_actions(self) -> list[QAction]:
        return self.plot.view_actions()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._parameters_stale:
            self._on_parameters_changed(self.side.parameters.values())

    def shutdown(self) -> None:
        self._resample_timer.stop()
        self.derivative_formula.cancel()
        self.second_formula.cancel()

    # ----- state --------------------------------------------------------------------------------

    def state(self) -> DerivativeState:
        return self._state

    def set_state(self, state: DerivativeState) -> None:
        """Show ``state``: every control is written from it (signals blocked), then redrawn."""
        self._state = state
        self._sync_widgets()
        self._refresh_curves(keep_view=False)
        self._refresh_point()
        self._request_second()
        self.x0_changed.emit(state.x0)

    def _sync_widgets(self) -> None:
        side, state = self.side, self._state
        with (
            signals_blocked(
                side.x0_input, side.h_slider, side.show_secant, side.show_second, side.show_band
            ),
            signals_blocked(side.epsilon_input),
        ):
            side.x0_input.setValue(state.x0)
            side.h_slider.show_h(state.h)
            side.show_secant.setChecked(state.show_secant)
            side.show_second.setChecked(state.show_second)
            side.show_band.setChecked(state.show_band)
            side.epsilon_input.setValue(state.epsilon)

    def _update(self, refresh, **changes: Any) -> None:
        """A control changed: the state takes the new value, then only what it affects redraws."""
        self._state = replace(self._state, **changes)
        refresh()

    def x0(self) -> float:
        return self._state.x0

    def x_range(self) -> tuple[float, float]:
        return self._state.x_range

    def set_x_range(self, x_min: float, x_max: float) -> None:
        """Plot over a new range (``RangeError`` for a bad one, keeping the old)."""
        self._state = replace(self._state, x_range=(x_min, x_max))
        self._refresh_curves(keep_view=False)
        self._refresh_point()

    def set_x0(self, x0: float) -> None:
        """Move the tangent point; the handle, spin box, tangent, secant and band follow."""
        x0 = float(x0)
        if not math.isfinite(x0):
            return
        # The x₀ box's limits: a point dragged further out stops at them.
        self._state = replace(self._state, x0=min(max(x0, -X0_LIMIT), X0_LIMIT))
        if self.side.x0_input.value() != self._state.x0:
            with signals_blocked(self.side.x0_input):
                self.side.x0_input.setValue(self._state.x0)
        self._refresh_point()
        self.x0_changed.emit(self._state.x0)

    def _on_dragged(self, x: float) -> None:
        (low, high), _ = self.plot.view_range()
        # Snap to a step a pointer can aim at (0.01 on a 10-wide view): x₀ lands exactly on 0,
        # where |x| has its corner, instead of on 3.4e-5.
        step = 10.0 ** math.floor(math.log10((high - low) / 500.0))
        snapped = round(min(max(x, low), high) / step) * step
        # 0.30000000000000004 → 0.3: the box shows x₀ at full precision.
        self.set_x0(float(f"{snapped:.12g}"))

    # ----- curves -------------------------------------------------------------------------------

    def _second(self) -> PreparedFunction:
        if self.second is None:
            self.second = prepare(self.function.derivation.derivative, self.function.params)
        return self.second

    def _on_second_toggled(self) -> None:
        self._refresh_curves(keep_view=True)
        self._request_second()

    def _request_second(self) -> None:
        # sympy's f″ is asked for only while f″ is shown.
        if self._state.show_second:
            self.second_formula.request()

    # ----- formulas -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        # The texts built from numbers: the h → 0 views and the tangent's label on the plot.
        if self.function is not None:
            self._refresh_limit_views()
            self._refresh_point()

    def _show_title(self) -> None:
        """The title names both curves, so an exported image says what it shows."""
        self.title.set_parts(
            f"f(x) = {format_unicode(self.function.tree)}",
            f"f′(x) = {self.derivative_formula.text()}",
        )

    def second_legend_name(self) -> str:
        """The legend's "f″(x) = …", cut to its width, so the plot names what the third curve is."""
        metrics = QFontMetricsF(self.side.second_label.font())
        text = f"f″(x) = {self.second_formula.text()}"
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, _LEGEND_WIDTH_PX)

    def _rename_second_curve(self) -> None:
        curve = self.curves.get("fsecond")
        if curve is None or not self._state.show_second:
            return
        x, y = curve.display_arrays()
        name = self.second_legend_name()
        self.plot.set_curve(
            "fsecond", x, y, name=name, color=SECOND_COLOR, width=2.4, style=_STYLES["fsecond"]
        )

    def _refresh_curves(self, keep_view: bool) -> None:
        """Sample f, f′ (and f″) over the range and run the three-way check."""
        if self.function is None:
            return
        low, high = self._state.x_range if not keep_view else self.plot.view_range()[0]
        self._sample_curves(low, high)
        if not keep_view:
            self.plot.set_view_range(self._state.x_range, self._y_range())
        self.second_formula.set_shown(self._state.show_second)
        self._check_agreement(low, high)

    def _sample_curves(self, low: float, high: float) -> None:
        function = self.function
        wanted = {"f": function.f, "fprime": function.fprime}
        if self._state.show_second:
            wanted["fsecond"] = function.where_defined(self._second().fprime)
        else:
            self.plot.remove_curve("fsecond")
            self.curves.pop("fsecond", None)
        names = {"f": "f(x)", "fprime": "f′(x)"}
        if "fsecond" in wanted:
            names["fsecond"] = self.second_legend_name()
        colors = {"f": PALETTE[0], "fprime": PALETTE[2], "fsecond": SECOND_COLOR}
        for key, evaluate in wanted.items():
            curve = sample_curve(evaluate, low, high, CURVE_SAMPLES)
            self.curves[key] = curve
            x, y = curve.display_arrays()
            self.plot.set_curve(
                key, x, y, name=names[key], color=colors[key], width=2.4, style=_STYLES[key]
            )
        self.plot.set_message(
            None if self.curves["f"].has_real_values else T.lazy("No real values here")
        )

    def _y_range(self) -> tuple[float, float]:
        return combined_y_range(self.curves["f"], self.curves["fprime"])

    def _resample_visible(self) -> None:
        (low, high), _ = self.plot.view_range()
        if self.function is None or (low, high) == self._sampled_range():
            return
        self._sample_curves(low, high)
        self._check_agreement(low, high)
        self._refresh_point()

    def _sampled_range(self) -> tuple[float, float] | None:
        curve = self.curves.get("f")
        return None if curve is None else (float(curve.x[0]), float(curve.x[-1]))

    def _check_agreement(self, low: float, high: float) -> None:
        grid = np.linspace(low, high, AGREEMENT_SAMPLES)
        self.agreement = agreement = three_derivatives(self.function, grid)
        self.side.show_agreement(agreement)
        # Kinks that cancel (relu(x) − relu(−x)) get a note but no "f′ does not exist" marker.
        xs = np.array([p.x for p in agreement.points if p.kind != "cancelled kink"])
        with np.errstate(all="ignore"):
            ys = self.function.f(xs) if xs.size else xs
        finite = np.isfinite(ys)
        self.layer.show_kinks(xs[finite], ys[finite])

    def _on_parameters_changed(self, values: dict) -> None:
        if self.function is None:
            return
        if not self.isVisible():
            # Moved in another panel: catch up when this one is shown, not on every step.
            self._parameters_stale = True
            return
        self._parameters_stale = False
        self.function = self.function.with_params(values)
        self.second = None
        self._refresh_curves(keep_view=True)
        self._refresh_point()

    # ----- the point x₀ -------------------------------------------------------------------------

    def _refresh_point(self) -> None:
        if self.function is None:
            return
        self.tangent = tangent = tangent_at(self.function, self._state.x0)
        self.layer.show_tangent(tangent)
        self.side.show_tangent(tangent, self._three_at_x0())
        self._refresh_secant()
        self._refresh_band()
        self._limits_dirty = True
        self._refresh_limit_views()

    def _three_at_x0(self) -> tuple[float, float, float]:
        point = np.array([self._state.x0])
        symbolic = self.function.derivative_at(self._state.x0)
        reverse = float(reverse_mode_derivative(self.function, point)[0])
        central = float(central_derivative(self.function, point)[0][0])
        if not math.isfinite(self.tangent.y0):
            central = math.nan  # f has no value at x₀: no derivative to report
        return symbolic, reverse, central

    def _refresh_secant(self) -> None:
        if self.function is None:
            return
        if not self._state.show_secant:
            self.layer.show_secant(None)
            self.side.show_secant_readout(None, self.tangent)
            return
        secant = secant_through(self.function, self._state.x0, self._state.h)
        self.layer.show_secant(secant)
        self.side.show_secant_readout(secant, self.tangent, self.layer.secant_note)

    def _refresh_band(self) -> None:
        if self.function is None or not self._state.show_band:
            self.layer.show_band(None, None)
            self.side.band_readout.setText("")
            return
        (low, high), _ = self.plot.view_range()
        grid = np.linspace(low, high, CURVE_SAMPLES)
        band = linear_approximation_band(self.function, self._state.x0, self._state.epsilon, grid)
        self.layer.show_band(band, self.tangent)
        self.side.show_band_readout(band, self.tangent)

    # ----- the h → 0 tabs -----------------------------------------------------------------------

    def _on_precision_changed(self, _text: str) -> None:
        self._limits_dirty = True
        self._refresh_limit_views()

    def _refresh_limit_views(self) -> None:
        current = self.views.currentWidget()
        if self.function is None or not self._limits_dirty or current is self.plot:
            return
        self._limits_dirty = False
        exact = self.tangent.slope if self.tangent and self.tangent.differentiable else None
        self.limit_view.show_function(self.function, self._state.x0, exact)
        self.error_view.show_function(self.function, self._state.x0, exact)
