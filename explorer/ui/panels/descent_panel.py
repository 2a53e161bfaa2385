"""The "Descent" panel: gradient descent animated, one optimizer or a race of five, on any f.

f(x) shows each step along the tangent it trusts; f(x, y) shows the contour map with every
trajectory. The race is computed in core (``explorer.core.descent``) whenever f, the start, the
steps or a hyperparameter changes; the timeline then only picks a step of it, so play, back,
step and scrub are exact. Numbers shown (results, explanation, diagnosis) come from core.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.descent.code import pytorch_script
from explorer.core.descent.explain import explain_step, vector_text
from explorer.core.descent.objective import Objective, parse_objective
from explorer.core.descent.picture import view_bounds
from explorer.core.descent.predict import OVERSHOOT, SIGN, score_next_point
from explorer.core.descent.presets import PRESETS, preset_named
from explorer.core.descent.race import Race
from explorer.core.descent.report import ResultRow, race_findings, result_rows
from explorer.core.descent.state import (
    MAX_STEPS,
    DescentState,
    frame_steps,
    race_for,
    state_from_preset,
)
from explorer.core.expr import ExprError
from explorer.core.text import format_number
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import current_theme, follow_text_size, follow_theme, set_text_role
from explorer.ui.export import ExportError
from explorer.ui.export_gif import write_gif
from explorer.ui.i18n import Context, CoreText, Joined, core_text
from explorer.ui.panels.descent_controls import AnimationOptions, RacerControls, TimelineBar
from explorer.ui.panels.descent_views import CurveView, LossPlot, MapView, racer_color
from explorer.ui.panels.function_panel import parse_bound
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.wrapping_row import WrappingRow

T = Context("DescentPanel")

OWN_FUNCTION = T.mark("Your own f")
_MISTAKE_WORDS = {
    SIGN: T.mark("That is a sign error: a step along +∇f goes uphill, to the mirror image."),
    OVERSHOOT: T.mark(
        "The learning rate overshoots: the step jumps past the minimum, not short of it."
    ),
}
RESULT_COLUMNS = ("", T.mark("End point"), "f", T.mark("Steps"))
# Each racer's status ("did not converge", "degenerate critical point") is a row of its own under
# its numbers, as wide as the table: as a fifth column it had ~30 px beside a 1280 px window
# with the Lessons dock open, and read "did not c…".


class SideColumnSplitter(QSplitter):
    """The figure beside the racers and results, which take 30 % of the width: at least 300 px,
    enough for the results table when the Lessons dock is open beside a 1280 px window, and at
    most 410 px of a wide one, so the figure gets the rest. Once the learner drags the divider,
    the width they chose stays."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.dragged = False
        self.splitterMoved.connect(self._remember_drag)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self.dragged and self.count() == 2:
            total = self.width() - self.handleWidth()
            side = int(min(410, max(300, 0.3 * total)))
            self.setSizes([total - side, side])

    def _remember_drag(self) -> None:
        self.dragged = True


class DescentPanel(Panel):
    """Race optimizers from one start on f(x) or f(x, y) and play the race step by step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descentPanel")
        self._state = DescentState()
        self.race: Race | None = None
        self._objective: Objective | None = None
        self._race_key: tuple | None = None
        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._tick)
        # Tests set a fixed interval (0); otherwise it follows the speed.
        self.fixed_interval: int | None = None
        self._playback = None
        self._findings: list = []
        self._rows: list[ResultRow] = []
        self._build()
        self.set_state(state_from_preset(PRESETS[3], self._state))

    # ----- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("presetCombo")
        for preset in PRESETS:
            self.preset_combo.addItem("", preset.name)
            index = self.preset_combo.count() - 1
            i18n.bind(self.preset_combo, "setItemText", CoreText(preset.name), index)
        self._tip_presets()
        self.preset_combo.addItem("", "")
        T.bind_item(self.preset_combo, self.preset_combo.count() - 1, OWN_FUNCTION)
        # Long preset names would make the window's minimum width: the tooltip has the rest.
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(14)
        describe(self.preset_combo, T.lazy("Preset race"))
        self.expression_input = QLineEdit()
        self.expression_input.setObjectName("descentExpression")
        T.placeholder(self.expression_input, "f of x, or of x and y, e.g. x^2 + 2y^2")
        describe(self.expression_input, T.lazy("Function f to minimise"))
        self.start_input = QLineEdit()
        self.start_input.setObjectName("startInput")
        self.start_input.setMaximumWidth(110)
        T.tip(self.start_input, "The start: x, or x, y (numbers or e.g. -pi/2)")
        describe(self.start_input, T.lazy("Start point"))
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("stepsSpin")
        self.steps_spin.setRange(1, MAX_STEPS)
        self.copy_button = T.text(QPushButton(), "Copy as PyTorch code")
        describe(
            self.steps_spin,
            T.lazy("Number of steps"),
            T.lazy("How many steps every optimizer takes"),
        )
        self.copy_button.setObjectName("copyCodeButton")
        T.tip(self.copy_button, "A runnable script for real PyTorch that reproduces this race")
        self.gif_button = T.text(QPushButton(), "Save GIF…")
        self.gif_button.setObjectName("saveGifButton")
        T.tip(self.gif_button, "Save the race as an animated GIF (frames, speed and size)")
        self.message = QLabel()
        self.message.setObjectName("descentMessage")
        set_text_role(self.message, "error")
        self.message.setWordWrap(True)

        # The spare width is shared so a preset's name (η, the start point) reads in full at
        # 1280 px; the function field keeps room for longer formulas than the presets'. Too
        # narrow for that (the Lessons dock open), f and the rest go on a second row.
        top = WrappingRow(
            [(T.label("Preset"), 0), (self.preset_combo, 2)],
            [(QLabel("f ="), 0), (self.expression_input, 3), (T.label("start"), 0),
             (self.start_input, 0), (T.label("steps"), 0), (self.steps_spin, 0),
             (self.copy_button, 0), (self.gif_button, 0)],
        )  # fmt: skip
        top.setObjectName("descentTopBar")

        self.title = QLabel()
        self.title.setObjectName("figureTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-weight: bold;")
        follow_text_size(self.title)
        self.curve_view = CurveView()
        self.curve_view.setObjectName("descentCurve")
        self.map_view = MapView()
        self.map_view.setObjectName("descentMap")
        self.views = QStackedWidget()
        self.views.addWidget(self.curve_view)
        self.views.addWidget(self.map_view)
        self.loss_plot = LossPlot()
        self.loss_plot.setObjectName("lossPlot")
        self.figure = QWidget()
        self.figure.setObjectName("descentFigure")
        # The plots' background, so the figure (and the GIF made of it) is one picture. It is
        # the figure's palette, not a style sheet: Qt sends no palette change into a widget
        # with a style sheet, so its plots would keep the old theme; and what fills its own
        # background inside (the map's cursor readout) takes this colour, not the window's.
        self.figure.setAutoFillBackground(True)
        self._colour_figure()
        follow_theme(self.figure, self._colour_figure)
        figure_layout = QVBoxLayout(self.figure)
        figure_layout.setContentsMargins(4, 4, 4, 4)
        figure_layout.addWidget(self.title)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.views)
        plots.addWidget(self.loss_plot)
        plots.setSizes([540, 340])
        # Never squeezed to a sliver beside the map (the Lessons dock open at 1280 px).
        self.loss_plot.setMinimumWidth(170)
        plots.setChildrenCollapsible(False)
        figure_layout.addWidget(plots, 1)

        self.racer_controls = RacerControls()
        racers_scroll = QScrollArea()
        racers_scroll.setWidgetResizable(True)
        # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
        racers_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        racers_scroll.setWidget(self.racer_controls)
        racers_scroll.setMinimumWidth(200)
        racers_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.results = QTableWidget(0, len(RESULT_COLUMNS))
        self.results.setObjectName("resultsTable")
        self._label_results()
        # Tab leaves the table (the arrow keys move between its cells): no keyboard trap.
        self.results.setTabKeyNavigation(False)
        describe(
            self.results,
            T.lazy("Race results"),
            T.lazy("For each optimizer: where it ended, f there, the steps it took and its status"),
        )
        self.results.verticalHeader().setVisible(False)
        self.results.setWordWrap(True)
        header = self.results.horizontalHeader()
        # Name, point (one coordinate a line) and f fit their text; the step count takes the
        # rest. The status rows span the table and wrap.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Rows are as tall as their wrapped text at the columns' final widths, which are only
        # known once the table is laid out (a row measured earlier ends its point in "…").
        header.sectionResized.connect(self.results.resizeRowsToContents)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QTableWidget.SelectionMode.NoSelection)

        self.timeline = TimelineBar()
        self.explain_combo = QComboBox()
        self.explain_combo.setObjectName("explainCombo")
        T.tip(self.explain_combo, "Whose step to explain")
        describe(self.explain_combo, T.lazy("Optimizer whose step is explained"))
        self.explanation = QLabel()
        self.explanation.setObjectName("explanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setStyleSheet("font-family: monospace;")
        follow_text_size(self.explanation)
        self.explanation.setWordWrap(True)
        self.diagnosis = QLabel()
        self.diagnosis.setObjectName("diagnosis")
        self.diagnosis.setWordWrap(True)
        self.diagnosis.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        explain_box = QWidget()
        explain_layout = QVBoxLayout(explain_box)
        explain_layout.setContentsMargins(0, 0, 0, 0)
        explain_row = QHBoxLayout()
        explain_row.addWidget(T.label("Explain the step of"))
        explain_row.addWidget(self.explain_combo)
        explain_row.addStretch(1)
        explain_layout.addLayout(explain_row)
        explain_layout.addLayout(self._prediction_row())
        explain_layout.addWidget(self.explanation)
        explain_layout.addWidget(self.diagnosis, 1)

        # Left: the figure over the explanation; right: the racers over the results.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.figure)
        left.addWidget(explain_box)
        left.setSizes([520, 170])
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(racers_scroll)
        side.addWidget(self.results)
        side.setSizes([300, 390])
        middle = SideColumnSplitter()
        middle.addWidget(left)
        middle.addWidget(side)

        self._controls = [top, self.message, side, explain_box, self.timeline]
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.message)
        layout.addWidget(middle, 1)
        layout.addWidget(self.timeline)

        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        self.expression_input.editingFinished.connect(self._on_inputs)
        self.start_input.editingFinished.connect(self._on_inputs)
        self.steps_spin.valueChanged.connect(lambda steps: self._update(steps=steps))
        self.copy_button.clicked.connect(self.copy_code)
        self.gif_button.clicked.connect(self.save_animation_dialog)
        self.racer_controls.settings_changed.connect(
            lambda settings: self._update_state(self._state.with_settings(settings))
        )
        self.racer_controls.enabled_changed.connect(
            lambda kind, on: self._update_state(self._state.with_enabled(kind, on))
        )
        self.timeline.frame_requested.connect(self.show_frame)
        self.timeline.play_toggled.connect(self.set_playing)
        self.timeline.speed_changed.connect(self._on_speed)
        self.explain_combo.currentIndexChanged.connect(self._on_explain_choice)
        self.map_view.start_moved.connect(self._on_start_moved)
        self.predict_box.toggled.connect(self._on_predict_toggled)
        self.reveal_button.clicked.connect(self.reveal_prediction)
        for view in (self.curve_view, self.map_view):
            view.prediction_placed.connect(self._on_prediction_placed)

    # ----- the panel protocol -------------------------------------------------------------------

    def state(self) -> DescentState:
        return self._state

    def set_state(self, state: DescentState) -> None:
        """Show ``state``: widgets follow it (signals blocked); the race reruns if it changed."""
        objective = self._objective
        if objective is None or objective.text != state.expression:
            try:
                objective = parse_objective(state.expression)
            except ExprError as error:
                self._show_error(Joined(["f: ", CoreText(str(error))]))
                return
        self._objective = objective
        self._state = state
        key = (state.expression, state.start, state.racers, state.steps)
        if key != self._race_key:
            self.race = race_for(state, objective)
            self._race_key = key
            self._show_race()
        if state.frame > self.race.longest:
            state = replace(state, frame=self.race.longest)
        self._state = state
        self._sync_widgets()
        self._show_error("")
        self._show_frame_now()

    def export_target(self) -> QWidget:
        """The figure: the title, f or the map with the paths, and the loss plot."""
        return self.figure

    def _colour_figure(self) -> None:
        palette = QPalette()  # the application's, with the window role the figure's own
        palette.setColor(QPalette.ColorRole.Window, QColor(current_theme().background))
        self.figure.setPalette(palette)

    def show_figure_only(self, width: int, height: int) -> None:
        """Lay the panel out as the figure alone at ``width`` × ``height`` (for CLI exports and
        GIFs: text and lines then render at their natural size), without showing a window."""
        for widget in self._controls:
            widget.setVisible(False)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.resize(width, height)
        self.show()
        self.layout().activate()
        self._show_race()
        self._show_frame_now()

    def view_actions(self) -> list[QAction]:
        return [self._current_view().reset_view_action]

    def shutdown(self) -> None:
        self.play_timer.stop()

    # ----- state changes from the widgets -------------------------------------------------------

    def _update(self, **changes: Any) -> None:
        if "steps" in changes:
            changes.setdefault("frame", min(self._state.frame, changes["steps"]))
        self._update_state(replace(self._state, **changes))

    def _update_state(self, state: DescentState) -> None:
        if state.preset and (
            state.expression != self._state.expression or state.racers != self._state.racers
        ):
            state = replace(state, preset="")
        self.set_state(state)

    def _on_preset(self, index: int) -> None:
        name = self.preset_combo.itemData(index)
        if name:
            self.set_playing(False)
            self.set_state(state_from_preset(preset_named(name), self._state))

    def _on_inputs(self) -> None:
        text = self.expression_input.text().strip()
        try:
            objective = parse_objective(text)
        except ExprError as error:
            self._show_error(Joined(["f: ", CoreText(str(error))]))
            return
        start_text = self.start_input.text().replace("\u2212", "-")
        try:
            start = tuple(parse_bound(part) for part in start_text.split(","))
        except (ExprError, ValueError) as error:
            message = CoreText(str(getattr(error, "message", error)))
            self._show_error(Joined([T.lazy("start"), ": ", message]))
            return
        if len(start) != objective.dimension and objective.text != self._state.expression:
            # f changed between x and (x, y): keep the start's x, add y = 1 or drop y.
            start = (start + (1.0,))[: objective.dimension]
        if len(start) != objective.dimension:
            names = ", ".join(objective.variables)
            self._show_error(
                T.lazy(
                    "start: f({names}) needs {count} number(s): {names}",
                    names=names,
                    count=objective.dimension,
                )
            )
            return
        if (objective.text, start) == (self._state.expression, self._state.start):
            self._show_error("")
            return
        self._objective = objective
        # A new f or start: show the whole race at once.
        self._update(expression=objective.text, start=start, frame=self._state.steps)

    def _on_start_moved(self, x: float, y: float) -> None:
        (x0, x1), (y0, y1) = self.map_view.view_range()
        # Snap to a round grain finer than a pixel, so the start reads 1.25 and not 1.2487.
        grain = 10 ** math.floor(math.log10(max(x1 - x0, y1 - y0) / 200))
        digits = max(0, -math.floor(math.log10(grain)))
        start = (round(round(x / grain) * grain, digits), round(round(y / grain) * grain, digits))
        self._update(start=start, frame=self._state.steps)

    def _on_speed(self, speed: float) -> None:
        self._state = replace(self._state, speed=speed)
        if self.play_timer.isActive():
            self.play_timer.setInterval(self._interval())

    def _on_explain_choice(self, index: int) -> None:
        kind = self.explain_combo.itemData(index)
        if kind:
            self._state = replace(self._state, selected=kind)
            self._show_explanation()

    # ----- predict, then reveal -----------------------------------------------------------------

    def _prediction_row(self) -> QHBoxLayout:
        self._guess: tuple[float, ...] | None = None
        self.predict_box = T.text(QCheckBox(), "Predict the next point")
        self.predict_box.setObjectName("predictNextPoint")
        T.tip(
            self.predict_box,
            "Before stepping: click (or drag) where the explained racer's next step will land",
        )
        self.reveal_button = T.text(QPushButton(), "Reveal")
        self.reveal_button.setObjectName("revealPrediction")
        self.reveal_button.setEnabled(False)
        self.prediction_verdict = QLabel()
        self.prediction_verdict.setObjectName("predictionVerdict")
        self.prediction_verdict.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.predict_box)
        row.addWidget(self.reveal_button)
        row.addWidget(self.prediction_verdict, 1)
        return row

    def _on_predict_toggled(self, on: bool) -> None:
        for view in (self.curve_view, self.map_view):
            view.predicting = on
        self._guess = None
        self.curve_view.place_prediction(None)
        self.map_view.place_prediction(None)
        self.reveal_button.setEnabled(False)
        if on:
            self.set_playing(False)
            T.text(
                self.prediction_verdict,
                "Click where the next step of {racer} will land, then Reveal.",
                racer=self._explained_label(),
            )
        else:
            i18n.bind(self.prediction_verdict, "setText", "")

    def _explained_label(self) -> str:
        trajectory = self._selected_trajectory() if self.race is not None else None
        return trajectory.label if trajectory is not None else ""

    def _on_prediction_placed(self, x: float, y: float) -> None:
        self._guess = (x,) if self._objective.dimension == 1 else (x, y)
        self.reveal_button.setEnabled(True)

    def predict(self, point: tuple[float, ...]) -> None:
        """Place a guess as a click on the view does (also for the 2-D map's handle)."""
        if self._objective.dimension == 1:
            self.curve_view.place_prediction(point[0])
        else:
            self.map_view.place_prediction((point[0], point[1]))
        self._on_prediction_placed(point[0], point[-1])

    def reveal_prediction(self) -> None:
        """Score the guess against the explained racer's real next point, then take the step."""
        trajectory = self._selected_trajectory() if self.race is not None else None
        if trajectory is None or self._guess is None:
            return
        frame = self._state.frame
        try:
            verdict = score_next_point(trajectory, frame, self._guess)
        except ValueError as error:
            i18n.bind(self.prediction_verdict, "setText", CoreText(str(error)))
            return
        answer = vector_text(np.array(verdict.answer))
        if verdict.correct:
            text = T.lazy("✓ Right: the step lands at {point}.", point=answer)
        else:
            missed = T.lazy(
                "✗ The step lands at {point}; yours is {distance} away.",
                point=answer,
                distance=format_number(verdict.distance, 3),
            )
            words = _MISTAKE_WORDS.get(verdict.mistake)
            text = Joined([missed, " ", T.lazy(words)]) if words else missed
        i18n.bind(self.prediction_verdict, "setText", text)
        self.reveal_button.setEnabled(False)
        self.show_frame(frame + 1)

    # ----- the timeline -------------------------------------------------------------------------

    def show_frame(self, frame: int) -> None:
        """Show the race after ``frame`` steps (clamped to the race)."""
        last = self.race.longest if self.race else 0
        self._state = replace(self._state, frame=max(0, min(int(frame), last)))
        self._show_frame_now()

    def set_playing(self, playing: bool) -> None:
        if not playing or self.race is None:
            self.play_timer.stop()
            self.timeline.show_playing(False)
            return
        last = self.race.longest
        if self._state.frame >= last:
            self.show_frame(0)
        self._playback = iter(range(self._state.frame + 1, last + 1))
        self.play_timer.setInterval(self._interval())
        self.play_timer.start()
        self.timeline.show_playing(True)

    @property
    def playing(self) -> bool:
        return self.play_timer.isActive()

    def _interval(self) -> int:
        if self.fixed_interval is not None:
            return self.fixed_interval
        return max(1, round(1000 / self._state.speed))

    def _tick(self) -> None:
        frame = next(self._playback, None)
        if frame is None:
            self.set_playing(False)
            return
        self.show_frame(frame)

    # ----- drawing ------------------------------------------------------------------------------

    def _current_view(self) -> CurveView | MapView:
        return self.curve_view if self._objective.dimension == 1 else self.map_view

    def _show_race(self) -> None:
        race = self.race
        bounds = view_bounds(race)
        if self._state.preset:
            preset = preset_named(self._state.preset)
            bounds = [preset.x_range, preset.y_range][: race.objective.dimension]
        if race.objective.dimension == 1:
            self.views.setCurrentWidget(self.curve_view)
            self.curve_view.show_race(race, bounds[0])
        else:
            self.views.setCurrentWidget(self.map_view)
            self.map_view.show_race(race, bounds[0], bounds[1])
        self.loss_plot.show_race(race)
        self._findings = race_findings(race, self._state.tolerance)
        self.results.clearSpans()
        self.results.setRowCount(2 * len(race.trajectories))
        for index in range(len(race.trajectories)):
            self.results.setSpan(2 * index + 1, 0, 1, len(RESULT_COLUMNS))
        self._show_results()
        with signals_blocked(self.explain_combo):
            self.explain_combo.clear()
            for trajectory in race.trajectories:
                self.explain_combo.addItem(trajectory.label, trajectory.settings.kind)

    def _sync_widgets(self) -> None:
        state = self._state
        index = self.preset_combo.findData(state.preset)
        widgets = (self.preset_combo, self.expression_input, self.start_input, self.steps_spin)
        with signals_blocked(*widgets):
            self.preset_combo.setCurrentIndex(
                index if index >= 0 else self.preset_combo.count() - 1
            )
            self.expression_input.setText(state.expression)
            self.start_input.setText(", ".join(f"{v:g}" for v in state.start))
            self.steps_spin.setValue(state.steps)
        self.racer_controls.show_racers(state.racers)
        index = self.explain_combo.findData(state.selected)
        with signals_blocked(self.explain_combo):
            self.explain_combo.setCurrentIndex(max(index, 0))
        if index < 0 and self.explain_combo.count():
            self._state = replace(self._state, selected=self.explain_combo.itemData(0))

    def _show_frame_now(self) -> None:
        race = self.race
        if race is None:
            return
        frame = self._state.frame
        self._current_view().show_step(frame)
        self.loss_plot.show_step(frame)
        self.timeline.show_frame(frame, race.longest, self._state.speed)
        objective = race.objective
        self.title.setText(
            f"f({', '.join(objective.variables)}) = {objective.display()}   ·   "
            + T("step {frame}", frame=frame)
            + ("   ·   " + T("arrows: −∇f") if objective.dimension == 2 else "")
        )
        self._show_explanation()

    def _show_results(self) -> None:
        """The table holds each racer's result at the end of the race: a row of numbers, then
        a row with its status."""
        rows = result_rows(self.race, self.race.longest, self._state.tolerance, self._findings)
        self._rows = rows
        for index, (row, trajectory) in enumerate(zip(rows, self.race.trajectories, strict=True)):
            # One coordinate a line: the column is as wide as the widest coordinate, so a
            # narrow side column (the Lessons dock open) never cuts one short.
            point = row.point.replace(", ", ",\n")
            cells = (row.name, point, row.loss, row.steps_to_tolerance)
            for column, text in enumerate(cells):
                self._result_item(2 * index, column).setText(core_text(text))
            self.results.item(2 * index, 0).setForeground(
                QColor(racer_color(trajectory.settings.kind))
            )
            self.results.item(2 * index, 0).setToolTip(row.label)
            # The point in full too: a narrow column (the Lessons dock open) may cut it.
            self.results.item(2 * index, 1).setToolTip(
                f"{row.point}\n" + T("‖∇f‖ = {norm} here", norm=row.gradient_norm)
            )
            # Named, so a status row reads on its own: "GD: did not converge".
            status = self._result_item(2 * index + 1, 0)
            status.setText(T("{racer}: {status}", racer=row.name, status=core_text(row.status)))
            status.setToolTip("\n".join(core_text(finding.message) for finding in row.findings))
        self.results.resizeRowsToContents()

    def _result_item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.results.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.results.setItem(row, column, item)
        return item

    def _selected_trajectory(self):  # noqa: ANN202 - a Trajectory or None
        for trajectory in self.race.trajectories:
            if trajectory.settings.kind == self._state.selected:
                return trajectory
        return self.race.trajectories[0] if self.race.trajectories else None

    def _show_explanation(self) -> None:
        if self.race is None:
            return
        trajectory = self._selected_trajectory()
        if trajectory is None:
            T.text(self.explanation, "Switch on an optimizer to race.")
            i18n.bind(self.diagnosis, "setText", "")
            return
        frame = min(self._state.frame, trajectory.steps_done)
        explanation = explain_step(trajectory, frame)
        if explanation is None:
            T.text(
                self.explanation,
                "{optimizer}: start θ₀ = {start}, f = {f}. Press Step or Play.",
                optimizer=trajectory.settings.describe(),
                start=vector_text(trajectory.points[0]),
                f=format_number(trajectory.loss(0)),
            )
        else:
            i18n.bind(self.explanation, "setText", CoreText(explanation.text()))
        lines = []
        stop = trajectory.stop
        if stop is not None and self._state.frame >= stop.step:
            message = core_text(stop.message)
            error = current_theme().error
            lines.append(f"<span style='color: {error}'>{trajectory.label}: {message}</span>")
        for row, racer in zip(self._rows, self.race.trajectories, strict=True):
            if self._state.frame < racer.steps_done:
                continue  # said once the timeline has reached the end of that racer
            for finding in row.findings:
                if finding.kind not in ("diverged", "undefined", "unbounded", "moving"):
                    lines.append(f"{row.name}: {core_text(finding.message)}")
        i18n.bind(self.diagnosis, "setText", "<br>".join(lines))

    def _label_results(self) -> None:
        self.results.setHorizontalHeaderLabels([T(c) if c else c for c in RESULT_COLUMNS])
        self.results.horizontalHeaderItem(3).setToolTip(
            T("Steps until ‖∇f‖ ≤ the tolerance (— : not reached)")
        )

    def _tip_presets(self) -> None:
        """Each preset's note (what it shows, from d2l or the seed) as its item's tooltip."""
        for index, preset in enumerate(PRESETS):
            tip = core_text(preset.note)
            self.preset_combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)

    def retranslate(self) -> None:
        self._tip_presets()
        self._label_results()
        if self.race is not None:
            self._show_results()
            self._show_explanation()

    def _show_error(self, text: object) -> None:
        i18n.bind(self.message, "setText", text)
        self.message.setVisible(bool(text))

    # ----- copy as code -------------------------------------------------------------------------

    def code(self) -> str:
        """The race as a script for real PyTorch."""
        state = self._state
        return pytorch_script(
            self._objective, self.race.start, state.enabled_settings(), self.race.steps
        )

    def _reset_button_texts(self) -> None:
        T.text(self.copy_button, "Copy as PyTorch code")
        T.text(self.gif_button, "Save GIF…")

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code())
        T.text(self.copy_button, "Copied ✓")
        # With the button as context: the reset is dropped if the panel is gone by then.
        QTimer.singleShot(1500, self.copy_button, self._reset_button_texts)

    # ----- the animation as a GIF ----------------------------------------------------------------

    def save_animation(self, path: str, frames: int, fps: float, width: int, height: int) -> str:
        """Write the race as a GIF of ``frames`` frames; the timeline returns to where it was."""
        frame = self._state.frame
        try:
            return write_gif(self, path, frame_steps(self.race.longest, frames), fps, width, height)
        finally:
            self.show_frame(frame)

    def save_animation_dialog(self) -> None:
        options = AnimationOptions(self.race.longest if self.race else 0, self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, T("Save the race as a GIF"), "race.gif", "GIF (*.gif)"
        )
        if not path:
            return
        try:
            written = self.save_animation(path, *options.values())
        except (ExportError, OSError) as error:
            self._show_error(T.lazy("GIF not saved: {error}", error=CoreText(str(error))))
            return
        self._show_error("")
        T.text(self.gif_button, "Saved ✓")
        T.tip(self.gif_button, "Saved {path}", path=written)
        QTimer.singleShot(1500, self.gif_button, self._reset_button_texts)
