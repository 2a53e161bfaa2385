"""The PyTorch semantics sandbox of the graph panel: detach toggles and three backward demos.

- ``detach`` per named definition: later lines use ``name.detach()``; the cut edge is dashed and
  no gradient flows through it (rebuilds the graph through the core's ``build_model``).
- "Backward again (no zero_)": each press runs one more backward pass; .grad accumulates.
- "Backward after free": the core's PyTorch error for a second backward without retain_graph.
- "Non-scalar backward": ``y.backward()`` on a vector output fails; ``gradient=ones`` works.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from explorer.core.expr.errors import ExprError
from explorer.core.text import format_number

if TYPE_CHECKING:
    from explorer.ui.panels.graph_panel import GraphPanel

_PYTHON_NOTE = "In Python mode write requires_grad=, .detach() and backward() in the program."


class SandboxControls(QGroupBox):
    """Detach boxes and the three demo buttons; results are shown by the panel."""

    def __init__(self, panel: GraphPanel):
        super().__init__("PyTorch sandbox")
        self.setObjectName("graphSandbox")
        self.panel = panel
        self.passes = 1
        self.detach_boxes: dict[str, QCheckBox] = {}
        self.detach_grid = QGridLayout()
        self.detach_label = QLabel("detach():")
        self.again_button = self._button(
            "Backward again (no zero_)", "backwardAgainButton", self.backward_again
        )
        self.free_button = self._button(
            "Backward after free", "backwardAfterFreeButton", self.backward_after_free
        )
        self.non_scalar_button = self._button(
            "Non-scalar backward", "nonScalarButton", self.non_scalar
        )
        self.python_note = QLabel(_PYTHON_NOTE)
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
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def set_definitions(self, names: Sequence[str]) -> None:
        """One detach box per definition that later lines can use (not the output)."""
        python = self.panel.mode() == "python"
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
            box.setChecked(name in checked)
            box.setToolTip(f"Later lines use {name}.detach(): no gradient flows back through it")
            box.toggled.connect(self.panel.on_inputs_changed)
            self.detach_grid.addWidget(box, index // 4, index % 4)
            self.detach_boxes[name] = box
        self.detach_label.setVisible(bool(names))

    def detached(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.detach_boxes.items() if box.isChecked())

    def reset_passes(self) -> None:
        self.passes = 1

    def _inputs(self) -> tuple[str, dict] | None:
        try:
            return self.panel.source_text(), self.panel.current_values()
        except ExprError as error:
            self.panel.show_error(error)
            return None

    def backward_again(self) -> None:
        from explorer.core.graph.sandbox import backward_again_without_zero

        given = self._inputs()
        if given is None:
            return
        passes = self.passes + 1
        try:
            demo = backward_again_without_zero(
                *given,
                passes=passes,
                requires_grad=self.panel.inputs.requires_grad(),
                detach=self.detached(),
            )
        except (ExprError, ValueError, RuntimeError) as error:
            self.panel.show_sandbox_result(str(error), is_error=True)
            return
        self.panel.show_sandbox_result(demo.explanation, model=demo.model)
        self.passes = passes

    def backward_after_free(self) -> None:
        from explorer.core.graph.sandbox import backward_after_free

        given = self._inputs()
        if given is None:
            return
        try:
            message = backward_after_free(*given)
        except (ExprError, ValueError) as error:
            self.panel.show_sandbox_result(str(error), is_error=True)
            return
        self.panel.show_sandbox_result(
            f"f.backward() a second time, without retain_graph=True:\nRuntimeError: {message}",
            is_error=True,
        )

    def non_scalar(self) -> None:
        from explorer.core.graph.sandbox import non_scalar_backward

        given = self._inputs()
        if given is None:
            return
        try:
            demo = non_scalar_backward(*given)
        except ValueError as error:
            hint = "; type several values for an input, e.g. 0, 1, 2, 3"
            self.panel.show_sandbox_result(str(error) + hint, is_error=True)
            return
        grads = "; ".join(
            f"{name}.grad = {format_number(grad)}" for name, grad in demo.gradients.items()
        )
        y = demo.model.output.symbol
        message = (
            f"{y}.backward() on a non-scalar {y} → RuntimeError: {demo.error}\n"
            f"{y}.backward(gradient=torch.ones_like({y})) gives ∂(Σ{y})/∂input: {grads}"
        )
        self.panel.show_sandbox_result(message, model=demo.model)
