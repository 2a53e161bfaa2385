"""The "Function" panel: plots f(x) over an x-range, with gaps at poles and jumps.

Single letters other than x are slider parameters, as in Desmos: ``a*x^2 + b`` or
``a*sin(b*x)`` plots at once, with a slider per parameter (starting at 1) next to the plot.
The sliders share their values with the Derivative panel's through the main window's one
``ParameterModel``, so moving ``a`` here moves it there. (This supersedes the bad-inputs
catalogue's "error until sliders exist" entry for the main input; the core parser's default,
``parameters=False``, still refuses unknown names, as the catalogue test checks.)
"""

from __future__ import annotations

import html
import math
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.derivative.formatting import format_number
from explorer.core.expr.errors import ExprError
from explorer.core.panel_state import FunctionState
from explorer.core.sampling import RangeError, SampledCurve, sample_curve, validate_range
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel, ParameterSliders
from explorer.ui.plot import PALETTE, PlotView

_ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; }"
_SLIDER_COLUMN_WIDTH = 280


def parse_bound(text: str) -> float:
    """A range bound typed by the user: a number, or a constant expression such as ``-2pi``."""
    cleaned = text.strip().replace("\u2212", "-")
    try:
        return float(cleaned)
    except ValueError:
        pass
    from explorer.core.expr import parse

    expression = parse(cleaned, variables=())
    value = np.asarray(expression.numpy_function()(), dtype=float).reshape(-1)
    if value.size != 1:
        raise ExprError("A range bound must be a single number")
    return float(value[0])


def format_bound(value: float) -> str:
    return f"{value:.15g}"


class FunctionPanel(Panel):
    """Plot y = f(x) for the window's current expression over an editable x-range.

    Its state is a ``FunctionState`` (the x-range); the range fields write it when edited and
    are written from it by ``set_state``.
    """

    uses_expression = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = PlotView(self, x_label="x", y_label="y = f(x)")
        self.plot.setObjectName("functionPlot")
        self._state = FunctionState()
        self.x_min_input = QLineEdit()
        self.x_min_input.setObjectName("xMinInput")
        self.x_max_input = QLineEdit()
        self.x_max_input.setObjectName("xMaxInput")
        for field, tip in ((self.x_min_input, "left"), (self.x_max_input, "right")):
            field.setMaximumWidth(110)
            field.setToolTip(f"The {tip} end of the x-range: a number or e.g. -2pi")
            field.editingFinished.connect(self.apply_range_inputs)
        self.range_feedback = QLabel()
        self.range_feedback.setObjectName("rangeFeedback")
        self.range_feedback.setStyleSheet("color: #b00020;")
        reset_button = QToolButton()
        reset_button.setDefaultAction(self.plot.reset_view_action)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("x from"))
        controls.addWidget(self.x_min_input)
        controls.addWidget(QLabel("to"))
        controls.addWidget(self.x_max_input)
        controls.addWidget(self.range_feedback, 1)
        controls.addWidget(reset_button)
        self.parameters = ParameterSliders()
        self.parameters.values_changed.connect(self._on_parameters_changed)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(self._slider_column())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addLayout(body, 1)

        self._sync_widgets()
        self._expression: Any = None
        self._parameters_stale = False
        self.last_curve: SampledCurve | None = None

    def _slider_column(self) -> QScrollArea:
        # Scrolls when an expression has many parameters; hidden while it has none.
        column = QWidget()
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.parameters)
        stack.addStretch(1)  # sliders packed at the top, not spread over the plot's height
        self._slider_scroll = QScrollArea()
        self._slider_scroll.setObjectName("functionParameters")
        self._slider_scroll.setWidget(column)
        self._slider_scroll.setWidgetResizable(True)
        self._slider_scroll.setFixedWidth(_SLIDER_COLUMN_WIDTH)
        self._slider_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._slider_scroll.setVisible(False)
        return self._slider_scroll

    # ----- the panel protocol -------------------------------------------------------------------

    def set_expression(self, expression: Any) -> None:
        """Plot ``expression`` (a parsed Expression) over the current range."""
        self._expression = expression
        self._parameters_stale = False
        names = getattr(expression, "parameters", ())
        self.parameters.set_parameters(names)
        self._slider_scroll.setVisible(bool(names))
        self.replot()

    def set_parameter_model(self, model: ParameterModel) -> None:
        """Share slider values with the other panels (the main window's one model)."""
        self.parameters.set_model(model)

    def export_target(self) -> PlotView:
        return self.plot

    def view_actions(self) -> list[QAction]:
        return [self.plot.reset_view_action]

    def state(self) -> FunctionState:
        return self._state

    def set_state(self, state: FunctionState) -> None:
        """Show ``state``: the range fields are rewritten from it, f is plotted over it."""
        self._state = state
        self._sync_widgets()
        self._show_range_error(None)
        self.replot()

    def _sync_widgets(self) -> None:
        with signals_blocked(self.x_min_input, self.x_max_input):
            self.x_min_input.setText(format_bound(self._state.x_range[0]))
            self.x_max_input.setText(format_bound(self._state.x_range[1]))

    # ----- range ------------------------------------------------------------------------------

    def x_range(self) -> tuple[float, float]:
        return self._state.x_range

    def set_x_range(self, x_min: float, x_max: float) -> None:
        """Set and plot a new range; raises RangeError (and keeps the old one) when it is bad."""
        self.set_state(replace(self._state, x_range=(x_min, x_max)))

    def apply_range_inputs(self) -> None:
        """Read both range fields; show what is wrong next to them, or replot."""
        bounds = []
        for name, field in (("x min", self.x_min_input), ("x max", self.x_max_input)):
            try:
                bounds.append(parse_bound(field.text()))
            except ExprError as error:
                self._show_range_error(f"{name}: {error.message}", field)
                return
        try:
            new_range = validate_range(*bounds)
        except RangeError as error:
            self._show_range_error(error.message)
            return
        if new_range != self._state.x_range or self.range_feedback.text():
            # Widget → state: the fields keep what the user typed (e.g. -2pi).
            self._state = replace(self._state, x_range=new_range)
            self._show_range_error(None)
            self.replot()

    def _show_range_error(self, message: str | None, field: QLineEdit | None = None) -> None:
        self.range_feedback.setText(html.escape(message) if message else "")
        for each in (self.x_min_input, self.x_max_input):
            bad = message is not None and (field is None or field is each)
            each.setStyleSheet(_ERROR_STYLE if bad else "")

    # ----- drawing ----------------------------------------------------------------------------

    def replot(self, *, keep_view: bool = False) -> None:
        """Sample and draw f; ``keep_view`` (a slider move) leaves the view where the user has
        it, as Desmos does, and only updates where "Reset view" returns to."""
        if self._expression is None:
            return
        x_min, x_max = self._state.x_range
        curve = sample_curve(self._with_parameters(), x_min, x_max)
        self.last_curve = curve
        x, y = curve.display_arrays()
        display = getattr(self._expression, "display", None)
        name = f"f(x) = {display()}" if callable(display) else "f(x)"
        names = getattr(self._expression, "parameters", ())
        if names:
            # An exported picture has no sliders: the legend says which values it shows.
            values = self.parameters.model().values(names)
            name += " (" + ", ".join(f"{n} = {format_number(values[n])}" for n in names) + ")"
        self.plot.set_curve("f", x, y, name=name, color=PALETTE[0], width=2.5)
        home = ((x_min, x_max), curve.y_view_range or _fallback_y_range(curve))
        if keep_view:
            self.plot.set_home_range(*home)
        else:
            self.plot.set_view_range(*home)
        self.plot.set_message(None if curve.has_real_values else "No real values in this range")

    def parameter_values(self) -> dict[str, float]:
        return self.parameters.values()

    def _with_parameters(self) -> Any:
        names = getattr(self._expression, "parameters", ())
        if not names:
            return self._expression
        evaluate = self._expression.numpy_function()
        values = self.parameters.model().values(names)
        return lambda x: evaluate(x=x, **values)

    def _on_parameters_changed(self, _values: dict) -> None:
        if not self.isVisible():
            # Moved in another panel: replot when this one is shown, not on every step.
            self._parameters_stale = True
            return
        self._parameters_stale = False
        self.replot(keep_view=True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._parameters_stale:
            self._parameters_stale = False
            self.replot(keep_view=True)


def _fallback_y_range(curve: SampledCurve) -> tuple[float, float]:
    # Nothing finite to fit (or a constant): a symmetric window around the value keeps axes sane.
    finite = curve.y[np.isfinite(curve.y)]
    if finite.size == 0:
        return (-1.0, 1.0)
    centre = float(finite[0])
    half = max(1.0, abs(centre) * 0.1) if math.isfinite(centre) else 1.0
    return (centre - half, centre + half)
