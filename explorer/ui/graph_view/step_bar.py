"""The graph panel's stepping controls: five buttons over a timeline slider and a Fit button.

``StepBar`` owns its widgets and says what the user asked for through signals; the panel tells it
where the stepping is with ``show_position``. Two rows keep the panel's minimum width small:
Reset, Back one step, Step forward, Step backward, Run all; then the timeline, "k / n" and Fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from explorer.core.graph.stepper import Stepper
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context

T = Context("GraphPanel")


def _button(text: str, name: str, signal, tip: str) -> QPushButton:
    widget = T.text(QPushButton(), text)
    widget.setObjectName(name)
    T.tip(widget, tip)
    widget.clicked.connect(signal)
    return widget


class StepBar(QWidget):
    """Buttons, timeline and Fit; each press is a signal."""

    reset_requested = Signal()
    back_requested = Signal()
    forward_requested = Signal()
    backward_requested = Signal()
    run_all_requested = Signal()
    fit_requested = Signal()
    seek_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reset_button = _button(
            T.mark("Reset"), "resetButton", self.reset_requested, T.mark("Back to the start (Home)")
        )
        self.back_button = _button(
            T.mark("Back one step"),
            "stepBackButton",
            self.back_requested,
            T.mark("One step back (←)"),
        )
        self.forward_button = _button(
            T.mark("Step forward"),
            "stepForwardButton",
            self.forward_requested,
            T.mark("Evaluate the next node (Space or →)"),
        )
        self.backward_button = _button(
            T.mark("Step backward"),
            "stepBackwardButton",
            self.backward_requested,
            T.mark("Next chain-rule step"),
        )
        self.run_all_button = _button(
            T.mark("Run all"), "runAllButton", self.run_all_requested, T.mark("Both passes (End)")
        )
        self.fit_button = _button(
            T.mark("Fit"), "fitButton", self.fit_requested, T.mark("Fit the graph to view")
        )
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setObjectName("timelineSlider")
        T.tip(self.timeline, "Scrub through the steps")
        describe(
            self.timeline,
            T.lazy("Step timeline"),
            T.lazy(
                "Which step of the forward and backward passes is shown; "
                "the arrow keys move one step"
            ),
        )
        self.timeline.valueChanged.connect(self.seek_requested)
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        self.step_label.setMinimumWidth(80)
        buttons = QHBoxLayout()
        for widget in (
            self.reset_button,
            self.back_button,
            self.forward_button,
            self.backward_button,
            self.run_all_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        scrub = QHBoxLayout()
        scrub.addWidget(T.label("Timeline"))
        scrub.addWidget(self.timeline, 1)
        scrub.addWidget(self.step_label)
        scrub.addWidget(self.fit_button)
        bar = QVBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addLayout(buttons)
        bar.addLayout(scrub)

    def show_position(self, stepper: Stepper) -> None:
        """The timeline, "k / n" and which buttons can do something now (without signalling)."""
        position = stepper.position
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, stepper.length)
        self.timeline.setValue(position)
        self.timeline.blockSignals(False)
        self.step_label.setText(f"{position} / {stepper.length}")
        self.back_button.setEnabled(position > 0)
        self.forward_button.setEnabled(position < stepper.forward_count)
        self.backward_button.setEnabled(position < stepper.length)
        self.run_all_button.setEnabled(position < stepper.length)
        self.reset_button.setEnabled(position > 0)
