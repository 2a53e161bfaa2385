"""The "Gradient" panel: f(x, y) as a contour map, the gradient at a point P you drag, the level
curve through P and its tangent, the partials as slices, D_u f(θ), the linear approximation,
critical points, and a "Vector rules" tab with the seed's five rules.

Panels are thin: every number comes from ``explorer.core.gradient``; the state the user sets is
``GradientState`` (core), bound both ways with signals blocked (see ``explorer.ui.panels``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.expr.errors import ExprError
from explorer.core.gradient.critical import MAX_POINTS, CriticalPoint, find_critical_points
from explorer.core.gradient.field import FieldGrid, is_equal_scale_fit
from explorer.core.gradient.point import (
    LinearApproximation,
    PointAnalysis,
    analyse_point,
    linear_approximation,
    slices,
    within_tolerance,
)
from explorer.core.gradient.presets import PRESETS
from explorer.core.gradient.surface import Surface, parse_number, parse_pair, parse_surface
from explorer.core.gradient.vector_field import gradient_field
from explorer.core.panel_state import GradientState
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import set_text_role
from explorer.ui.expression_input import ExpressionInput
from explorer.ui.field_view import FieldView
from explorer.ui.i18n import Context, CoreText, Deferred, Joined
from explorer.ui.panels.gradient_3d import SurfaceView, load_opengl
from explorer.ui.panels.gradient_map import GradientMapLayer
from explorer.ui.panels.gradient_plots import DirectionPlot, SlicePlot
from explorer.ui.panels.gradient_readout import ReadoutTable, linear_rows, point_rows
from explorer.ui.panels.gradient_rules import COLUMNS, VectorRulesView
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel, ParameterSliders
from explorer.ui.window_repaint import RepaintOnce

T = Context("GradientPanel")
SIDE_MIN_WIDTH = 300


class GradientPanel(Panel):
    """The Gradient lab (objectName ``gradientPanel``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientPanel")
        self._state = GradientState()
        self._surface: Surface | None = None
        self._analysis: PointAnalysis | None = None
        self._linear: LinearApproximation | None = None
        self._critical: list[CriticalPoint] | None = None
        self._parameters_stale = False
        self._point_error_shown = True  # until the first clearing styles the fields
        self._repaint = RepaintOnce(self)
        self._build_widgets()
        self._build_layout()
        self._connect()
        self._critical_timer = QTimer(self)
        self._critical_timer.setSingleShot(True)
        self._critical_timer.setInterval(0)
        self._critical_timer.timeout.connect(self._update_critical_points)
        # The widgets show the default state now; f is parsed and mapped when the tab is first
        # shown (or a state is set), so a window that opens on another tab pays nothing here.
        self._write_widgets(self._state)

    # ----- construction -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.input = ExpressionInput(
            parse_surface, label="f(x, y) =", echo_prefix=T.lazy("Mapping f(x, y) = ")
        )
        self.input.line_edit.setObjectName("gradientExpressionInput")
        T.placeholder(self.input.line_edit, "Type f(x, y), e.g. x^2 + 2y^2 or sin(x)*cos(y)")
        self.presets = QComboBox()
        self.presets.setObjectName("gradientPresets")
        self.presets.addItem("")
        T.bind_item(self.presets, 0, "Examples…")
        for index, preset in enumerate(PRESETS, start=1):
            self.presets.addItem("")
            i18n.bind(self.presets, "setItemText", CoreText(preset.title), index)
        T.tip(self.presets, "Load an example function with a starting point and view")
        describe(self.presets, T.lazy("Example functions"))
        self.point_input = QLineEdit()
        self.point_input.setObjectName("gradientPointInput")
        T.tip(self.point_input, "P = (x, y): numbers or constants, e.g. 0, ln(2)")
        describe(self.point_input, T.lazy("Point P = (x, y)"))
        self.point_input.setMinimumWidth(90)
        # Rewritten on every drag step: opaque, so that repaints it alone (see ReadoutTable).
        # The fill shows only at the frame's rounded corners: the window's colour, as beneath.
        self.point_input.setBackgroundRole(QPalette.ColorRole.Window)
        self.point_input.setAutoFillBackground(True)
        self.point_input.setMaximumWidth(190)
        self.angle_input = QDoubleSpinBox()
        self.angle_input.setObjectName("gradientAngleInput")
        self.angle_input.setRange(0.0, 360.0)
        self.angle_input.setWrapping(True)
        self.angle_input.setDecimals(1)
        self.angle_input.setSuffix("°")
        T.tip(self.angle_input, "θ: the direction u = (cos θ, sin θ), in degrees")
        self.field_toggle = T.text(QCheckBox(), "Gradient field")
        describe(self.angle_input, T.lazy("Direction angle θ of u"))
        self.field_toggle.setObjectName("gradientFieldToggle")
        T.tip(self.field_toggle, "Arrows of ∇f on a grid, coloured by |∇f|")
        self.critical_toggle = T.text(QCheckBox(), "Critical points")
        self.critical_toggle.setObjectName("gradientCriticalToggle")
        T.tip(self.critical_toggle, "Points in view where ∇f = 0, classified by the Hessian")
        self.point_feedback = QLabel()
        self.point_feedback.setObjectName("gradientPointFeedback")
        set_text_role(self.point_feedback, "error")
        self.point_feedback.setWordWrap(True)
        self.map = FieldView(x_label="x", y_label="y")
        self.map.setObjectName("gradientMap")
        describe(
            self.map.plot_widget,
            T.lazy("Contour map of f(x, y) with the point P and ∇f(P)"),
            T.lazy("P is the point where ∇f is drawn; u, the head of the direction arrow"),
        )
        self.layer = GradientMapLayer(self.map)
        self.reset_button = QToolButton()
        self.reset_button.setDefaultAction(self.map.reset_view_action)
        self.numbers = ReadoutTable(
            "gradientNumbers",
            T.lazy(
                "Values from the autodiff core (one reverse-mode pass); the partials' formulas "
                "from the steps engine, treating the other variable as a constant"
            ),
        )
        self.slice_x = SlicePlot("x", "y")
        self.slice_x.setObjectName("gradientSliceX")
        self.slice_y = SlicePlot("y", "x")
        self.slice_y.setObjectName("gradientSliceY")
        self.direction_plot = DirectionPlot()
        self.direction_plot.setObjectName("gradientDirectionPlot")
        self.epsilon_input = QLineEdit()
        self.epsilon_input.setObjectName("gradientEpsilonInput")
        T.tip(self.epsilon_input, "ε = (ε₁, ε₂): the step from P, e.g. 0.01, -0.03")
        describe(self.epsilon_input, T.lazy("Step ε = (ε₁, ε₂) from P"))
        self.epsilon_input.setMinimumWidth(80)
        self.epsilon_input.setMaximumWidth(150)
        self.tolerance_toggle = T.text(QCheckBox(), "Shade |f − L| ≤")
        self.tolerance_toggle.setObjectName("gradientToleranceToggle")
        T.tip(self.tolerance_toggle, "Shade the map where the tangent plane L is this close")
        describe(
            self.tolerance_toggle, T.lazy("Shade the map where |f − L| is at most the tolerance")
        )
        self.tolerance_input = QLineEdit()
        self.tolerance_input.setObjectName("gradientToleranceInput")
        self.tolerance_input.setMaximumWidth(80)
        describe(
            self.tolerance_input,
            T.lazy("Tolerance of the shading"),
            T.lazy("The map is shaded where the tangent plane L is within this of f"),
        )
        self.linear_label = ReadoutTable(
            "gradientLinear",
            T.lazy(
                "L = f(P) + ε·∇f(P), the tangent plane at P, against the true f(P + ε); the "
                "difference shrinks like |ε|²"
            ),
        )
        self.critical_label = QLabel()
        self.critical_label.setObjectName("gradientCriticalSummary")
        self.critical_label.setWordWrap(True)
        self.critical_label.setMinimumWidth(120)
        self.parameters = ParameterSliders()
        self.rules = VectorRulesView()
        self.surface_view = SurfaceView(opengl=load_opengl())

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.input, 1)
        top.addWidget(self.presets, 0, Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("P ="))
        controls.addWidget(self.point_input, 1)
        controls.addWidget(QLabel("θ ="))
        controls.addWidget(self.angle_input)
        controls.addWidget(self.point_feedback, 2)
        controls.addWidget(self.reset_button)
        toggles = QHBoxLayout()
        toggles.addWidget(self.field_toggle, 0, Qt.AlignmentFlag.AlignTop)
        toggles.addWidget(self.critical_toggle, 0, Qt.AlignmentFlag.AlignTop)
        toggles.addWidget(self.critical_label, 1)
        map_column = QWidget()
        map_layout = QVBoxLayout(map_column)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addLayout(controls)
        map_layout.addWidget(self.map, 1)
        map_layout.addLayout(toggles)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 4, 0)
        side_layout.addWidget(self.parameters)
        side_layout.addWidget(self.numbers)
        slices_row = QHBoxLayout()
        slices_row.addWidget(self.slice_x)
        slices_row.addWidget(self.slice_y)
        side_layout.addWidget(
            _caption(T.mark("Partials as slices: the other variable held constant"))
        )
        side_layout.addLayout(slices_row, 3)
        side_layout.addWidget(
            _caption(T.mark("Directional derivative Dᵤ f(P) = ∇f(P)·u = |∇f| cos ∠"))
        )
        side_layout.addWidget(self.direction_plot, 3)
        side_layout.addWidget(_caption(T.mark("Linear approximation L = f(P) + ε·∇f(P)")))
        linear_row = QHBoxLayout()
        linear_row.addWidget(QLabel("ε ="))
        linear_row.addWidget(self.epsilon_input, 1)
        linear_row.addStretch(1)
        linear_row.addWidget(self.tolerance_toggle)
        linear_row.addWidget(self.tolerance_input)
        side_layout.addLayout(linear_row)
        side_layout.addWidget(self.linear_label)
        side_scroll = QScrollArea()
        side_scroll.setObjectName("gradientSide")
        # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setMinimumWidth(SIDE_MIN_WIDTH)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(map_column)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("gradientTabs")
        self.tabs.setDocumentMode(True)
        for view, title in (
            (splitter, T.mark("Map and point")),
            (self.rules, T.mark("Vector rules")),
            (self.surface_view, T.mark("3D surface")),
        ):
            i18n.bind(self.tabs, "setTabText", T.lazy(title), self.tabs.addTab(view, ""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.input.expression_parsed.connect(self._on_expression_parsed)
        self.presets.activated.connect(self._on_preset)
        self.point_input.editingFinished.connect(self._on_point_typed)
        self.angle_input.valueChanged.connect(self._on_angle_typed)
        self.field_toggle.toggled.connect(lambda on: self._set_toggle("show_field", on))
        self.critical_toggle.toggled.connect(
            lambda on: self._set_toggle("show_critical_points", on)
        )
        self.tolerance_toggle.toggled.connect(lambda on: self._set_toggle("show_tolerance", on))
        self.epsilon_input.editingFinished.connect(self._on_epsilon_typed)
        self.tolerance_input.editingFinished.connect(self._on_tolerance_typed)
        self.map.handle_dragged.connect(self._on_handle_dragged)
        self.map.handle_grabbed.connect(lambda _key: self._hold_small_plots(True))
        self.map.handle_released.connect(lambda _key: self._hold_small_plots(False))
        self.map.map_clicked.connect(self.move_point)
        self.map.field_changed.connect(self._on_field_changed)
        self.direction_plot.theta_dragged.connect(self.set_theta)
        self.parameters.values_changed.connect(self._on_parameters_changed)
        self.rules.settings_changed.connect(self._on_rule_settings)

    # ----- the panel protocol -------------------------------------------------------------------

    def export_target(self) -> Any:
        return self.map.export_target()

    def view_actions(self) -> list[QAction]:
        return [self.map.reset_view_action]

    def set_parameter_model(self, model: ParameterModel) -> None:
        self.parameters.set_model(model)

    def prepare_export(self, state: GradientState, width: int, height: int) -> None:
        """For an export without a window: the map at the image's size, showing ``state``."""
        self.map.resize(width, height)
        self.set_state(state)

    def state(self) -> GradientState:
        return self._state

    def set_state(self, state: GradientState) -> None:
        """Show ``state``: every control written with signals blocked, then a full redraw."""
        self._write_widgets(state)
        # Parses at once; a good f(x, y) redraws everything through _on_expression_parsed.
        self.input.parse_now()

    def _write_widgets(self, state: GradientState) -> None:
        self._state = state
        with signals_blocked(
            self.input.line_edit,
            self.point_input,
            self.angle_input,
            self.field_toggle,
            self.critical_toggle,
            self.tolerance_toggle,
            self.epsilon_input,
            self.tolerance_input,
        ):
            self.input.line_edit.setText(state.expression)
            self._write_point_input()
            self.angle_input.setValue(math.degrees(state.theta))
            self.field_toggle.setChecked(state.show_field)
            self.critical_toggle.setChecked(state.show_critical_points)
            self.tolerance_toggle.setChecked(state.show_tolerance)
            self.epsilon_input.setText(_pair_input_text(state.epsilon))
            self.tolerance_input.setText(f"{state.tolerance:.6g}")
        self.map.set_view_range(state.x_range, state.y_range)
        self.rules.show_rules(*state.rule_sizes, state.rule_seed)

    # ----- what the panel shows now (for tests and the benchmark) ---------------------------------

    def surface(self) -> Surface | None:
        return self._surface

    def analysis(self) -> PointAnalysis | None:
        return self._analysis

    def linear(self) -> LinearApproximation | None:
        return self._linear

    def critical_points(self) -> list[CriticalPoint] | None:
        """The critical points shown (None while they are off or not yet found)."""
        return self._critical

    # ----- f(x, y) and its parameters -----------------------------------------------------------

    def set_expression_text(self, text: str) -> None:
        """Type ``text`` into the f(x, y) input and parse it now."""
        self.input.set_text(text)

    def _on_expression_parsed(self, expression: Any) -> None:
        self._state = replace(self._state, expression=self.input.text())
        self.parameters.set_parameters(expression.parameters)
        self._surface = Surface(expression, self.parameters.model().values(expression.parameters))
        self._redraw_map()

    def _on_parameters_changed(self, values: dict) -> None:
        if self._surface is None:
            return
        if not self.isVisible():
            # Moved in another panel: redraw when this one is shown, not on every step.
            self._parameters_stale = True
            return
        self._surface = self._surface.with_parameters(values)
        self._redraw_map()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._surface is None and self.input.last_error() is None:
            self.input.parse_now()
        elif self._parameters_stale and self._surface is not None:
            self._parameters_stale = False
            self._surface = self._surface.with_parameters(self.parameters.values())
            self._redraw_map()

    def _redraw_map(self) -> None:
        """New f or parameters: the map (and through ``field_changed``) everything on it."""
        self.map.set_function(self._surface.field_function())

    def _on_field_changed(self, grid: FieldGrid) -> None:
        """The map was recomputed (new f, parameters, zoom or pan)."""
        asked = (self._state.x_range, self._state.y_range)
        if not is_equal_scale_fit(asked, (grid.x_range, grid.y_range)):
            self._state = replace(self._state, x_range=grid.x_range, y_range=grid.y_range)
        self._update_point()
        self._update_field()
        self._critical = None
        if self._state.show_critical_points and self.isVisible():
            # After this event, so the map shows before the search runs.
            self._critical_timer.start()
        elif self._state.show_critical_points:
            # Hidden (an export from the command line, a session loaded in another tab): no
            # screen to keep responsive, and an export must include them.
            self._update_critical_points()
        else:
            self.layer.show_critical_points(None)
            self.critical_label.setText("")

    # ----- P, θ, ε ------------------------------------------------------------------------------

    def move_point(self, x: float, y: float) -> None:
        """Put P at (x, y), as a drag or a click on the map does."""
        self._state = replace(self._state, point=(float(x), float(y)))
        with signals_blocked(self.point_input):
            self._write_point_input()
        self._show_point_error(None)
        self._update_point()
        self._repaint_once()

    def set_theta(self, theta: float) -> None:
        self._state = replace(self._state, theta=theta)
        with signals_blocked(self.angle_input):
            self.angle_input.setValue(math.degrees(self._state.theta))
        self._update_direction()
        self._repaint_once()

    def _repaint_once(self) -> None:
        # A drag step changes several plots (the first one of a drag all four, as their axes
        # become pictures): one repaint of the window for all of them.
        plots = (self.map, self.slice_x, self.slice_y, self.direction_plot)
        self._repaint.process(self.window(), (plot.plot_widget.scene() for plot in plots))

    def _on_handle_dragged(self, key: str, x: float, y: float) -> None:
        if key == "P":
            self.move_point(x, y)
        elif key == "u" and self._analysis is not None:
            dx, dy = x - self._analysis.x, y - self._analysis.y
            if dx or dy:
                self.set_theta(math.atan2(dy, dx))

    def _hold_small_plots(self, holding: bool) -> None:
        # A drag of P or u redraws these on every step; their axes stay put meanwhile.
        for plot in (self.slice_x, self.slice_y, self.direction_plot):
            plot.hold_axes(holding)

    def _on_point_typed(self) -> None:
        try:
            point = parse_pair(self.point_input.text(), "point")
        except ExprError as error:
            self._show_point_error(Joined(["P: ", CoreText(error.message)]))
            return
        self.move_point(*point)

    def _on_angle_typed(self, degrees: float) -> None:
        self._state = replace(self._state, theta=math.radians(degrees))
        self._update_direction()

    def _on_epsilon_typed(self) -> None:
        try:
            epsilon = parse_pair(self.epsilon_input.text(), "step ε")
        except ExprError as error:
            self._show_point_error(Joined(["ε: ", CoreText(error.message)]), self.epsilon_input)
            return
        self._show_point_error(None)
        self._state = replace(self._state, epsilon=epsilon)
        self._update_linear()

    def _on_tolerance_typed(self) -> None:
        try:
            tolerance = parse_number(self.tolerance_input.text(), "tolerance")
            self._state = replace(self._state, tolerance=tolerance)
        except (ExprError, ValueError) as error:
            message = getattr(error, "message", str(error))
            self._show_point_error(
                Joined([T.lazy("tolerance"), ": ", CoreText(message)]), self.tolerance_input
            )
            return
        self._show_point_error(None)
        self._update_tolerance()

    def _set_toggle(self, name: str, on: bool) -> None:
        self._state = replace(self._state, **{name: on})
        if name == "show_field":
            self._update_field()
        elif name == "show_tolerance":
            self._update_tolerance()
        elif on:
            self._critical_timer.start()
        else:
            self._critical = None
            self.layer.show_critical_points(None)
            self.critical_label.setText("")

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        preset = PRESETS[index - 1]
        self.presets.setCurrentIndex(0)
        self.set_state(
            replace(
                self._state,
                expression=preset.expression,
                point=preset.point,
                x_range=preset.x_range,
                y_range=preset.y_range,
            )
        )

    def _on_rule_settings(self, n: int, m: int, seed: int) -> None:
        self._state = replace(self._state, rule_sizes=(n, m), rule_seed=seed)
        self.rules.show_rules(n, m, seed)

    def _write_point_input(self) -> None:
        self.point_input.setText(_pair_input_text(self._state.point))

    def _show_point_error(self, message: object | None, field: QLineEdit | None = None) -> None:
        if message is None and not self._point_error_shown:
            return  # every drag step clears it: restyling three fields costs a layout pass
        self._point_error_shown = message is not None
        i18n.bind(self.point_feedback, "setText", message or "")
        for each in (self.point_input, self.epsilon_input, self.tolerance_input):
            bad = message is not None and (field or self.point_input) is each
            set_text_role(each, "invalid" if bad else "")

    # ----- drawing ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        # The readouts and plot labels are built from numbers and words: build them again.
        self.rules.table.setHorizontalHeaderLabels([T(column) for column in COLUMNS])
        if self._analysis is not None:
            self._update_point()
            self._update_critical_points()

    def _update_point(self) -> None:
        """Everything that depends on P: the drag path, kept to short items and one contour."""
        if self._surface is None:
            return
        analysis = analyse_point(self._surface, *self._state.point)
        self._analysis = analysis
        self.layer.show_point(analysis, self._state.theta)
        (x_range, y_range) = self.map.view_range()
        slice_x, slice_y = slices(self._surface, analysis, x_range, y_range)
        self.slice_x.show_slice(slice_x, 0.2 * (x_range[1] - x_range[0]))
        self.slice_y.show_slice(slice_y, 0.2 * (y_range[1] - y_range[0]))
        self.direction_plot.show_analysis(analysis, self._state.theta)
        # Drawn only while its tab is visible (it keeps the latest request for when it is).
        self.surface_view.show_surface(self._surface, analysis, x_range, y_range)
        self._update_numbers()
        self._update_linear()

    def _update_direction(self) -> None:
        if self._analysis is None:
            return
        self.layer.show_direction(self._analysis, self._state.theta)
        self.direction_plot.show_theta(self._analysis, self._state.theta)
        self._update_numbers()

    def _update_numbers(self) -> None:
        self.numbers.set_rows(point_rows(self._surface, self._analysis, self._state.theta))

    def _update_linear(self) -> None:
        analysis = self._analysis
        if analysis is None or self._surface is None:
            return
        self._linear = (
            linear_approximation(self._surface, analysis, self._state.epsilon)
            if analysis.defined
            else None
        )
        self.linear_label.set_rows(linear_rows(self._linear))
        self.layer.show_epsilon(analysis, self._state.epsilon)
        self._update_tolerance()

    def _update_tolerance(self) -> None:
        grid = self.map.grid()
        if not self._state.show_tolerance or grid is None or self._analysis is None:
            self.layer.show_tolerance(None)
            return
        mask = within_tolerance(grid.z, grid.xs, grid.ys, self._analysis, self._state.tolerance)
        self.layer.show_tolerance(mask)

    def _update_field(self) -> None:
        if not self._state.show_field or self._surface is None:
            self.layer.show_field(None)
            return
        self.layer.show_field(gradient_field(self._surface, *self.map.view_range()))

    def _update_critical_points(self) -> None:
        if self._surface is None or not self._state.show_critical_points:
            return
        self._critical = find_critical_points(self._surface, *self.map.view_range())
        self.layer.show_critical_points(self._critical)
        critical = self._critical
        i18n.bind(self.critical_label, "setText", Deferred(lambda: _critical_summary(critical)))


def _caption(text: str) -> QLabel:
    label = T.label(text)
    set_text_role(label, "muted", "font-weight: bold;")
    # Wrapped, so a long caption in large text never makes the side column scroll sideways.
    label.setWordWrap(True)
    return label


def _pair_input_text(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.6g}, {pair[1]:.6g}"


def _critical_summary(points: list[CriticalPoint]) -> str:
    if not points:
        return T("No critical points (∇f = 0) in view.")
    counts: dict[str, int] = {}
    for point in points:
        counts[point.kind] = counts.get(point.kind, 0) + 1
    parts = [f"{count} {T(_plural(kind, count))}" for kind, count in counts.items()]
    more = (
        T(" (the first {count}; zoom in for the rest)", count=MAX_POINTS)
        if len(points) >= MAX_POINTS
        else ""
    )
    return T(
        "Critical points in view: {parts}{more}. ∇f = 0 is necessary, not sufficient: not every "
        "such point is the global minimum (hover a marker for its Hessian).",
        parts=T(", ").join(parts),
        more=more,
    )


_SINGULAR = {
    "minimum": T.mark("minimum"),
    "maximum": T.mark("maximum"),
    "saddle": T.mark("saddle"),
    "degenerate": T.mark("inconclusive"),
}
_PLURAL = {"minimum": T.mark("minima"), "maximum": T.mark("maxima"), "saddle": T.mark("saddles")}


def _plural(kind: str, count: int) -> str:
    if count == 1:
        return _SINGULAR.get(kind, kind)
    return _PLURAL.get(kind, _SINGULAR["degenerate"])
