"""The PyTorch semantics sandbox of the graph panel: detach toggles and three backward demos.

- ``detach`` per named definition: later lines use ``name.detach()``; the cut edge is dashed and
  no gradient flows through it (rebuilds the graph through the core's ``build_model``).
- "Backward again (no zero_)": each press runs one more backward pass; .grad accumulates.
- "Backward after free": the core's PyTorch error for a second backward without retain_graph.
- "Non-scalar backward": ``y.backward()`` on a vector output fails; ``gradient=ones`` works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QPushButton, QVBoxLayout

from explorer.core.expr.errors import ExprError
from explorer.core.graph.sandbox import (
    backward_after_free,
    backward_again_without_zero,
    non_scalar_backward,
)
from explorer.ui.accessible import describe, tab_order_in
from explorer.ui.i18n import Context, core_text

T = Context("GraphPanel")

# What a demo needs from the panel: the program text, input values, requires_grad and the view.
ProgramReader = Callable[[], tuple[str, dict[str, Any], dict[str, bool], str]]

_PYTHON_NOTE = T.mark(
    "In Python mode write requires_grad=, .detach() and backward() in the program."
)


class SandboxControls(QGroupBox):
    """Detach boxes and the three demo buttons. ``read_program`` gives a demo the program as the
    panel has it now (it raises ``ExprError`` for a bad input value); results are signalled."""

    detach_changed = Signal()
    # message, is it an error, the model to draw fully run (or None)
    demo_shown = Signal(str, bool, object)
    input_failed = Signal(object)  # the ExprError of a bad input value

    def __init__(self, read_program: ProgramReader):
        super().__init__()
        T.title(self, "PyTorch sandbox")
        self.setObjectName("graphSandbox")
        self._read_program = read_program
        self.passes = 1
        self.detach_boxes: dict[str, QCheckBox] = {}
        self.detach_grid = QGridLayout()
        self.detach_label = T.label("detach():")
        self.again_button = self._button(
            T.mark("Backward again (no zero_)"), "backwardAgainButton", self.backward_again
        )
        self.free_button = self._button(
            T.mark("Backward after free"), "backwardAfterFreeButton", self.backward_after_free
        )
        self.non_scalar_button = self._button(
            T.mark("Non-scalar backward"), "nonScalarButton", self.non_scalar
        )
        self.python_note = T.label(_PYTHON_NOTE)
        self.python_note.setWordWrap(True)
        self.python_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.detach_label)
        layout.addLayout(self.detach_grid)
        buttons = QGridLayout()
        buttons.addWidget(self.again_button, 0, 0)
        buttons.addWidget(self.free_button, 1, 0)
        buttons.addWidget(self.non_scalar_button, 2, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.python_note)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = T.text(QPushButton(), text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def set_definitions(self, names: Sequence[str], *, python: bool = False) -> None:
        """One detach box per definition that later lines can use (not the output); in Python
        mode none, and the demos are off (a program writes its own backward calls)."""
        for widget in (self.again_button, self.free_button, self.non_scalar_button):
            widget.setEnabled(not python)
        self.python_note.setVisible(python)
        if list(names) == list(self.detach_boxes):
            return
        checked = {name for name, box in self.detach_boxes.items() if box.isChecked()}
        while self.detach_grid.count():
            widget = self.detach_grid.takeAt(0).widget()
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.setParent(None)
            widget.deleteLater()
        self.detach_boxes = {}
        for index, name in enumerate(names):
            box = QCheckBox(name)
            box.setObjectName(f"detach_{name}")
            describe(box, T.lazy("Detach {name}", name=name))
            box.setChecked(name in checked)
            T.tip(
                box, "Later lines use {name}.detach(): no gradient flows back through it", name=name
            )
            box.toggled.connect(self.detach_changed)
            self.detach_grid.addWidget(box, index // 4, index % 4)
            self.detach_boxes[name] = box
        self.detach_label.setVisible(bool(names))
        # New boxes would come last in Tab's order: put them above the buttons, as shown.
        tab_order_in(
            self,
            [
                *self.detach_boxes.values(),
                self.again_button,
                self.free_button,
                self.non_scalar_button,
            ],
        )

    def show_detached(self, names: Sequence[str]) -> None:
        """Tick exactly the boxes of ``names`` (those listed), without ``detach_changed``."""
        for name, box in self.detach_boxes.items():
            box.blockSignals(True)
            box.setChecked(name in names)
            box.blockSignals(False)

    def detached(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.detach_boxes.items() if box.isChecked())

    def reset_passes(self) -> None:
        self.passes = 1

    def _program(self) -> tuple[str, dict[str, Any], dict[str, bool], str] | None:
        try:
            return self._read_program()
        except ExprError as error:
            self.input_failed.emit(error)
            return None

    def backward_again(self) -> None:
        given = self._program()
        if given is None:
            return
        text, values, requires_grad, view = given
        passes = self.passes + 1
        try:
            demo = backward_again_without_zero(
                text,
                values,
                passes=passes,
                requires_grad=requires_grad,
                detach=self.detached(),
                view=view,
            )
        except (ExprError, ValueError, RuntimeError) as error:
            self.demo_shown.emit(str(error), True, None)
            return
        self.passes = passes
        self.demo_shown.emit(demo.explanation, False, demo.model)

    def backward_after_free(self) -> None:
        given = self._program()
        if given is None:
            return
        try:
            message = backward_after_free(*given[:2])
        except (ExprError, ValueError) as error:
            self.demo_shown.emit(str(error), True, None)
            return
        self.demo_shown.emit(
            T("f.backward() a second time, without retain_graph=True:")
            + f"\nRuntimeError: {message}",
            True,
            None,
        )

    def non_scalar(self) -> None:
        given = self._program()
        if given is None:
            return
        text, values, _, view = given
        try:
            demo = non_scalar_backward(text, values, view=view)
        except ValueError as error:
            hint = T("; type several values for an input, e.g. 0, 1, 2, 3")
            # Core's reason in the language shown, then the hint (one message, one language).
            self.demo_shown.emit(core_text(str(error)) + hint, True, None)
            return
        self.demo_shown.emit(demo.explanation, False, demo.model)
