"""The "Graph" panel: step forward and backward through backprop on a computational graph.

The panel has its own input (a program of definitions or PyTorch-style Python) rather than the
window's single f(x): a graph is about several named inputs. ``set_expression`` is therefore not
implemented. Everything shown (values, gradients, partials, explanations, errors) comes from
``explorer.core.graph``; this module turns widget state into calls on it and draws the result.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QWidget

from explorer.core.expr.errors import ExprError
from explorer.core.graph.cli_text import looks_like_python
from explorer.core.graph.forward_mode import forward_tangents, passes_note, tangent_card_texts
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS, GraphModel
from explorer.core.graph.presets import PRESETS, PRESETS_BY_KEY
from explorer.core.graph.stepper import Stepper
from explorer.core.text import format_number
from explorer.ui.graph_view.explanation import Notes, error_html, error_text, explanation_html
from explorer.ui.graph_view.export_layout import ViewWrapper
from explorer.ui.graph_view.inputs import fill_input_combo
from explorer.ui.graph_view.panel_widgets import DEFINITIONS, PYTHON, build_panel_widgets
from explorer.ui.graph_view.scene import GraphScene
from explorer.ui.graph_view.view import READABLE_ZOOM, GraphView
from explorer.ui.panels.panel import Panel

EDIT_DEBOUNCE_MS = 350
_USER_ERRORS = (ExprError, ValueError, RuntimeError, ArithmeticError, TypeError)


class GraphPanel(Panel):
    """Input, graph view, stepping controls and the explanation pane."""

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
        self._source_of_model: tuple[str, str] | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(EDIT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_source)
        build_panel_widgets(self)
        self.view.resized.connect(self._on_view_resized)
        self.load_preset(PRESETS[0].key)

    # ----- the panel protocol -------------------------------------------------------------------

    def export_target(self) -> GraphScene:
        return self.scene

    def view_actions(self) -> list[QAction]:
        return [self.view.zoom_in_action, self.view.zoom_out_action, self.view.fit_action]

    # ----- source and inputs --------------------------------------------------------------------

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def source_text(self) -> str:
        return self.source_edit.toPlainText()

    def load_preset(self, key: str) -> bool:
        """Show a preset: its program, its input values, stepping from the start."""
        preset = PRESETS_BY_KEY[key]
        self._set_combo(self.preset_combo, key)
        self._set_combo(self.mode_combo, PYTHON if preset.kind == "python" else DEFINITIONS)
        self.source_edit.blockSignals(True)
        self.source_edit.setPlainText(preset.source)
        self.source_edit.blockSignals(False)
        if preset.kind == "program":
            self.inputs.set_definition_inputs(
                list(preset.values), dict(preset.values), preset.constants
            )
        self.notes = Notes(preset_note=preset.note)
        self.view_choice.forget_choice()
        return self.apply_source()

    def set_source(self, text: str, mode: str | None = None) -> bool:
        """Replace the program (as if typed) and rebuild now."""
        if mode is not None:
            self._set_combo(self.mode_combo, mode)
        self.source_edit.blockSignals(True)
        self.source_edit.setPlainText(text)
        self.source_edit.blockSignals(False)
        self._set_combo(self.preset_combo, "")
        self.notes.preset_note = ""
        return self.apply_source()

    def _on_preset_chosen(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key:
            self.load_preset(key)

    def on_inputs_changed(self) -> None:
        """A value, requires_grad or detach changed: the preset's expected numbers may not hold."""
        self.notes.preset_note = ""
        self.apply_source()

    def _on_source_edited(self) -> None:
        self._set_combo(self.preset_combo, "")
        self.notes.preset_note = ""
        if looks_like_python(self.source_text()) and self.mode() == DEFINITIONS:
            self._set_combo(self.mode_combo, PYTHON)
        self._debounce.start()

    @staticmethod
    def _set_combo(combo: QComboBox, data: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(data)))
        combo.blockSignals(False)
        if combo.objectName() == "graphPresets":  # its tooltip is the (maybe cut) title
            combo.setToolTip(combo.currentText())

    def apply_source(self) -> bool:
        """Build the graph of the current program and inputs; on an error keep the old graph."""
        self._debounce.stop()
        try:
            model, notes = self._build()
        except _USER_ERRORS as error:
            self.show_error(error)
            return False
        self.error_label.clear()
        self.source_edit.mark_error(None, None)
        self.last_error = ""
        self.notes.error = ""
        self.notes.trace, self.notes.prints = notes.trace, notes.prints
        self.notes.sandbox = ""
        self.sandbox.reset_passes()
        key = (self.mode(), self.source_text(), model.view)
        self.set_model(model, keep_position=key == self._source_of_model)
        self._source_of_model = key
        return True

    def _build(self) -> tuple[GraphModel, Notes]:
        text = self.source_text()
        if self.mode() == PYTHON:
            return self._run_python(text)
        from explorer.core.expr import parse_program
        from explorer.core.graph.model import build_model
        from explorer.core.graph.named_steps import build_named_model, prefers_named_steps

        program = parse_program(text)
        self.inputs.set_definition_inputs(program.inputs)
        names = [definition.name for definition in program.tree.definitions]
        self.sandbox.set_definitions(names[:-1])
        named = prefers_named_steps(program)
        view = self.view_choice.view_for(python=False, named_definitions=named)
        build = build_named_model if view == NAMED_STEPS else build_model
        model = build(
            program,
            self.inputs.values(),
            requires_grad=self.inputs.requires_grad(),
            detach=self.sandbox.detached(),
        )
        return model, Notes()

    def _run_python(self, text: str) -> tuple[GraphModel, Notes]:
        from explorer.core.graph.interpreter import run_program

        self.inputs.set_python_inputs(seed=0)
        self.view_choice.view_for(python=True, named_definitions=False)
        self.sandbox.set_definitions([])
        result = run_program(text, seed=self.inputs.seed())
        if result.graph is None:
            raise ExprError("The program made no tensor to draw: assign one or call .backward()")
        lines = text.splitlines()
        prints = [
            (lines[number - 1].strip() if 0 < number <= len(lines) else "print", printed)
            for number, printed in zip(result.print_lines, result.prints, strict=False)
        ]
        leaves = [
            (node.symbol, format_number(node.value), node.requires_grad)
            for node in result.graph.inputs
        ]
        self.inputs.show_leaves(leaves)
        trace = "; ".join(filter(None, (result.trace_summary(), *result.in_place_notes)))
        return result.graph, Notes(trace=trace, prints=prints)

    def show_error(self, error: Exception) -> None:
        """Show a build error under the editor (line and column) and in the pane; keep the graph."""
        text = error_text(error) + self._mode_hint()
        self.last_error = text
        self.error_label.setText(text)
        self.source_edit.mark_error(getattr(error, "line", None), getattr(error, "column", None))
        self.notes.error = text + "\n(The graph shows the last program that built.)"
        if self.stepper is None:
            self.explanation.setHtml(error_html(self.notes.error))
        else:
            self.refresh()

    def _mode_hint(self) -> str:
        """When the program reads as the other mode's language, say which mode to pick."""
        text = self.source_text()
        if self.mode() == DEFINITIONS:
            if looks_like_python(text):
                return "\nThis looks like Python: choose Mode → Python (PyTorch-style)."
            return ""
        from explorer.core.expr import parse_program

        try:
            parse_program(text)
        except ExprError:
            return ""
        return "\nThis reads as definitions: choose Mode → Expression / definitions."

    # ----- model and stepping -------------------------------------------------------------------

    def set_model(self, model: GraphModel, *, keep_position: bool = False) -> None:
        """Draw ``model`` and step it from the start (or the same step, for an input change)."""
        old = self.stepper
        self.model = model
        self.stepper = Stepper(model)
        if keep_position and old is not None and old.length == self.stepper.length:
            self.stepper.seek(old.position)
        if not keep_position:
            self._bands = self._bands_for(model)  # measures the model drawn in one band
        if not self.scene.shows(model, self._bands):  # that drawing is reused when it fits
            self.scene.show_model(model, bands=self._bands)
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, self.stepper.length)
        self.timeline.blockSignals(False)
        self._refresh_forward_inputs()
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

    def _refresh_forward_inputs(self) -> None:
        fill_input_combo(self.forward_input, [(n.symbol, n.id) for n in self.model.inputs])

    def _update_forward_mode(self, refresh: bool = True) -> None:
        self.tangent_texts, self.forward_texts = None, {}
        self.notes.passes = ""
        if self.forward_check.isChecked() and self.model is not None and self.model.inputs:
            result = forward_tangents(self.model, self.forward_input.currentData())
            self.tangent_texts = tangent_card_texts(self.model, result)
            self.forward_texts = result.explanations
            self.notes.passes = passes_note(self.model)
        if refresh:
            self.refresh()

    def refresh(self) -> None:
        """Show the stepper's state on the cards, the timeline and the explanation pane."""
        stepper = self.stepper
        if stepper is None:
            return
        self.scene.apply_state(stepper.state, self.tangent_texts)
        self.timeline.blockSignals(True)
        self.timeline.setValue(stepper.position)
        self.timeline.blockSignals(False)
        self.step_label.setText(f"{stepper.position} / {stepper.length}")
        self.back_button.setEnabled(bool(stepper._history))
        self.forward_button.setEnabled(stepper.position < stepper.forward_count)
        self.backward_button.setEnabled(stepper.position < stepper.length)
        self.run_all_button.setEnabled(stepper.position < stepper.length)
        self.reset_button.setEnabled(stepper.position > 0)
        current = stepper.state.current_node
        self.notes.forward_text = ""
        if self.tangent_texts is not None and current is not None:
            self.notes.forward_text = self.forward_texts.get(current, "")
        self.explanation.setHtml(explanation_html(stepper, self.notes))
        if current is not None:
            self.view.reveal(self.scene.focus_rect(current, stepper.state.current_edges))

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

    def seek(self, position: int) -> None:
        if self.stepper is not None and self.stepper.seek(position):
            self.refresh()

    def _act(self, name: str) -> None:
        if self.stepper is not None and getattr(self.stepper, name)():
            self.refresh()

    # ----- helpers for the sandbox --------------------------------------------------------------

    def current_values(self) -> dict[str, Any]:
        return self.inputs.values()

    def show_sandbox_result(
        self, message: str, *, is_error: bool = False, model: GraphModel | None = None
    ) -> None:
        """Show what a sandbox button did; with a model, draw it fully run.

        The demos run PyTorch's op-level graph. In the named-steps view that graph is drawn for
        this once, fitted, and the pane says so; the user's view choice is kept for the next build.
        """
        if model is not None:
            switched = self.view_choice.currentData() != OPERATIONS
            self.view_choice.show_without_choosing(OPERATIONS)
            self.set_model(model)
            self.stepper.run_all()
            if switched:
                self.view.fit_all()
                message += (
                    "\n(This demo runs PyTorch's graph of every operation, so it is drawn that "
                    "way here; your named-steps view comes back when you edit the program or "
                    "an input.)"
                )
        self.notes.sandbox, self.notes.sandbox_is_error = message, is_error
        self.refresh()
