"""The graph panel's program controls: preset, mode and view choosers, the editor, the error
line and the running program's status; and the forward-mode row.

Each group owns its widgets and tells the panel what the user did through signals; the panel
sets what they show through their methods, with signals blocked so nothing echoes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from explorer.core.graph.from_text import DEFINITIONS, PYTHON
from explorer.core.graph.presets import PRESETS
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import set_text_role
from explorer.ui.graph_view.inputs import fill_input_combo
from explorer.ui.graph_view.program_runner import ProgramRunner
from explorer.ui.graph_view.source_editor import SourceEditor
from explorer.ui.graph_view.view_choice import ViewChoice
from explorer.ui.i18n import Context, CoreText

T = Context("GraphPanel")


def _row(label: str, widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(T.label(label))
    row.addWidget(widget, 1)
    return row


def set_combo(combo: QComboBox, data: str) -> None:
    """Select the item holding ``data`` (the first when none does) without signalling."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(0, combo.findData(data)))
    combo.blockSignals(False)


class ProgramControls(QWidget):
    """Preset, mode, view, the program editor, its error line and the program runner."""

    preset_chosen = Signal(str)  # a preset's key
    mode_chosen = Signal()
    view_chosen = Signal()
    source_edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("graphPresets")
        describe(self.preset_combo, T.lazy("Example programs"))
        # Long preset titles would set the controls' width; the open list still shows them whole.
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(20)
        self.preset_combo.addItem("", "")
        T.bind_item(self.preset_combo, 0, "Custom program")
        for preset in PRESETS:
            self.preset_combo.addItem("", preset.key)
            index = self.preset_combo.count() - 1
            i18n.bind(self.preset_combo, "setItemText", CoreText(preset.title), index)
        self.preset_combo.activated.connect(self._on_preset_activated)
        # A narrow panel still cuts a title short: the tooltip always has it whole.
        self.preset_combo.currentTextChanged.connect(self.preset_combo.setToolTip)
        self.preset_combo.setToolTip(self.preset_combo.currentText())
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("graphMode")
        self.mode_combo.addItem("", DEFINITIONS)
        self.mode_combo.addItem("", PYTHON)
        T.bind_item(self.mode_combo, 0, "Expression / definitions")
        T.bind_item(self.mode_combo, 1, "Python (PyTorch-style)")
        describe(self.mode_combo, T.lazy("Program language"))
        self.mode_combo.activated.connect(lambda _index: self.mode_chosen.emit())
        self.view_choice = ViewChoice()
        self.view_choice.chosen_changed.connect(self.view_chosen)
        self.source_edit = SourceEditor()
        self.source_edit.textChanged.connect(self.source_edited)
        self.error_label = QLabel()
        self.error_label.setObjectName("graphError")
        set_text_role(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.runner = ProgramRunner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(_row(T.mark("Preset"), self.preset_combo))
        layout.addLayout(_row(T.mark("Mode"), self.mode_combo))
        layout.addLayout(_row(T.mark("Show"), self.view_choice))
        layout.addWidget(self.source_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.runner)

    def _on_preset_activated(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key:
            self.preset_chosen.emit(key)

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def preset(self) -> str:
        """The key of the preset shown ("" for a custom program)."""
        return self.preset_combo.currentData()

    def text(self) -> str:
        return self.source_edit.toPlainText()

    def show_program(self, text: str, mode: str | None = None, preset: str = "") -> None:
        """Put a program in the editor (no ``source_edited``), its mode and its preset."""
        if mode is not None:
            set_combo(self.mode_combo, mode)
        self.source_edit.blockSignals(True)
        self.source_edit.setPlainText(text)
        self.source_edit.blockSignals(False)
        self.show_preset(preset)

    def show_mode(self, mode: str) -> None:
        set_combo(self.mode_combo, mode)

    def show_preset(self, key: str) -> None:
        """Select a preset's entry ("" is "Custom program"); its tooltip is the whole title."""
        set_combo(self.preset_combo, key)
        self.preset_combo.setToolTip(self.preset_combo.currentText())

    def show_error(self, text: str, line: int | None = None, column: int | None = None) -> None:
        """The error line under the editor and the mark at its place ("" clears both)."""
        self.error_label.setText(text)
        self.source_edit.mark_error(line, column)


class ForwardModeControls(QWidget):
    """ "Forward mode: tangents from [input]"; ``changed`` when the box or the input changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = T.text(QCheckBox(), "Forward mode: tangents from")
        self.check.setObjectName("forwardModeCheck")
        self.input_combo = QComboBox()
        self.input_combo.setObjectName("forwardInput")
        describe(self.input_combo, T.lazy("Input the forward-mode tangents start from"))
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.input_combo.activated.connect(lambda _index: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.input_combo, 1)

    def show_inputs(self, inputs: list[tuple[str, int]]) -> None:
        """The inputs to choose from: (name, node id); the chosen name stays when it is there."""
        fill_input_combo(self.input_combo, inputs)

    def show_choice(self, on: bool, name: str) -> None:
        """Tick the box and pick the input called ``name`` (when listed), without ``changed``."""
        self.check.blockSignals(True)
        self.check.setChecked(on)
        self.check.blockSignals(False)
        index = self.input_combo.findText(name)
        if index >= 0:
            self.input_combo.blockSignals(True)
            self.input_combo.setCurrentIndex(index)
            self.input_combo.blockSignals(False)

    def chosen_input(self) -> int | None:
        """The input node's id whose tangents to show, or None when forward mode is off."""
        return self.input_combo.currentData() if self.check.isChecked() else None
