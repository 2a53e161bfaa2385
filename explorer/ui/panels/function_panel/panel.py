"""The Function tab's panel: several curves, their points of interest, shading, trace, sliders.

f is the window's f(x) field (so the Derivative tab works on the same f); more curves are typed
in the list on the right and may use f (``g(x) = f(x - 1) + 2``, ``h(x) = f'(x)``). Single
letters other than x are slider parameters shared by all curves and with the Derivative panel's
sliders (the window's one ``ParameterModel``). Every number shown comes from
``explorer.core.analysis``; the curves are drawn from the same samples the analysis used. A pan
or zoom that leaves the analysed range, or zooms in more than ``REFINE_ZOOM`` times, samples
and analyses the view again, widened by half its width each side, so the next small pans cost
nothing (after a short pause, ``VIEW_DEBOUNCE_MS``). The details (global extrema, intervals)
are always of the view itself or the typed interval. Reset view returns to the state's x-range.
"""

from __future__ import annotations

import dataclasses
import html
import math
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis import (
    Analysis,
    CurveDefinition,
    analyze_curve,
    analyze_curves,
    define_curves,
    prepare_curve,
)
from explorer.core.analysis.overview import AnalysisCache
from explorer.core.analysis.shape import restricted
from explorer.core.analysis.trace import trace_at
from explorer.core.expr.errors import ExprError
from explorer.core.panel_state import FunctionState
from explorer.core.panel_state.function import MAX_EXTRA_CURVES, SHADINGS
from explorer.core.sampling import RangeError, SampledCurve, validate_range
from explorer.core.text import format_number
from explorer.ui import i18n
from explorer.ui.accessible import describe, tab_order
from explorer.ui.appearance import set_text_role
from explorer.ui.i18n import Context, CoreText, Escaped, Joined, core_text
from explorer.ui.panels.function_panel.curve_list import CurveList
from explorer.ui.panels.function_panel.markers import HOVER_PIXELS, PointMarkers, TraceDot
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel, ParameterSliders
from explorer.ui.plot import PALETTE, PlotView
from explorer.ui.plot_style import STYLE_CYCLE

T = Context("FunctionPanel")
_SIDE_COLUMN_WIDTH = 330
VIEW_DEBOUNCE_MS = 40
# Zooming in further than this into the analysed range samples it again (finer detail).
REFINE_ZOOM = 8.0
_SHADING_LABELS = {
    "none": T.mark("No shading"),
    "slope": T.mark("Shade where f rises / falls (f′)"),
    "concavity": T.mark("Shade where f bends up / down (f″)"),
}


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
    """Plot several curves with their points of interest (see the module docstring).

    Its state is a ``FunctionState``: the x-range, the curves below f, which are hidden, their
    colours, the toggles and the interval for the global extrema.
    """

    uses_expression = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("functionPanel")
        self.plot = PlotView(self, x_label="x", y_label="y")
        self.plot.setObjectName("functionPlot")
        describe(
            self.plot.plot_widget,
            T.lazy("Plot of f(x) and the other curves"),
            T.lazy("Each curve's name and line style are in the legend; Ctrl+0 resets the view"),
        )
        self._state = FunctionState()
        self._expression: Any = None
        self._parameters_stale = False
        self._analysed_range: tuple[float, float] | None = None
        # The view's x-range as last set by the panel or settled after a pan/zoom.
        self._view_x_range: tuple[float, float] = self._state.x_range
        self.definitions: tuple[CurveDefinition, ...] = ()
        self.analysis: Analysis | None = None
        self.last_curve: SampledCurve | None = None
        self._prepared: dict[str, Any] = {}
        self._cache = AnalysisCache()
        self._defined: tuple[tuple[str, ...] | None, tuple[CurveDefinition, ...]] = (None, ())

        self.x_min_input = QLineEdit()
        self.x_min_input.setObjectName("xMinInput")
        self.x_max_input = QLineEdit()
        self.x_max_input.setObjectName("xMaxInput")
        tips = (
            (
                self.x_min_input,
                T.mark("The left end of the x-range: a number or e.g. -2pi"),
                T.lazy("x-range left end"),
            ),
            (
                self.x_max_input,
                T.mark("The right end of the x-range: a number or e.g. -2pi"),
                T.lazy("x-range right end"),
            ),
        )
        for field, tip, name in tips:
            field.setMaximumWidth(110)
            i18n.bind(field, "setToolTip", T.lazy(tip))
            describe(field, name)
            field.editingFinished.connect(self.apply_range_inputs)
        self.range_feedback = QLabel()
        self.range_feedback.setObjectName("rangeFeedback")
        set_text_role(self.range_feedback, "error")
        reset_button = QToolButton()
        reset_button.setDefaultAction(self.plot.reset_view_action)
        controls = QHBoxLayout()
        controls.addWidget(T.label("x from"))
        controls.addWidget(self.x_min_input)
        controls.addWidget(T.label("to"))
        controls.addWidget(self.x_max_input)
        controls.addWidget(self.range_feedback, 1)
        controls.addWidget(reset_button)

        self.parameters = ParameterSliders()
        self.parameters.values_changed.connect(self._on_parameters_changed)
        self.curve_list = CurveList(self._parse_entry)
        self.curve_list.setObjectName("curveList")
        self.curve_list.add_requested.connect(self.add_curve)
        self.curve_list.remove_requested.connect(self.remove_curve)
        self.curve_list.visibility_changed.connect(self._on_visibility)
        self.curve_list.colour_changed.connect(self._on_colour)
        self.curve_list.entry_parsed.connect(self._on_entry_parsed)
        self.curve_list.selected.connect(self._on_selected)
        self._build_toggles()

        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(self._side_column())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        # The range row sits above the plot, though made after it.
        tab_order(self.x_min_input, self.x_max_input, reset_button, self.plot.plot_widget)

        self.markers = PointMarkers(self.plot)
        self.trace_dot = TraceDot(self.plot)
        self.plot.cursor_moved.connect(self._on_cursor)
        self.plot.plot_widget.scene().sigMouseClicked.connect(self._on_click)
        self._view_timer = QTimer(self)
        self._view_timer.setSingleShot(True)
        self._view_timer.setInterval(VIEW_DEBOUNCE_MS)
        self._view_timer.timeout.connect(self._on_view_settled)
        self.plot.view_box.sigRangeChanged.connect(self._on_view_changed)
        self._sync_widgets()

    # ----- construction -------------------------------------------------------------------------

    def _build_toggles(self) -> None:
        self.points_box = T.text(QCheckBox(), "Points of interest")
        self.points_box.setObjectName("showPoints")
        T.tip(
            self.points_box,
            "Mark roots, extrema, inflection points, intercepts, holes, asymptotes and "
            "intersections; hover or click a dot for its coordinates",
        )
        self.points_box.toggled.connect(lambda on: self._change(show_points=on))
        self.shading_box = QComboBox()
        self.shading_box.setObjectName("shading")
        describe(self.shading_box, T.lazy("Shading"), T.lazy("What to shade under the curves"))
        for key in SHADINGS:
            self.shading_box.addItem("", key)
            i18n.bind(
                self.shading_box, "setItemText", T.lazy(_SHADING_LABELS[key]), SHADINGS.index(key)
            )
        self.shading_box.currentIndexChanged.connect(
            lambda i: self._change(shading=self.shading_box.itemData(i))
        )
        self.trace_box = T.text(QCheckBox(), "Trace the curve under the cursor")
        self.trace_box.setObjectName("trace")
        self.trace_box.toggled.connect(lambda on: self._change(trace=on))
        self.extremes_input = QLineEdit()
        self.extremes_input.setObjectName("extremesInterval")
        T.placeholder(self.extremes_input, "the view, or type a, b")
        T.tip(self.extremes_input, "Where to look for the global minimum and maximum")
        describe(self.extremes_input, T.lazy("Global extrema interval"))
        self.extremes_input.editingFinished.connect(self.apply_extremes_input)
        self.extremes_feedback = QLabel()
        self.extremes_feedback.setObjectName("extremesFeedback")
        set_text_role(self.extremes_feedback, "error")
        self.details = QLabel()
        self.details.setObjectName("curveDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _side_column(self) -> QScrollArea:
        column = QWidget()
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 6, 0)
        stack.addWidget(self.curve_list)
        stack.addWidget(self.points_box)
        stack.addWidget(self.shading_box)
        stack.addWidget(self.trace_box)
        interval_row = QHBoxLayout()
        interval_row.addWidget(T.label("Global extrema on"))
        interval_row.addWidget(self.extremes_input, 1)
        stack.addLayout(interval_row)
        stack.addWidget(self.extremes_feedback)
        stack.addWidget(self.details)
        stack.addWidget(self.parameters)
        stack.addStretch(1)
        self._side_scroll = QScrollArea()
        self._side_scroll.setObjectName("functionParameters")
        # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
        self._side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._side_scroll.setWidget(column)
        self._side_scroll.setWidgetResizable(True)
        self._side_scroll.setFixedWidth(_SIDE_COLUMN_WIDTH)
        self._side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self._side_scroll

    # ----- the panel protocol -------------------------------------------------------------------

    def set_expression(self, expression: Any) -> None:
        """Plot ``expression`` (a parsed Expression) as f, with the other curves."""
        self._expression = expression
        self._parameters_stale = False
        self.redefine()
        self.replot()

    def set_parameter_model(self, model: ParameterModel) -> None:
        """Share slider values with the other panels (the main window's one model)."""
        self.parameters.set_model(model)

    def export_target(self) -> PlotView:
        return self.plot

    def view_actions(self) -> list[QAction]:
        return self.plot.view_actions()

    def state(self) -> FunctionState:
        return self._state

    def set_state(self, state: FunctionState) -> None:
        """Show ``state``: every control is rewritten from it, then the curves are redrawn."""
        self._state = state
        self._sync_widgets()
        self._show_range_error(None)
        self.redefine()
        self.replot()

    def _sync_widgets(self) -> None:
        state = self._state
        with signals_blocked(
            self.x_min_input, self.x_max_input, self.points_box, self.shading_box,
            self.trace_box, self.extremes_input,
        ):  # fmt: skip
            self.x_min_input.setText(format_bound(state.x_range[0]))
            self.x_max_input.setText(format_bound(state.x_range[1]))
            self.points_box.setChecked(state.show_points)
            self.shading_box.setCurrentIndex(SHADINGS.index(state.shading))
            self.trace_box.setChecked(state.trace)
            interval = state.extremes_interval
            self.extremes_input.setText(
                ""
                if interval is None
                else f"{format_bound(interval[0])}, {format_bound(interval[1])}"
            )
        count = len(state.curves) + 1
        self.curve_list.set_rows(
            state.curves,
            [not state.is_hidden(i) for i in range(count)],
            [self.curve_colour(i) for i in range(count)],
            len(state.curves) < MAX_EXTRA_CURVES,
        )
        self.curve_list.refresh_feedback()

    def _change(self, **fields: Any) -> None:
        """Widget → state for the toggles, then redraw what they affect."""
        self._state = dataclasses.replace(self._state, **fields)
        if "trace" in fields and not fields["trace"]:
            self.trace_dot.hide()
        self.draw_analysis()

    # ----- curves -------------------------------------------------------------------------------

    def curve_colour(self, index: int) -> str:
        return self._state.colour(index) or PALETTE[index % len(PALETTE)]

    def texts(self) -> list[str]:
        """Every curve's text, f first ("" until the window gives f)."""
        f_text = getattr(self._expression, "text", "") if self._expression is not None else ""
        return [f_text, *self._state.curves]

    def _parse_entry(self, index: int, text: str) -> CurveDefinition:
        """ExpressionInput's parser for row ``index``: the definition, or its error raised."""
        texts = self.texts()
        texts[index] = text
        definition = self._define(texts)[index]
        if definition.error is not None:
            raise definition.error
        return definition

    def _define(self, texts: list[str]) -> tuple[CurveDefinition, ...]:
        """``define_curves``, remembered for the last texts: after an edit every entry's
        feedback and the plot ask for the same list."""
        key = tuple(texts)
        if self._defined[0] != key:
            self._defined = (key, define_curves(texts))
        return self._defined[1]

    def add_curve(self, text: str = "") -> None:
        """Append an entry (empty: the user types it) and show it."""
        state = self._state
        if len(state.curves) >= MAX_EXTRA_CURVES:
            return
        # A new entry is shown in its palette colour, whatever a removed one had.
        count = len(state.curves) + 1
        self._state = dataclasses.replace(
            state,
            curves=(*state.curves, text),
            hidden=state.hidden[:count],
            colours=state.colours[:count],
        )
        self._sync_widgets()
        row = self.curve_list.rows[-1]
        if row.input is not None:
            row.input.line_edit.setFocus()
        self.redefine()
        self.replot(keep_view=True)

    def remove_curve(self, index: int) -> None:
        """Remove entry ``index`` (1 or more: f itself stays)."""
        state = self._state
        if not 1 <= index <= len(state.curves):
            return
        curves = tuple(t for i, t in enumerate(state.curves) if i != index - 1)
        selected = 0 if state.selected == index else min(state.selected, len(curves))
        self._state = dataclasses.replace(
            state,
            curves=curves,
            hidden=_without(state.hidden, index),
            colours=_without(state.colours, index),
            selected=selected,
        )
        self._sync_widgets()
        self.redefine()
        self.replot(keep_view=True)

    def set_curve_text(self, index: int, text: str) -> None:
        """Type ``text`` into entry ``index`` (1 or more) and parse it at once."""
        row = self.curve_list.rows[index]
        if row.input is not None:
            row.input.set_text(text)

    def set_hidden(self, index: int, hidden: bool) -> None:
        self.curve_list.rows[index].visible_box.setChecked(not hidden)

    def _on_entry_parsed(self, _index: int) -> None:
        self._state = dataclasses.replace(self._state, curves=tuple(self.curve_list.texts()))
        self.redefine()
        self.curve_list.refresh_feedback()
        self.replot(keep_view=True)

    def _on_visibility(self, index: int, shown: bool) -> None:
        self._state = self._state.with_item("hidden", index, not shown, False)
        self.replot(keep_view=True)

    def _on_colour(self, index: int, colour: str) -> None:
        self._state = self._state.with_item("colours", index, colour, "")
        self._sync_widgets()
        self.replot(keep_view=True)

    def _on_selected(self, index: int) -> None:
        if index != self._state.selected:
            self._state = dataclasses.replace(self._state, selected=index)
            self.draw_analysis()

    def redefine(self) -> None:
        """Parse every curve again (f's name, the references) and update the sliders."""
        if self._expression is None:
            self.definitions = ()
            return
        self.definitions = self._define(self.texts())
        names = sorted({n for d in self.definitions if d.ok for n in d.parameters})
        self.parameters.set_parameters(names)
        self.curve_list.set_f_text(html.escape(self.curve_heading(0)))

    def visible_definitions(self) -> list[CurveDefinition]:
        return [d for i, d in enumerate(self.definitions) if d.ok and not self._state.is_hidden(i)]

    # ----- range ------------------------------------------------------------------------------

    def x_range(self) -> tuple[float, float]:
        return self._state.x_range

    def set_x_range(self, x_min: float, x_max: float) -> None:
        """Set and plot a new range; raises RangeError (and keeps the old one) when it is bad."""
        self.set_state(dataclasses.replace(self._state, x_range=(x_min, x_max)))

    def apply_range_inputs(self) -> None:
        """Read both range fields; show what is wrong next to them, or replot."""
        bounds = []
        for name, field in (
            (T.mark("x min"), self.x_min_input),
            (T.mark("x max"), self.x_max_input),
        ):
            try:
                bounds.append(parse_bound(field.text()))
            except ExprError as error:
                self._show_range_error(Joined([T.lazy(name), ": ", CoreText(error.message)]), field)
                return
        try:
            new_range = validate_range(*bounds)
        except RangeError as error:
            self._show_range_error(CoreText(error.message))
            return
        if new_range != self._state.x_range or self.range_feedback.text():
            # Widget → state: the fields keep what the user typed (e.g. -2pi).
            self._state = dataclasses.replace(self._state, x_range=new_range)
            self._show_range_error(None)
            self.replot()

    def _show_range_error(self, message: object | None, field: QLineEdit | None = None) -> None:
        i18n.bind(self.range_feedback, "setText", Escaped(message) if message else "")
        for each in (self.x_min_input, self.x_max_input):
            bad = message is not None and (field is None or field is each)
            set_text_role(each, "invalid" if bad else "")

    def apply_extremes_input(self) -> None:
        """Read "a, b" (empty: the view) for the global extrema; say what is wrong if bad."""
        text = self.extremes_input.text().strip()
        interval = None
        if text:
            parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
            try:
                if len(parts) != 2:
                    raise ExprError("Type two numbers: a, b")
                interval = validate_range(*(parse_bound(p) for p in parts))
            except (ExprError, RangeError) as error:
                i18n.bind(self.extremes_feedback, "setText", Escaped(CoreText(error.message)))
                set_text_role(self.extremes_input, "invalid")
                return
        i18n.bind(self.extremes_feedback, "setText", "")
        set_text_role(self.extremes_input, "")
        self._state = dataclasses.replace(self._state, extremes_interval=interval)
        self.draw_analysis()

    # ----- drawing ----------------------------------------------------------------------------

    def replot(self, *, keep_view: bool = False) -> None:
        """Analyse and draw every visible curve. Without ``keep_view`` the view goes to the
        state's x-range (y fitted to f); with it (a slider move, an edit in the list) the view
        stays where the user has it, as in Desmos, and only "Reset view" moves."""
        if self._expression is None:
            return
        x_range = self.plot.view_range()[0] if keep_view else self._state.x_range
        self._view_x_range = tuple(x_range)
        self.analyse(x_range)
        home_y = self._home_y_range()
        if keep_view:
            self.plot.set_home_range(self._state.x_range, home_y)
        else:
            self._analysed_range = tuple(x_range)
            self.plot.set_view_range(self._state.x_range, home_y)

    def _home_y_range(self) -> tuple[float, float]:
        if self.last_curve is not None and self.last_curve.y_view_range is not None:
            return self.last_curve.y_view_range
        if self.last_curve is not None:
            return _fallback_y_range(self.last_curve)
        return (-1.0, 1.0)

    def analyse(self, x_range: tuple[float, float]) -> None:
        """Analyse the visible curves on ``x_range`` and draw curves, points and shading."""
        try:
            low, high = validate_range(*x_range)
        except RangeError:
            return
        self._analysed_range = (low, high)
        visible = self.visible_definitions()
        values = self.parameters.model().values(self.parameters.names())
        self.analysis = analyze_curves(visible, values, (low, high), cache=self._cache)
        self._prepared = {d.name: prepare_curve(d, values) for d in visible}
        self.draw_curves()
        self.draw_analysis()

    def draw_curves(self) -> None:
        analysis = self.analysis
        drawn = {c.name: c for c in analysis.curves} if analysis is not None else {}
        values = self.parameters.model().values(self.parameters.names())
        keys = set()
        for index, definition in enumerate(self.definitions):
            curve = drawn.get(definition.name)
            if curve is None:
                continue
            suffix = ""
            if definition.parameters:
                # An exported picture has no sliders: the legend says which values it shows.
                shown = (f"{n} = {format_number(values[n])}" for n in definition.parameters)
                suffix = " (" + ", ".join(shown) + ")"
            x, y = curve.sampled.display_arrays()
            key = "f" if index == 0 else definition.name
            keys.add(key)
            self.plot.set_curve(
                key,
                x,
                y,
                name=self.curve_heading(index) + suffix,
                color=self.curve_colour(index),
                width=2.5,
                style=STYLE_CYCLE[index % len(STYLE_CYCLE)],
            )
        for key in set(self.plot.curve_keys()) - keys:
            self.plot.remove_curve(key)
        first = self.definitions[0] if self.definitions else None
        self.last_curve = drawn[first.name].sampled if first and first.name in drawn else None
        empty = not any(c.sampled.has_real_values for c in drawn.values())
        self.plot.set_message(T.lazy("No real values in this range") if drawn and empty else None)

    def curve_heading(self, index: int) -> str:
        """``f(x) = x³ − 1/x`` (as the window echoes f), ``g(x) = f(x − 1) + 2``."""
        return self.definitions[index].heading()

    def selected_definition(self) -> CurveDefinition | None:
        index = min(self._state.selected, len(self.definitions) - 1)
        if index < 0 or self._state.is_hidden(index) or not self.definitions[index].ok:
            visible = self.visible_definitions()
            return visible[0] if visible else None
        return self.definitions[index]

    def retranslate(self) -> None:
        self.draw_analysis()

    def draw_analysis(self) -> None:
        """Points, shading and the details of the selected curve, from the last analysis."""
        analysis = self.analysis
        if analysis is None:
            return
        selected = self.selected_definition()
        curve = self.details_curve(selected)
        extremes = [curve.minimum, curve.maximum] if curve is not None else []
        if self._state.show_points:
            # A ring at the very edge of the view would be cut in half; the details say it.
            low, high = curve.x_range if curve is not None else analysis.x_range
            shown = [e for e in extremes if e.x is not None and low < e.x < high]
            self.markers.show(analysis.points(), shown)
        else:
            self.markers.clear()
        shaded = analysis.curve(selected.name) if selected is not None else None
        if shaded is not None and self._state.shading != "none":
            slope = self._state.shading == "slope"
            intervals = shaded.monotonicity if slope else shaded.concavity
            self.markers.shade(intervals, self._state.shading)
        else:
            self.markers.shade((), "none")
        self.details.setText(self._details_html(curve, extremes))

    def details_curve(self, definition: CurveDefinition | None) -> Any:
        """The selected curve analysed on the typed interval, or on the view itself (the
        analysis behind the dots may reach beyond it, see ``_on_view_settled``)."""
        if definition is None or self.analysis is None:
            return None
        interval = self._state.extremes_interval
        curve = self.analysis.curve(definition.name)
        if interval is None:
            interval = self._view_x_range
            if np.allclose(interval, self.analysis.x_range, rtol=1e-9, atol=0):
                return curve
            low, high = self.analysis.x_range
            if low <= interval[0] < interval[1] <= high:
                samples = self.analysis.samples_of(definition.name)
                return restricted(curve, samples, self._prepared[definition.name].f, interval)
        try:
            on_interval, _ = analyze_curve(self._prepared[definition.name], interval)
        except RangeError:
            return self.analysis.curve(definition.name)
        return on_interval

    def _details_html(self, curve: Any, extremes: list[Any]) -> str:
        if curve is None:
            return ""
        name = curve.name
        low, high = curve.x_range
        where = f"[{format_number(low)}, {format_number(high)}]"
        if self._state.extremes_interval is None:
            head = T("<b>{name}</b> on the view {where}:", name=html.escape(name), where=where)
        else:
            head = T("<b>{name}</b> on {where}:", name=html.escape(name), where=where)
        lines = [head]
        lines += [html.escape(core_text(e.describe(name))) for e in extremes]
        for title, chosen in curve.interval_groups():
            if chosen:
                where = html.escape(", ".join(chosen))
                lines.append(T("{title} on {where}", title=core_text(title), where=where))
        if self._state.shading == "slope":
            lines.append(
                "<span style='color:#009E73'>■</span> "
                + T("rising")
                + " <span style='color:#D55E00'>■</span> "
                + T("falling")
            )
        elif self._state.shading == "concavity":
            lines.append(
                "<span style='color:#0072B2'>■</span> "
                + T("concave up")
                + " <span style='color:#CC79A7'>■</span> "
                + T("concave down")
            )
        return "<br>".join(lines)

    # ----- view, cursor, clicks ---------------------------------------------------------------

    def _on_view_changed(self, *_args: object) -> None:
        if self.analysis is not None:
            self._view_timer.start()

    def _on_view_settled(self) -> None:
        """Pan or zoom ended. Inside the analysed range, at a zoom under ``REFINE_ZOOM``, the
        points are already there (only the details follow the view); otherwise the curves are
        resampled and analysed on the view widened by half its width on each side, so the
        next pans are free again."""
        (low, high), _ = self.plot.view_range()
        self._view_x_range = (low, high)
        analysed = self._analysed_range
        if analysed is not None:
            inside = analysed[0] <= low and high <= analysed[1]
            if inside and (high - low) * REFINE_ZOOM >= analysed[1] - analysed[0]:
                self.draw_analysis()
                return
        margin = 0.5 * (high - low)
        self.analyse((low - margin, high + margin))

    def _on_cursor(self, x: float, y: float) -> None:
        if self._state.show_points:
            self.markers.hover(x, y)
        if not self._state.trace or self.analysis is None:
            return
        definition = self._trace_target(x, y)
        if definition is None:
            self.trace_dot.hide()
            return
        (x0, x1), _ = self.plot.view_range()
        width = max(self.plot.view_box.width(), 1.0)
        snap = HOVER_PIXELS * (x1 - x0) / width
        points = self.analysis.points() if self._state.show_points else ()
        reading = trace_at(self._prepared[definition.name], points, x, snap)
        index = self.definitions.index(definition)
        self.trace_dot.show(reading, self.curve_colour(index))

    def _trace_target(self, x: float, y: float) -> CurveDefinition | None:
        """The visible curve whose value at x is nearest the cursor (the selected one on ties)."""
        best, best_gap = None, math.inf
        for definition in self.visible_definitions():
            with np.errstate(all="ignore"):
                value = float(self._prepared[definition.name].f(np.float64(x)))
            gap = abs(value - y) if math.isfinite(value) else math.inf
            if gap < best_gap:
                best, best_gap = definition, gap
        return best or self.selected_definition()

    def _on_click(self, event: Any) -> None:
        if not self._state.show_points or event.button() != Qt.MouseButton.LeftButton:
            return
        box = self.plot.view_box
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        where = box.mapSceneToView(event.scenePos())
        point = self.markers.point_near(where.x(), where.y())
        if point is not None:
            self.markers.toggle_pin(point, where.y())

    # ----- parameters ---------------------------------------------------------------------------

    def parameter_values(self) -> dict[str, float]:
        return self.parameters.values()

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


def _without(items: tuple, index: int) -> tuple:
    return tuple(value for i, value in enumerate(items) if i != index)


def _fallback_y_range(curve: SampledCurve) -> tuple[float, float]:
    # Nothing finite to fit (or a constant): a symmetric window around the value keeps axes sane.
    finite = curve.y[np.isfinite(curve.y)]
    if finite.size == 0:
        return (-1.0, 1.0)
    centre = float(finite[0])
    half = max(1.0, abs(centre) * 0.1) if math.isfinite(centre) else 1.0
    return (centre - half, centre + half)
