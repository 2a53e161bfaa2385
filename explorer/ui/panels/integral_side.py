"""The Integral panel's side column: bounds, the value readouts, the Riemann controls (rule and a
log-scale n slider), F(x) and the FTC check, and the shared parameter sliders.

Widgets and the text they show; the panel decides when to refresh them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from explorer.core.integral.riemann import MAX_N, RULE_NAMES, RULES
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import set_text_role
from explorer.ui.i18n import Context, CoreText, core_text
from explorer.ui.panels.derivative.x0_input import ExpressionSpinBox
from explorer.ui.parameter_sliders import ParameterSliders

T = Context("IntegralPanel")

SIDE_WIDTH = 380
N_TICKS_PER_DECADE = 100


def n_from_tick(tick: int) -> int:
    return max(1, min(MAX_N, round(10.0 ** (tick / N_TICKS_PER_DECADE))))


def tick_from_n(n: int) -> int:
    return round(math.log10(max(1, n)) * N_TICKS_PER_DECADE)


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LogNSlider(QWidget):
    """n = 1 … 10⁴ on a log scale, with its readout; emits ``n_changed``."""

    n_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("integralNSlider")
        self.slider.setRange(0, tick_from_n(MAX_N))
        T.tip(self.slider, "Number of subintervals n (log scale, 1 … 10 000)")
        describe(self.slider, T.lazy("Number of subintervals n"))
        self.readout = QLabel()
        self.readout.setMinimumWidth(70)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("n"))
        row.addWidget(self.slider, 1)
        row.addWidget(self.readout)
        self._n = 1
        self.slider.valueChanged.connect(self._on_tick)

    def n(self) -> int:
        return self._n

    def set_n(self, n: int) -> None:
        """Move to ``n`` without emitting (state → widget)."""
        self._n = int(n)
        self.slider.blockSignals(True)
        self.slider.setValue(tick_from_n(n))
        self.slider.blockSignals(False)
        self.readout.setText(f"n = {n:,}")

    def _on_tick(self, tick: int) -> None:
        n = n_from_tick(tick)
        self.readout.setText(f"n = {n:,}")
        if n != self._n:
            self._n = n
            self.n_changed.emit(n)


class SideColumn(QWidget):
    """Controls and readouts next to the plot, in the order a learner reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(SIDE_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 8, 4)
        layout.addWidget(self._integral_box())
        layout.addWidget(self._sum_box())
        layout.addWidget(self._accumulation_box())
        self.parameters = ParameterSliders()
        layout.addWidget(self.parameters)
        layout.addStretch(1)

    def _integral_box(self) -> QGroupBox:
        box = T.title(QGroupBox(), "Definite integral (drag a and b on the plot)")
        self.lower_input = QLineEdit()
        self.lower_input.setObjectName("integralLowerInput")
        self.upper_input = QLineEdit()
        self.upper_input.setObjectName("integralUpperInput")
        tips = (
            (
                self.lower_input,
                T.mark("The lower bound: a number, an expression such as pi/2, or inf/-inf"),
            ),
            (
                self.upper_input,
                T.mark("The upper bound: a number, an expression such as pi/2, or inf/-inf"),
            ),
        )
        for field, tip in tips:
            i18n.bind(field, "setToolTip", T.lazy(tip))
        describe(self.lower_input, T.lazy("Lower bound a"))
        describe(self.upper_input, T.lazy("Upper bound b"))
        bounds = QHBoxLayout()
        bounds.addWidget(QLabel("a ="))
        bounds.addWidget(self.lower_input)
        bounds.addWidget(QLabel("b ="))
        bounds.addWidget(self.upper_input)
        self.bound_error = _label("integralBoundError")
        set_text_role(self.bound_error, "error")
        self.bound_error.setVisible(False)
        self.formula = _label("integralFormula")
        font = QFont(self.formula.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.formula.setFont(font)
        self.exact = _label("integralExact")
        self.numeric = _label("integralNumeric")
        self.agreement = _label("integralAgreement")
        self.notes = _label("integralNotes")
        set_text_role(self.notes, "muted")
        column = QVBoxLayout(box)
        column.addLayout(bounds)
        for widget in (
            self.bound_error,
            self.formula,
            self.exact,
            self.numeric,
            self.agreement,
            self.notes,
        ):
            column.addWidget(widget)
        return box

    def _sum_box(self) -> QGroupBox:
        box = T.title(QGroupBox(), "Riemann sum")
        self.show_sums = T.text(QCheckBox(), "Draw the shapes")
        self.show_sums.setObjectName("integralShowSums")
        self.rule = QComboBox()
        self.rule.setObjectName("integralRule")
        for index, rule in enumerate(RULES):
            self.rule.addItem("", rule)
            i18n.bind(self.rule, "setItemText", CoreText(RULE_NAMES[rule]), index)
        describe(self.rule, T.lazy("Riemann sum rule"))
        self.n_slider = LogNSlider()
        self.sum_readout = _label("integralSumReadout")
        form = QFormLayout()
        form.addRow(T.label("Rule"), self.rule)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.n_slider)
        column.addWidget(self.sum_readout)
        column.addWidget(self.show_sums)
        return box

    def _accumulation_box(self) -> QGroupBox:
        box = T.title(QGroupBox(), "Accumulation F(x) = ∫ₐˣ f(t) dt")
        self.show_accumulation = T.text(QCheckBox(), "Draw F(x) and its tangent at x₀")
        self.show_accumulation.setObjectName("integralShowAccumulation")
        self.x0_input = ExpressionSpinBox()
        self.x0_input.setObjectName("integralX0Input")
        self.x0_input.setRange(-1e6, 1e6)
        self.x0_input.setSingleStep(0.1)
        self.x0_input.setKeyboardTracking(False)
        T.tip(self.x0_input, "Where to check F′(x₀) = f(x₀): a number or e.g. pi/4")
        describe(self.x0_input, T.lazy("Point x₀ of the accumulation's tangent"))
        self.antiderivative = _label("integralAntiderivative")
        self.ftc = _label("integralFtc")
        self.ftc.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow("x₀", self.x0_input)
        column = QVBoxLayout(box)
        column.addWidget(self.show_accumulation)
        column.addLayout(form)
        column.addWidget(self.antiderivative)
        column.addWidget(self.ftc)
        return box

    def show_bound_error(self, message: str) -> None:
        i18n.bind(self.bound_error, "setText", CoreText(message))
        self.bound_error.setVisible(bool(message))

    def show_agreement(self, agree: bool | None, text: str) -> None:
        text = core_text(text)
        if self.agreement.text() != text:
            self.agreement.setText(text)
        # Only a changed role restyles (a style change re-polishes: ~2 ms).
        set_text_role(self.agreement, "ok" if agree else "error" if agree is False else "muted")
