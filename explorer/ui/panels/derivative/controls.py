"""Side-column widgets of the Derivative panel: the log-scale h slider and the steps pane.

The parameter sliders are shared with other panels: ``explorer.ui.parameter_sliders``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.derivative import Derivation
from explorer.core.derivative.steps import Step
from explorer.core.panel_state.derivative import DEFAULT_H
from explorer.core.text import superscript
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context, core_text

T = Context("DerivativePanel")

# h slider: one tick per tenth of a decade, from 10⁰ down to 10⁻¹².
H_TICKS_PER_DECADE = 10
H_DECADES = 12
_STEPS_MAX_HEIGHT = 320


def h_from_tick(tick: int) -> float:
    return 10.0 ** (-tick / H_TICKS_PER_DECADE)


def tick_from_h(h: float) -> int:
    tick = round(-math.log10(h) * H_TICKS_PER_DECADE)
    return max(0, min(H_DECADES * H_TICKS_PER_DECADE, tick))


def h_label(h: float) -> str:
    """``h = 1.0×10⁻³`` style text for the slider's readout."""
    mantissa, exponent = f"{h:.1e}".split("e")
    power = superscript(int(exponent))
    return f"h = {mantissa}×10{power}" if int(exponent) else f"h = {mantissa}"


def source_text(expression: object) -> str | None:
    """The user's text behind an expression (a str, or an Expression's ``.text``), if any."""
    if isinstance(expression, str):
        return expression
    text = getattr(expression, "text", None)
    return text if isinstance(text, str) else None


class LogHSlider(QWidget):
    """A horizontal slider over h = 10⁰ … 10⁻¹² (log scale) with a readout; emits ``h_changed``."""

    h_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("hSlider")
        self.slider.setRange(0, H_DECADES * H_TICKS_PER_DECADE)
        self.slider.setPageStep(H_TICKS_PER_DECADE)
        self.slider.setTickInterval(H_TICKS_PER_DECADE)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        T.tip(self.slider, "Step h of the secant, from 1 down to 10⁻¹² (one tick = a decade)")
        describe(self.slider, T.lazy("Secant step h"))
        self.readout = QLabel()
        self.readout.setObjectName("hReadout")
        self.readout.setMinimumWidth(110)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 0, 0)
        layout.addWidget(self.readout, 0, 1)
        self.show_h(DEFAULT_H)
        self.slider.valueChanged.connect(self._on_tick)

    def h(self) -> float:
        return h_from_tick(self.slider.value())

    def set_h(self, h: float) -> None:
        self.slider.setValue(tick_from_h(h))

    def show_h(self, h: float) -> None:
        """Show ``h`` (from a panel state) without emitting: the nearest tick, the exact value."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(tick_from_h(h))
        self.readout.setText(h_label(h))

    def _on_tick(self, tick: int) -> None:
        h = h_from_tick(tick)
        self.readout.setText(h_label(h))
        self.h_changed.emit(h)


class StepsPane(QWidget):
    """ "Show steps": a toggle that unfolds the derivation, one rule per row (indented by depth)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setObjectName("showStepsButton")
        T.text(self.toggle, "Show steps")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._on_toggled)
        self.list = QListWidget()
        self.list.setObjectName("derivationSteps")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.list, 1)
        self.derivation: Derivation | None = None

    def _on_toggled(self, shown: bool) -> None:
        self.list.setVisible(shown)
        T.text(self.toggle, T.mark("Hide steps") if shown else T.mark("Show steps"))
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def show_derivation(self, derivation: Derivation) -> None:
        self.derivation = derivation
        self.list.clear()
        for number, step in enumerate(derivation.steps, start=1):
            indent = "    " * step.depth
            text = f"{indent}{number}. {step_text(step)}\n{indent}    {step.before} = {step.after}"
            if step.note:
                note = T("Note: {note}", note=core_text(step.note))
                text += f"\n{indent}    {note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.rule)
            item.setToolTip(core_text(step.title))
            self.list.addItem(item)
        # As tall as the steps (no empty box for a one-step derivation), scrolling beyond that.
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.count()))
        self.list.setFixedHeight(max(60, min(_STEPS_MAX_HEIGHT, rows + 6)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.derivation is not None:
            self.show_derivation(self.derivation)

    def rules(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]


def step_text(step: Step) -> str:
    """A derivation step's rule in the language shown (the rule, its formula, the placeholders)."""
    rule = core_text(step.title)
    formula = core_text(step.formula)
    bindings = step.bindings_text()
    if formula and bindings:
        return T("{rule}: {formula} with {bindings}", rule=rule, formula=formula, bindings=bindings)
    if formula:
        return T("{rule}: {formula}", rule=rule, formula=formula)
    if bindings:
        return T("{rule} with {bindings}", rule=rule, bindings=bindings)
    return rule
