"""The Descent panel's controls: one row per racer (switch, η on a log slider, momentum/β/α) and
the timeline bar (back, play/pause, step, scrub, speed)."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from explorer.core.descent.optimizers import SYMBOLS, OptimizerSettings
from explorer.core.descent.state import Racer
from explorer.core.text import format_number
from explorer.ui.accessible import describe, tab_order_in
from explorer.ui.appearance import current_theme, follow_text_size, follow_theme
from explorer.ui.i18n import Context
from explorer.ui.palette import readable_text
from explorer.ui.panels.descent_views import racer_color

T = Context("DescentPanel")

# What a screen reader says for each hyperparameter's slider (the symbol alone says little).
HYPERPARAMETER_NAMES = {
    "lr": T.mark("learning rate"),
    "momentum": T.mark("momentum"),
    "beta1": T.mark("first-moment decay"),
    "beta2": T.mark("second-moment decay"),
    "alpha": T.mark("smoothing constant"),
    "eps": T.mark("epsilon"),
    "weight_decay": T.mark("weight decay"),
}
# η on a log slider: 10^-4 … 10^1 in steps of 10^0.01.
LR_LOG_MIN, LR_LOG_MAX, LR_TICKS_PER_DECADE = -4.0, 1.0, 100
# The other hyperparameters on linear sliders over these ranges.
LINEAR_RANGES = {
    "momentum": (0.0, 0.99),
    "beta1": (0.0, 0.99),
    "beta2": (0.9, 0.9999),
    "alpha": (0.5, 0.999),
    "weight_decay": (0.0, 0.2),
}
LINEAR_TICKS = 1000
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200)


def _nice(value: float, significant: int = 2) -> float:
    """A slider's raw value rounded to what a learner would type (0.1995 → 0.2)."""
    if value == 0:
        return 0.0
    digits = significant - 1 - math.floor(math.log10(abs(value)))
    return round(value, digits)


def lr_to_tick(lr: float) -> int:
    log = math.log10(lr) if lr > 0 else LR_LOG_MIN
    log = min(max(log, LR_LOG_MIN), LR_LOG_MAX)
    return round((log - LR_LOG_MIN) * LR_TICKS_PER_DECADE)


def tick_to_lr(tick: int) -> float:
    return _nice(10 ** (LR_LOG_MIN + tick / LR_TICKS_PER_DECADE))


def value_to_tick(name: str, value: float) -> int:
    low, high = LINEAR_RANGES[name]
    return round((min(max(value, low), high) - low) / (high - low) * LINEAR_TICKS)


def tick_to_value(name: str, tick: int) -> float:
    low, high = LINEAR_RANGES[name]
    raw = low + (high - low) * tick / LINEAR_TICKS
    return round(raw, 4 if name == "beta2" else 3)


class RacerControls(QWidget):
    """A grid: per racer a coloured switch and a slider per hyperparameter of its kind."""

    settings_changed = Signal(object)  # OptimizerSettings
    enabled_changed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("racerControls")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(6)
        self._layout.setVerticalSpacing(2)
        self.switches: dict[str, QCheckBox] = {}
        self.sliders: dict[tuple[str, str], QSlider] = {}
        self.values: dict[tuple[str, str], QLabel] = {}
        self._settings: dict[str, OptimizerSettings] = {}

    def build(self, racers: tuple[Racer, ...]) -> None:
        """Create the rows for these kinds (once; later states only move the sliders)."""
        if list(self.switches) == [r.settings.kind for r in racers]:
            return
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.switches.clear()
        self.sliders.clear()
        self.values.clear()
        self._settings.clear()
        row = 0
        for racer in racers:
            settings = racer.settings
            kind = settings.kind
            switch = QCheckBox(settings.label)
            switch.setObjectName(f"racer_{kind}")
            describe(switch, T.lazy("Race {optimizer}", optimizer=settings.label))
            _colour_switch(switch, kind)
            follow_theme(switch, lambda switch=switch, kind=kind: _colour_switch(switch, kind))
            follow_text_size(switch)
            switch.toggled.connect(lambda on, k=kind: self.enabled_changed.emit(k, on))
            self.switches[kind] = switch
            self._layout.addWidget(switch, row, 0)
            for name in settings.spec.hyperparameters:
                slider = QSlider(Qt.Orientation.Horizontal)
                slider.setObjectName(f"slider_{kind}_{name}")
                describe(
                    slider,
                    T.lazy(
                        "{optimizer} {setting} {symbol}",
                        optimizer=settings.label,
                        setting=T.lazy(HYPERPARAMETER_NAMES[name]),
                        symbol=SYMBOLS[name],
                    ),
                )
                if name == "lr":
                    slider.setRange(0, lr_to_tick(10**LR_LOG_MAX))
                    T.tip(slider, "Learning rate η (log scale)")
                else:
                    slider.setRange(0, LINEAR_TICKS)
                slider.valueChanged.connect(lambda tick, k=kind, n=name: self._moved(k, n, tick))
                label = QLabel(SYMBOLS[name])
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value = QLabel()
                value.setMinimumWidth(46)
                self.sliders[(kind, name)] = slider
                self.values[(kind, name)] = value
                self._layout.addWidget(label, row, 1)
                self._layout.addWidget(slider, row, 2)
                self._layout.addWidget(value, row, 3)
                row += 1
        self._layout.setColumnStretch(2, 1)
        self._layout.setRowStretch(row, 1)
        # New rows would come last in Tab's order: put them where the racers are, in order.
        stops = {kind: [switch] for kind, switch in self.switches.items()}
        for (kind, _name), slider in self.sliders.items():
            stops[kind].append(slider)
        tab_order_in(self, [w for row_stops in stops.values() for w in row_stops])

    def show_racers(self, racers: tuple[Racer, ...]) -> None:
        """Move every switch and slider to ``racers`` without emitting (no echo)."""
        self.build(racers)
        for racer in racers:
            settings = racer.settings
            self._settings[settings.kind] = settings
            switch = self.switches[settings.kind]
            switch.blockSignals(True)
            switch.setChecked(racer.enabled)
            switch.blockSignals(False)
            for name in settings.spec.hyperparameters:
                slider = self.sliders[(settings.kind, name)]
                value = getattr(settings, name)
                slider.blockSignals(True)
                slider.setValue(lr_to_tick(value) if name == "lr" else value_to_tick(name, value))
                slider.blockSignals(False)
                self.values[(settings.kind, name)].setText(format_number(value))
                slider.setEnabled(racer.enabled)

    def _moved(self, kind: str, name: str, tick: int) -> None:
        value = tick_to_lr(tick) if name == "lr" else tick_to_value(name, tick)
        settings = replace(self._settings[kind], **{name: value})
        self._settings[kind] = settings
        self.values[(kind, name)].setText(format_number(value))
        self.settings_changed.emit(settings)


class TimelineBar(QWidget):
    """Back one step, play/pause, one step, a scrub slider, the speed and "step k / n"."""

    frame_requested = Signal(int)
    play_toggled = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = T.text(QToolButton(), "◀ Back")
        self.back_button.setObjectName("backButton")
        T.tip(self.back_button, "Back one step")
        self.play_button = T.text(QToolButton(), "▶ Play")
        describe(self.back_button, T.lazy("Step back"))
        self.play_button.setObjectName("playButton")
        self.play_button.setCheckable(True)
        self.step_button = T.text(QToolButton(), "Step ▶")
        describe(
            self.play_button,
            T.lazy("Play"),
            T.lazy("Play the race step by step; press again to pause"),
        )
        self.step_button.setObjectName("stepButton")
        T.tip(self.step_button, "One step forward")
        describe(self.step_button, T.lazy("Step forward"))
        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setObjectName("scrubber")
        T.tip(self.scrubber, "Drag to any step")
        describe(
            self.scrubber,
            T.lazy("Step shown"),
            T.lazy("Drag, or use the arrow keys, to go to any step"),
        )
        self.label = QLabel()
        self.label.setObjectName("stepLabel")
        self.label.setMinimumWidth(110)
        self.speed = QComboBox()
        self.speed.setObjectName("speedCombo")
        T.tip(self.speed, "Steps per second while playing")
        describe(self.speed, T.lazy("Playing speed"))
        for speed in SPEEDS:
            self.speed.addItem("", float(speed))
            T.bind_item(self.speed, self.speed.count() - 1, "{speed} steps/s", speed=speed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back_button, self.play_button, self.step_button):
            layout.addWidget(widget)
        layout.addWidget(self.scrubber, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.speed)
        self.back_button.clicked.connect(lambda: self.frame_requested.emit(self.frame - 1))
        self.step_button.clicked.connect(lambda: self.frame_requested.emit(self.frame + 1))
        self.scrubber.valueChanged.connect(self.frame_requested.emit)
        self.play_button.toggled.connect(self._on_play)
        self.speed.currentIndexChanged.connect(
            lambda index: self.speed_changed.emit(float(self.speed.itemData(index)))
        )

    @property
    def frame(self) -> int:
        return self.scrubber.value()

    def show_frame(self, frame: int, last: int, speed: float) -> None:
        self.scrubber.blockSignals(True)
        self.scrubber.setRange(0, last)
        self.scrubber.setValue(frame)
        self.scrubber.blockSignals(False)
        T.text(self.label, "step {frame} / {last}", frame=frame, last=last)
        self.back_button.setEnabled(frame > 0)
        self.step_button.setEnabled(frame < last)
        index = self.speed.findData(float(speed))
        if index >= 0 and index != self.speed.currentIndex():
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(index)
            self.speed.blockSignals(False)

    def show_playing(self, playing: bool) -> None:
        self.play_button.blockSignals(True)
        self.play_button.setChecked(playing)
        T.text(self.play_button, T.mark("❚❚ Pause") if playing else T.mark("▶ Play"))
        self.play_button.blockSignals(False)

    def _on_play(self, playing: bool) -> None:
        self.show_playing(playing)
        self.play_toggled.emit(playing)


class AnimationOptions(QDialog):
    """Frames, frames per second and pixel size of the GIF to save."""

    def __init__(self, last_step: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        T.window_title(self, "Save the race as a GIF")
        self.frames = QSpinBox()
        self.frames.setObjectName("gifFrames")
        self.frames.setRange(1, 2000)
        self.frames.setValue(min(100, last_step + 1))
        T.tip(self.frames, "Frames spread evenly over the race's steps")
        self.fps = QDoubleSpinBox()
        self.fps.setObjectName("gifFps")
        self.fps.setRange(0.5, 50.0)
        self.fps.setValue(10.0)
        self.width_box = QSpinBox()
        self.width_box.setRange(100, 4000)
        self.width_box.setValue(800)
        self.height_box = QSpinBox()
        self.height_box.setRange(100, 4000)
        self.height_box.setValue(600)
        form = QFormLayout(self)
        form.addRow(T.label("Frames"), self.frames)
        form.addRow(T.label("Frames per second"), self.fps)
        form.addRow(T.label("Width (px)"), self.width_box)
        form.addRow(T.label("Height (px)"), self.height_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, float, int, int]:
        return (
            self.frames.value(),
            self.fps.value(),
            self.width_box.value(),
            self.height_box.value(),
        )


def _colour_switch(switch: QCheckBox, kind: str) -> None:
    """The racer's name in its colour, darkened or lightened just enough to read (4.5:1)."""
    colour = readable_text(racer_color(kind), current_theme())
    switch.setStyleSheet(f"QCheckBox {{ color: {colour}; font-weight: bold; }}")
