"""The "Graph" panel: step forward and backward through backprop on a computational graph.

The panel has its own input (a program of definitions or PyTorch-style Python) rather than the
window's single f(x): a graph is about several named inputs. ``set_expression`` is therefore not
implemented. Everything shown (values, gradients, partials, explanations, errors) comes from
``explorer.core.graph``; this module turns widget state into calls on it and draws the result.
Its widget groups (program controls, inputs, sandbox, forward mode, step bar) own their widgets
and signal what the user did; a Python program runs in the worker process (``ProgramRunner``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.core.graph.forward_mode import forward_tangents, passes_note, tangent_card_texts
from explorer.core.graph.from_text import (
    DEFINITIONS,
    PYTHON,
    GraphBuild,
    GraphRequest,
    build_graph,
    looks_like_python,
    outline,
    wrong_mode_hint,
)
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS, GraphModel
from explorer.core.graph.presets import PRESETS, PRESETS_BY_KEY, Preset
from explorer.core.graph.stepper import Stepper
from explorer.core.graph.tasks import USER_ERRORS
from explorer.core.panel_state import GraphInput, GraphState
from explorer.core.panel_state.graph import format_input_value
from explorer.ui.accessible import describe
from explorer.ui.appearance import follow_theme
from explorer.ui.graph_view.explanation import Notes, error_html, error_text, explanation_html
from explorer.ui.graph_view.export_layout import ViewWrapper
from explorer.ui.graph_view.inputs import GraphInputsForm
from explorer.ui.graph_view.items import graph_fonts
from explorer.ui.graph_view.program_controls import ForwardModeControls, ProgramControls
from explorer.ui.graph_view.sandbox_controls import SandboxControls
from explorer.ui.graph_view.scene import GraphScene, collection_paused
from explorer.ui.graph_view.step_bar import StepBar
from explorer.ui.graph_view.view import READABLE_ZOOM, GraphView
from explorer.ui.graph_view.view_choice import ViewChoice
from explorer.ui.i18n import Context, core_text
from explorer.ui.panels.panel import Panel

T = Context("GraphPanel")

__all__ = ["DEFINITIONS", "PYTHON", "GraphPanel"]

EDIT_DEBOUNCE_MS = 350


class GraphPanel(Panel):
    """Input, graph view, stepping controls and the explanation pane."""

    # After each build: True when a graph was drawn, False when an error is shown instead.
    build_finished = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        self.stepper: Stepper | None = None
        self.model: GraphModel | None = None
        self.notes = Notes()
        self.tangent_texts: dict[int, str] | None = None
        self.forward_texts: dict[int, str] = {}
        self.last_error: str = ""
        self._bands = 1
        self._wrapper = ViewWrapper(READABLE_ZOOM)
        self._source_of_model: tuple[str, str, str] | None = None
        # Input texts of the last request whose values read (a half-typed value is not saved).
        self._good_inputs: dict[str, str] = {}
        self._restoring: GraphState | None = None  # set_state's step and forward mode, to apply
        # once its build is shown
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(EDIT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_source)
        self._create_groups()
        self._lay_out()
        self.view.resized.connect(self._on_view_resized)
        self.load_preset(PRESETS[0].key)

    def _create_groups(self) -> None:
        self.program = ProgramControls()
        self.program.preset_chosen.connect(self.load_preset)
        self.program.mode_chosen.connect(self.apply_source)
        self.program.view_chosen.connect(self.apply_source)
        self.program.source_edited.connect(self._on_source_edited)
        self.runner = self.program.runner
        self.runner.finished.connect(self._show_build)
        self.runner.failed.connect(self.show_error)
        self.inputs = GraphInputsForm()
        self.inputs.changed.connect(self.on_inputs_changed)
        self.sandbox = SandboxControls(self._program_for_demo)
        self.sandbox.detach_changed.connect(self.on_inputs_changed)
        self.sandbox.demo_shown.connect(self.show_sandbox_result)
        self.sandbox.input_failed.connect(self.show_error)
        self.forward_mode = ForwardModeControls()
        self.forward_mode.changed.connect(self._update_forward_mode)
        self.step_bar = StepBar()
        self.step_bar.reset_requested.connect(self.reset)
        self.step_bar.back_requested.connect(self.back)
        self.step_bar.forward_requested.connect(self.step_forward)
        self.step_bar.backward_requested.connect(self.step_backward)
        self.step_bar.run_all_requested.connect(self.run_all)
        self.step_bar.fit_requested.connect(self.view.fit_all)
        self.step_bar.seek_requested.connect(self.seek)
        self.view.key_step.connect(self._on_key_step)
        self.explanation = QTextBrowser()
        follow_theme(self.explanation, self._show_explanation)
        self.explanation.setObjectName("graphExplanation")
        describe(self.explanation, T.lazy("Explanation of the current step"))
        self.explanation.setMinimumHeight(110)

    def _lay_out(self) -> None:
        """The controls in a scroll area on the left; the graph, steps and explanation right."""
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.program)
        inputs_box = T.title(QGroupBox(), "Inputs")
        QVBoxLayout(inputs_box).addWidget(self.inputs)
        column.addWidget(inputs_box)
        column.addWidget(self.forward_mode)
        column.addWidget(self.sandbox)
        column.addStretch(1)
        # The controls scroll when the window is small, so they never force a minimum width.
        scroll = QScrollArea()
        # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(160)
        graph_box = QWidget()
        graph_layout = QVBoxLayout(graph_box)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.addWidget(self.view, 1)
        graph_layout.addWidget(self.step_bar)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(graph_box)
        right.addWidget(self.explanation)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([600, 170])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([left.sizeHint().width() + 16, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # ----- the panel protocol -------------------------------------------------------------------

    def export_target(self) -> GraphScene:
        return self.scene

    def view_actions(self) -> list[QAction]:
        return [self.view.zoom_in_action, self.view.zoom_out_action, self.view.fit_action]

    def shutdown(self) -> None:
        """The window is closing: end a running program and its worker process."""
        self.runner.shutdown()

    # ----- session state ------------------------------------------------------------------------

    def state(self) -> GraphState:
        """What the panel shows, read from its widgets and the stepper (so it is never stale)."""
        python = self.mode() == PYTHON
        forward = self.forward_mode.check.isChecked()
        return GraphState(
            program=self.source_text(),
            mode=self.mode(),
            inputs=() if python else tuple(self._typed_inputs()),
            seed=self.inputs.seed(),
            view=self.view_choice.currentData(),
            detach=() if python else self.sandbox.detached(),
            forward_mode=forward,
            forward_input=self.forward_mode.input_combo.currentText() if forward else "",
            step=self.stepper.position if self.stepper is not None else 0,
        )

    def _typed_inputs(self) -> list[GraphInput]:
        rows = []
        for name, text, requires_grad in self.inputs.typed():
            try:
                rows.append(GraphInput(name, text, requires_grad))
            except ValueError:  # being typed: the value last built with
                fallback = self._good_inputs.get(name, format_input_value(1.0))
                rows.append(GraphInput(name, fallback, requires_grad))
        return rows

    def set_state(self, state: GraphState) -> None:
        """Show ``state``: the program, its inputs and choices, built and stepped to its step.

        A Python program runs in the worker: the step and forward mode are applied when its
        graph arrives (``settle`` waits for that)."""
        self._debounce.stop()
        python = state.mode == PYTHON
        preset, note = _preset_of(state)
        self.program.show_program(state.program, state.mode, preset=preset)
        self.notes = Notes(preset_note=note)
        self.view_choice.forget_choice()
        if python:
            self.inputs.show_seed(state.seed)
        else:
            self._show_definition_state(state)
        self._restoring = state
        self._source_of_model = None  # drawn afresh, fitted to the view
        self.apply_source()

    def _show_definition_state(self, state: GraphState) -> None:
        try:
            found = outline(state.program)
        except USER_ERRORS:
            found = None  # the build reports it; the inputs still show what was saved
        names = list(found.inputs) if found else [each.name for each in state.inputs]
        typed = {each.name: each.value for each in state.inputs if each.name in names}
        constants = [each.name for each in state.inputs if not each.requires_grad]
        self.inputs.set_definition_inputs(names, typed, constants)
        if found is not None:
            self.sandbox.set_definitions(found.definitions)
            self.sandbox.show_detached(state.detach)
        if found is None or state.view != found.view:
            self.view_choice.choose(state.view)

    def settle(self) -> str:
        """Wait until the program ``set_state`` started has been drawn (a Python program runs in
        the worker, up to its time limit); the problem that stopped it, or "" when it showed."""
        if self.runner.running:
            loop = QEventLoop()
            self.build_finished.connect(loop.quit)
            QTimer.singleShot(int((self.runner.time_limit + 30) * 1000), loop.quit)
            loop.exec()
            self.build_finished.disconnect(loop.quit)
            if self.runner.running:
                self.runner.stop()
        return self.last_error

    # ----- source and inputs --------------------------------------------------------------------

    def mode(self) -> str:
        return self.program.mode()

    def source_text(self) -> str:
        return self.program.text()

    @property
    def view_choice(self) -> ViewChoice:
        return self.program.view_choice

    def load_preset(self, key: str) -> bool:
        """Show a preset: its program, its input values, stepping from the start."""
        preset = PRESETS_BY_KEY[key]
        mode = PYTHON if preset.kind == "python" else DEFINITIONS
        self.program.show_program(preset.source, mode, preset=key)
        if preset.kind == "program":
            self.inputs.set_definition_inputs(
                list(preset.values), dict(preset.values), preset.constants
            )
        self.notes = Notes(preset_note=preset.note)
        self.view_choice.forget_choice()
        return self.apply_source()

    def set_source(self, text: str, mode: str | None = None) -> bool:
        """Replace the program (as if typed) and rebuild now."""
        self.program.show_program(text, mode)
        self.notes.preset_note = ""
        return self.apply_source()

    def on_inputs_changed(self) -> None:
        """A value, requires_grad or detach changed: the preset's expected numbers may not hold."""
        self.notes.preset_note = ""
        self.apply_source()

    def _on_source_edited(self) -> None:
        self.program.show_preset("")
        self.notes.preset_note = ""
        if looks_like_python(self.source_text()) and self.mode() == DEFINITIONS:
            self.program.show_mode(PYTHON)
        self._debounce.start()

    def apply_source(self) -> bool:
        """Build the graph of the current program and inputs; on an error keep the old graph.

        A Python program runs in the worker process: this returns True once it is submitted and
        ``build_finished`` tells when its graph (or its error) is shown.
        """
        self._debounce.stop()
        try:
            request = self._request()
            if request.mode == PYTHON:
                self.runner.run(request)
                return True
            built = build_graph(request)
        except USER_ERRORS as error:
            self.show_error(error)
            return False
        self._show_build(request, built)
        return True

    def _request(self) -> GraphRequest:
        """The request for the current text, after updating the inputs and sandbox to it."""
        text = self.source_text()
        if self.mode() == PYTHON:
            self.inputs.set_python_inputs(seed=0)
            self.view_choice.view_for(python=True, named_definitions=False)
            self.sandbox.set_definitions([], python=True)
            return GraphRequest(text, PYTHON, OPERATIONS, seed=self.inputs.seed())
        found = outline(text)
        self.inputs.set_definition_inputs(found.inputs)
        self.sandbox.set_definitions(found.definitions)
        view = self.view_choice.view_for(python=False, named_definitions=found.view == NAMED_STEPS)
        values = self.inputs.values()
        self._good_inputs.update((name, text) for name, text, _ in self.inputs.typed())
        return GraphRequest(
            text,
            DEFINITIONS,
            view,
            values,
            requires_grad=self.inputs.requires_grad(),
            detach=self.sandbox.detached(),
        )

    def _show_build(self, request: GraphRequest, built: GraphBuild) -> None:
        self.program.show_error("")
        self.last_error = ""
        self.notes.error = ""
        self.notes.trace, self.notes.prints = built.trace, list(built.prints)
        self.notes.sandbox = ""
        self.sandbox.reset_passes()
        self.inputs.show_leaves(built.leaves)
        key = (request.mode, request.text, built.model.view)
        self.set_model(built.model, keep_position=key == self._source_of_model)
        self._source_of_model = key
        restoring, self._restoring = self._restoring, None
        if restoring is not None:
            self.forward_mode.show_choice(restoring.forward_mode, restoring.forward_input)
            self._update_forward_mode(refresh=False)
            self.stepper.seek(restoring.step)
            self.refresh()
        self.build_finished.emit(True)

    def show_error(self, error: Exception) -> None:
        """Show a build error under the editor (line and column) and in the pane; keep the graph."""
        self._restoring = None
        hint = wrong_mode_hint(self.source_text(), self.mode())
        text = error_text(error) + (f"\n{core_text(hint)}" if hint else "")
        self.last_error = text
        self.program.show_error(text, getattr(error, "line", None), getattr(error, "column", None))
        self.notes.error = text + "\n" + T("(The graph shows the last program that built.)")
        if self.stepper is None:
            self.explanation.setHtml(error_html(self.notes.error))
        else:
            self.refresh()
        self.build_finished.emit(False)

    # ----- model and stepping -------------------------------------------------------------------

    def set_model(self, model: GraphModel, *, keep_position: bool = False) -> None:
        """Draw ``model`` and step it from the start (or the same step, for an input change)."""
        with collection_paused():
            self._set_model(model, keep_position)

    def _set_model(self, model: GraphModel, keep_position: bool) -> None:
        old = self.stepper
        self.model = model
        self.stepper = Stepper(model)
        if keep_position and old is not None and old.length == self.stepper.length:
            self.stepper.seek(old.position)
        if not keep_position:
            self._bands = self._bands_for(model)  # measures the model drawn in one band
        if not self.scene.shows(model, self._bands):  # that drawing is reused when it fits
            self.scene.show_model(model, bands=self._bands)
        self.forward_mode.show_inputs([(n.symbol, n.id) for n in model.inputs])
        self._update_forward_mode(refresh=False)
        self.refresh()
        if not keep_position:
            self.view.anchor_rect = self._anchor_rect()
            self.view.fit_readable()

    def _anchor_rect(self) -> QRectF:
        """Where a graph too big to read whole is first shown: the current step's card, else
        the top-left input card (the inputs are where stepping starts)."""
        current = self.stepper.state.current_node if self.stepper else None
        if current is not None:
            return self.scene.cards[current].sceneBoundingRect()
        cards = [self.scene.cards[node.id] for node in self.model.inputs] or list(
            self.scene.cards.values()
        )
        if not cards:
            return QRectF()
        first = min(cards, key=lambda card: (card.pos().x(), card.pos().y()))
        return first.sceneBoundingRect()

    def _bands_for(self, model: GraphModel) -> int:
        viewport = self.view.viewport().size()
        return self._wrapper.bands_for(self.scene, model, (viewport.width(), viewport.height()))

    def _on_view_resized(self) -> None:
        """Until the user zooms or pans, a resized view (the tab first shown) fits again."""
        if self.model is None or not self.view.auto_fit:
            return
        bands = self._bands_for(self.model)
        if not self.scene.shows(self.model, bands):
            self._bands = bands
            self.scene.show_model(self.model, bands=bands)
            self.refresh()
        self.view.anchor_rect = self._anchor_rect()
        self.view.refit()

    def _update_forward_mode(self, refresh: bool = True) -> None:
        self.tangent_texts, self.forward_texts = None, {}
        self.notes.passes = ""
        chosen = self.forward_mode.chosen_input()
        if chosen is not None and self.model is not None and self.model.inputs:
            result = forward_tangents(self.model, chosen)
            self.tangent_texts = tangent_card_texts(self.model, result)
            self.forward_texts = result.explanations
            self.notes.passes = passes_note(self.model)
        if refresh:
            self.refresh()

    def retranslate(self) -> None:
        if self.model is not None and not self.scene.shows(self.model, self._bands):
            self.scene.show_model(self.model, bands=self._bands)  # the cards' words, anew
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_text_size()

    def _follow_text_size(self) -> None:
        """The application's text size changed (Ctrl+=, Ctrl+−, presentation mode): draw the
        graph again in the new size, at the same step, and fit it to the view again."""
        if self.model is None or self.scene.fonts is graph_fonts():
            return
        with collection_paused():
            self._bands = self._bands_for(self.model)
            self.scene.show_model(self.model, bands=self._bands)
            self.refresh()
        self.view.anchor_rect = self._anchor_rect()
        self.view.fit_readable()

    def _show_explanation(self) -> None:
        # Also on a theme change: the pane's colours are written into its HTML.
        if self.stepper is not None:
            self.explanation.setHtml(explanation_html(self.stepper, self.notes))
        elif self.notes.error:
            self.explanation.setHtml(error_html(self.notes.error))

    def refresh(self) -> None:
        """Show the stepper's state on the cards, the step bar and the explanation pane."""
        stepper = self.stepper
        if stepper is None:
            return
        self.scene.apply_state(stepper.state, self.tangent_texts)
        self.step_bar.show_position(stepper)
        current = stepper.state.current_node
        self.notes.forward_text = ""
        if self.tangent_texts is not None and current is not None:
            self.notes.forward_text = self.forward_texts.get(current, "")
        self._show_explanation()
        if current is not None:
            focus = self.scene.focus_rect(current, stepper.state.current_edges)
            self.view.reveal(focus, self.scene.cards[current].sceneBoundingRect())

    def step_forward(self) -> None:
        self._act("step_forward")

    def step_backward(self) -> None:
        self._act("step_backward")

    def back(self) -> None:
        self._act("back")

    def run_all(self) -> None:
        self._act("run_all")

    def reset(self) -> None:
        self._act("reset")

    def next_step(self) -> None:
        """The next step of the whole schedule: forward pass, then backward (Space or →)."""
        self._act("next")

    def seek(self, position: int) -> None:
        if self.stepper is not None and self.stepper.seek(position):
            self.refresh()

    def _act(self, name: str) -> None:
        if self.stepper is not None and getattr(self.stepper, name)():
            self.refresh()

    def _on_key_step(self, action: str) -> None:
        self._act(action)

    # ----- the sandbox ----------------------------------------------------------------------------

    def _program_for_demo(self) -> tuple[str, dict[str, Any], dict[str, bool], str]:
        view = self.model.view if self.model is not None else OPERATIONS
        return self.source_text(), self.inputs.values(), self.inputs.requires_grad(), view

    def show_sandbox_result(
        self, message: str, is_error: bool = False, model: GraphModel | None = None
    ) -> None:
        """Show what a sandbox button did; with a model (drawn in the learner's view), run all."""
        if model is not None:
            self.set_model(model)
            self.stepper.run_all()
        self.notes.sandbox, self.notes.sandbox_is_error = message, is_error
        self.refresh()


def _preset_of(state: GraphState) -> tuple[str, str]:
    """The preset whose program ``state`` shows ("" when none) and its note, which is kept only
    while the inputs are the preset's own (the numbers it states hold for those)."""
    for preset in PRESETS:
        python = preset.kind == "python"
        if preset.source != state.program or python != (state.mode == PYTHON):
            continue
        same = python or (_same_inputs(state, preset) and not state.detach)
        return preset.key, preset.note if same else ""
    return "", ""


def _same_inputs(state: GraphState, preset: Preset) -> bool:
    values, requires_grad = state.values(), state.requires_grad()
    if set(values) != set(preset.values):
        return False
    return all(
        np.allclose(values[name], value, rtol=1e-12, atol=0)
        and requires_grad[name] == (name not in preset.constants)
        for name, value in preset.values.items()
    )
