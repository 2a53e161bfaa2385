"""The graph panel's stepping controls: five buttons over a timeline slider and a Fit button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout

if TYPE_CHECKING:
    from explorer.ui.panels.graph_panel import GraphPanel


def _button(text: str, name: str, slot, tip: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setToolTip(tip)
    widget.clicked.connect(slot)
    return widget


def step_bar(panel: GraphPanel) -> QVBoxLayout:
    """Build the controls, set them as attributes of ``panel`` and return their layout.

    Two rows, so the panel's minimum width stays small: Reset, Back one step, Step forward,
    Step backward, Run all; then the timeline, the "k / n" label and Fit.
    """
    panel.reset_button = _button("Reset", "resetButton", panel.reset, "Back to the start")
    panel.back_button = _button("Back one step", "stepBackButton", panel.back, "Undo")
    panel.forward_button = _button(
        "Step forward", "stepForwardButton", panel.step_forward, "Evaluate the next node"
    )
    panel.backward_button = _button(
        "Step backward", "stepBackwardButton", panel.step_backward, "Next chain-rule step"
    )
    panel.run_all_button = _button("Run all", "runAllButton", panel.run_all, "Both passes")
    panel.fit_button = _button("Fit", "fitButton", panel.view.fit_all, "Fit the graph to view")
    panel.timeline = QSlider(Qt.Orientation.Horizontal)
    panel.timeline.setObjectName("timelineSlider")
    panel.timeline.setToolTip("Scrub through the steps")
    panel.timeline.valueChanged.connect(panel.seek)
    panel.step_label = QLabel()
    panel.step_label.setObjectName("stepLabel")
    panel.step_label.setMinimumWidth(80)
    buttons = QHBoxLayout()
    for widget in (panel.reset_button, panel.back_button, panel.forward_button):
        buttons.addWidget(widget)
    buttons.addWidget(panel.backward_button)
    buttons.addWidget(panel.run_all_button)
    buttons.addStretch(1)
    scrub = QHBoxLayout()
    scrub.addWidget(QLabel("Timeline"))
    scrub.addWidget(panel.timeline, 1)
    scrub.addWidget(panel.step_label)
    scrub.addWidget(panel.fit_button)
    bar = QVBoxLayout()
    bar.addLayout(buttons)
    bar.addLayout(scrub)
    return bar
