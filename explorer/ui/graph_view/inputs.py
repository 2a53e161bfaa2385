"""The graph panel's input form (objectName ``graphInputs``): a value and requires_grad per input.

For a program of definitions there is one row per input: a value (a number, a constant such as
``log(2)`` or ``pi/4``, or a comma-separated list for a vector) and a ``requires_grad`` box. For
a PyTorch-style program the program makes its own tensors, so the form shows the random seed for
``torch.randn`` and, read-only, the leaves the program created.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core.expr.errors import ExprError
from explorer.core.panel_state.graph import MAX_SEED, format_input_value, parse_input_value
from explorer.ui import i18n
from explorer.ui.accessible import describe, tab_order_in
from explorer.ui.appearance import set_text_role
from explorer.ui.i18n import Context

T = Context("GraphPanel")

DEFAULT_VALUE = 1.0


class GraphInputsForm(QWidget):
    """Rows of inputs; ``changed`` fires when a valid value or a requires_grad box changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphInputs")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setObjectName("graphInputsError")
        set_text_role(self.message, "error")
        self.message.setWordWrap(True)
        # Plain text: Qt's rich-text guess would show an escaped quote as "&#x27;".
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.message)
        self.value_fields: dict[str, QLineEdit] = {}
        self.grad_boxes: dict[str, QCheckBox] = {}
        self.seed_box: QSpinBox | None = None
        self._remembered: dict[str, str] = {}

    # ----- building the rows --------------------------------------------------------------------

    def _clear(self) -> None:
        for field in self.value_fields.values():
            self._remembered[field.objectName().removeprefix("graphInput_")] = field.text()
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                # Hide at once: deleteLater waits for the event loop, and stale rows would show.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.value_fields, self.grad_boxes, self.seed_box = {}, {}, None
        self.message.hide()

    def set_definition_inputs(
        self,
        names: Sequence[str],
        values: Mapping[str, float | str] | None = None,
        constants: Sequence[str] = (),
    ) -> None:
        """One row per input; keeps what the user typed for names that stay. ``values`` are
        numbers or text as typed (a saved state's ``log(2)``); ``constants`` (a preset's data
        inputs) start with requires_grad off. No ``changed``: the caller builds."""
        if values is None and list(names) == list(self.value_fields):
            return
        self._clear()
        for name, value in (values or {}).items():
            self._remembered[name] = value if isinstance(value, str) else format_input_value(value)
        for row, name in enumerate(names):
            field = QLineEdit(self._remembered.get(name, format_input_value(DEFAULT_VALUE)))
            field.setObjectName(f"graphInput_{name}")
            T.tip(field, "A number, a constant such as log(2), or a vector: 0, 1, 2, 3")
            field.editingFinished.connect(self._on_value_edited)
            box = T.text(QCheckBox(), "requires_grad")
            box.setObjectName(f"requiresGrad_{name}")
            describe(field, T.lazy("Value of {name}", name=name))
            describe(box, T.lazy("{name} requires grad", name=name))
            box.setChecked(name not in constants)
            box.toggled.connect(self.changed)
            self.grid.addWidget(QLabel(f"{name} ="), row, 0)
            self.grid.addWidget(field, row, 1)
            self.grid.addWidget(box, row, 2)
            self.value_fields[name] = field
            self.grad_boxes[name] = box
        # New rows would come last in Tab's order: put them where the form is.
        tab_order_in(
            self, [w for name in names for w in (self.value_fields[name], self.grad_boxes[name])]
        )

    def set_python_inputs(self, seed: int) -> None:
        """The seed row of a PyTorch-style program (its leaves are listed by ``show_leaves``)."""
        if self.seed_box is not None:
            return
        self._clear()
        self.seed_box = QSpinBox()
        self.seed_box.setObjectName("graphSeed")
        self.seed_box.setRange(0, MAX_SEED)
        self.seed_box.setValue(seed)
        T.tip(self.seed_box, "torch.manual_seed before the run: changes torch.randn values")
        self.seed_box.valueChanged.connect(self.changed)
        self.grid.addWidget(T.label("seed"), 0, 0)
        self.grid.addWidget(self.seed_box, 0, 1)
        self.leaves_label = QLabel()
        self.leaves_label.setObjectName("graphLeaves")
        self.leaves_label.setWordWrap(True)
        self.leaves_label.setTextFormat(Qt.TextFormat.PlainText)
        self.grid.addWidget(self.leaves_label, 1, 0, 1, 3)

    def show_seed(self, seed: int) -> None:
        """The seed row showing ``seed``, without ``changed`` (the caller builds)."""
        self.set_python_inputs(seed)
        self.seed_box.blockSignals(True)
        self.seed_box.setValue(seed)
        self.seed_box.blockSignals(False)

    def show_leaves(self, leaves: Iterable[tuple[str, str, bool]]) -> None:
        """List the program's own leaf tensors: name, value, requires_grad."""
        if self.seed_box is None:
            return
        lines = [
            f"{name} = {value}" + ("" if requires_grad else " (requires_grad=False)")
            for name, value, requires_grad in leaves
        ]
        i18n.bind(
            self.leaves_label,
            "setText",
            T.lazy("Inputs made by the program: {inputs}", inputs="; ".join(lines))
            if lines
            else "",
        )

    # ----- reading ------------------------------------------------------------------------------

    def values(self) -> dict[str, float | np.ndarray]:
        """Every input's value; raises ``ExprError`` naming the first bad field (marked red)."""
        values: dict[str, float | np.ndarray] = {}
        for name, field in self.value_fields.items():
            try:
                values[name] = parse_input_value(field.text())
            except ExprError as error:
                self._mark(field, f"{name}: {error.message}")
                raise ExprError(f"Input {name}: {error.message}") from None
        self._mark(None, "")
        return values

    def typed(self) -> list[tuple[str, str, bool]]:
        """Each input's row as it stands: name, the text typed, requires_grad."""
        return [
            (name, field.text(), self.grad_boxes[name].isChecked())
            for name, field in self.value_fields.items()
        ]

    def requires_grad(self) -> dict[str, bool]:
        return {name: box.isChecked() for name, box in self.grad_boxes.items()}

    def seed(self) -> int:
        return self.seed_box.value() if self.seed_box is not None else 0

    def set_value(self, name: str, text: str) -> None:
        """Type ``text`` into an input's field and apply it, as the user would."""
        self.value_fields[name].setText(text)
        self._on_value_edited()

    def _on_value_edited(self) -> None:
        try:
            self.values()
        except ExprError:
            return
        self.changed.emit()

    def _mark(self, bad: QLineEdit | None, message: str) -> None:
        for field in self.value_fields.values():
            set_text_role(field, "invalid" if field is bad else "")
        self.message.setText(message)
        self.message.setVisible(bool(message))


def fill_input_combo(combo: QComboBox, items: list[tuple[str, int]]) -> None:
    """Replace the combo's (text, data) items, keeping the current text when it is still there."""
    current = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findText(current)))
    combo.blockSignals(False)
