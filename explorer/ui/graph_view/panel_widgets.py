"""The Graph panel's widgets: preset, mode and view choosers, editor, inputs, view, step bar.

``build_panel_widgets`` creates them as attributes of the panel, connects them to its slots and
lays them out (the controls in a scroll area on the left, the graph and explanation on the right).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.core.graph.from_text import DEFINITIONS, PYTHON
from explorer.core.graph.presets import PRESETS
from explorer.ui.graph_view.inputs import GraphInputsForm
from explorer.ui.graph_view.sandbox_controls import SandboxControls
from explorer.ui.graph_view.source_editor import SourceEditor
from explorer.ui.graph_view.step_bar import step_bar
from explorer.ui.graph_view.view_choice import ViewChoice

if TYPE_CHECKING:
    from explorer.ui.panels.graph_panel import GraphPanel


def build_panel_widgets(panel: GraphPanel) -> None:
    """Create the panel's widgets as its attributes, wire them to its slots and lay them out."""
    _create_controls(panel)
    left = _controls_column(panel)
    right = _graph_column(panel)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    # The controls scroll when the window is small, so they never force a minimum width.
    scroll = QScrollArea()
    scroll.setWidget(left)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setMinimumWidth(160)
    splitter.addWidget(scroll)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([left.sizeHint().width() + 16, 900])
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(splitter)


def _create_controls(panel: GraphPanel) -> None:
    panel.preset_combo = QComboBox()
    panel.preset_combo.setObjectName("graphPresets")
    # Long preset titles would set the controls' width; the open list still shows them whole.
    panel.preset_combo.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    panel.preset_combo.setMinimumContentsLength(20)
    panel.preset_combo.addItem("Custom program", "")
    for preset in PRESETS:
        panel.preset_combo.addItem(preset.title, preset.key)
    panel.preset_combo.activated.connect(panel._on_preset_chosen)
    # A narrow panel still cuts a title short: the tooltip always has it whole.
    panel.preset_combo.currentTextChanged.connect(panel.preset_combo.setToolTip)
    panel.preset_combo.setToolTip(panel.preset_combo.currentText())
    panel.mode_combo = QComboBox()
    panel.mode_combo.setObjectName("graphMode")
    panel.mode_combo.addItem("Expression / definitions", DEFINITIONS)
    panel.mode_combo.addItem("Python (PyTorch-style)", PYTHON)
    panel.mode_combo.activated.connect(lambda _index: panel.apply_source())
    panel.view_choice = ViewChoice()
    panel.view_choice.chosen_changed.connect(panel.apply_source)
    panel.source_edit = SourceEditor()
    panel.source_edit.textChanged.connect(panel._on_source_edited)
    panel.error_label = QLabel()
    panel.error_label.setObjectName("graphError")
    panel.error_label.setStyleSheet("color: #b00020;")
    panel.error_label.setWordWrap(True)
    panel.error_label.setTextFormat(Qt.TextFormat.PlainText)
    panel.inputs = GraphInputsForm()
    panel.inputs.changed.connect(panel.on_inputs_changed)
    panel.sandbox = SandboxControls(panel)
    panel.forward_check = QCheckBox("Forward mode: tangents from")
    panel.forward_check.setObjectName("forwardModeCheck")
    panel.forward_input = QComboBox()
    panel.forward_input.setObjectName("forwardInput")
    panel.forward_check.toggled.connect(panel._update_forward_mode)
    panel.forward_input.activated.connect(lambda _index: panel._update_forward_mode())


def _controls_column(panel: GraphPanel) -> QWidget:
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 4, 0)
    row = QHBoxLayout()
    row.addWidget(QLabel("Preset"))
    row.addWidget(panel.preset_combo, 1)
    left_layout.addLayout(row)
    row = QHBoxLayout()
    row.addWidget(QLabel("Mode"))
    row.addWidget(panel.mode_combo, 1)
    left_layout.addLayout(row)
    row = QHBoxLayout()
    row.addWidget(QLabel("Show"))
    row.addWidget(panel.view_choice, 1)
    left_layout.addLayout(row)
    left_layout.addWidget(panel.source_edit)
    left_layout.addWidget(panel.error_label)
    left_layout.addWidget(panel.runner)
    inputs_box = QGroupBox("Inputs")
    QVBoxLayout(inputs_box).addWidget(panel.inputs)
    left_layout.addWidget(inputs_box)
    forward_row = QHBoxLayout()
    forward_row.addWidget(panel.forward_check)
    forward_row.addWidget(panel.forward_input, 1)
    left_layout.addLayout(forward_row)
    left_layout.addWidget(panel.sandbox)
    left_layout.addStretch(1)
    return left


def _graph_column(panel: GraphPanel) -> QSplitter:
    panel.explanation = QTextBrowser()
    panel.explanation.setObjectName("graphExplanation")
    panel.explanation.setMinimumHeight(110)
    right = QSplitter(Qt.Orientation.Vertical)
    graph_box = QWidget()
    graph_layout = QVBoxLayout(graph_box)
    graph_layout.setContentsMargins(0, 0, 0, 0)
    graph_layout.addWidget(panel.view, 1)
    graph_layout.addLayout(step_bar(panel))
    right.addWidget(graph_box)
    right.addWidget(panel.explanation)
    right.setStretchFactor(0, 4)
    right.setStretchFactor(1, 1)
    right.setSizes([600, 170])
    return right
