"""The Derivative panel's side column (formula, steps, tangent, secant, band, parameters, check).

Widgets and the readouts they show; the panel decides when to refresh them. Readout text is
built from the core's ``Tangent`` / ``Secant`` / ``LinearBand`` values and ``format_number``.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.derivative import Agreement, LinearBand, Secant, Tangent
from explorer.core.panel_state.derivative import EPSILON_RANGE, X0_LIMIT
from explorer.core.text import counted, format_number
from explorer.ui.appearance import set_text_role
from explorer.ui.panels.derivative.controls import LogHSlider, StepsPane
from explorer.ui.panels.derivative.x0_input import ExpressionSpinBox
from explorer.ui.parameter_sliders import ParameterSliders

SIDE_WIDTH = 390


def _label(object_name: str, *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SideColumn(QWidget):
    """Controls and readouts next to the plot, top to bottom in the order a learner uses them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 8, 4)
        layout.addWidget(self._formula_box())
        self.steps = StepsPane()
        layout.addWidget(self.steps)
        layout.addWidget(self._tangent_box())
        layout.addWidget(self._secant_box())
        layout.addWidget(self._band_box())
        # Shown only while f has parameters; shares its values with the other panels.
        self.parameters = ParameterSliders()
        layout.addWidget(self.parameters)
        check_box = QGroupBox("Three derivatives")
        self.agreement_label = _label("agreementStatus")
        self.agreement_label.setTextFormat(Qt.TextFormat.RichText)
        # Where f′ does not exist at all (poles, holes): said plainly, not as a warning.
        self.undefined_label = _label("agreementNotes")
        set_text_role(self.undefined_label, "muted")
        self.undefined_label.setVisible(False)
        check_column = QVBoxLayout(check_box)
        check_column.addWidget(self.agreement_label)
        check_column.addWidget(self.undefined_label)
        layout.addWidget(check_box)
        layout.addStretch(1)

    def _formula_box(self) -> QGroupBox:
        box = QGroupBox("Derivative")
        self.function_label = _label("functionFormula")
        self.derivative_label = _label("derivativeFormula")
        font = QFont(self.derivative_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.derivative_label.setFont(font)
        self.simplify_status = _label("simplificationStatus")
        self.second_label = _label("secondDerivativeFormula")
        self.second_label.setVisible(False)
        self.second_status = _label("secondSimplificationStatus")
        self.second_status.setVisible(False)
        self.show_second = QCheckBox("Also plot f″")
        self.show_second.setObjectName("showSecondDerivative")
        column = QVBoxLayout(box)
        for widget in (
            self.function_label,
            self.derivative_label,
            self.simplify_status,
            self.second_label,
            self.second_status,
            self.show_second,
        ):
            column.addWidget(widget)
        return box

    def _tangent_box(self) -> QGroupBox:
        box = QGroupBox("Tangent at x₀ (drag the point on the curve)")
        self.x0_input = ExpressionSpinBox()
        self.x0_input.setObjectName("tangentPointInput")
        self.x0_input.setRange(-X0_LIMIT, X0_LIMIT)
        self.x0_input.setSingleStep(0.1)
        self.x0_input.setKeyboardTracking(False)
        self.x0_input.setToolTip(
            "The point x₀ where the tangent touches f: a number or e.g. pi/2, 1e-3, -2pi"
        )
        self.x0_error = _label("tangentPointError")
        set_text_role(self.x0_error, "error")
        self.x0_error.setVisible(False)
        self.x0_input.problem_changed = self._show_x0_problem
        self.tangent_equation = _label("tangentEquation")
        self.tangent_slope = _label("tangentSlope")
        self.three_at_x0 = _label("derivativeChecks")
        set_text_role(self.three_at_x0, "muted")
        form = QFormLayout(box)
        form.addRow("x₀ =", self.x0_input)
        form.addRow(self.x0_error)
        form.addRow(self.tangent_equation)
        form.addRow(self.tangent_slope)
        form.addRow(self.three_at_x0)
        return box

    def _show_x0_problem(self, problem: str) -> None:
        self.x0_error.setText(f"Cannot read x₀: {problem} (x₀ stays as it was)" if problem else "")
        self.x0_error.setVisible(bool(problem))

    def _secant_box(self) -> QGroupBox:
        box = QGroupBox("Secant → tangent")
        self.show_secant = QCheckBox("Show the secant through x₀ and x₀ + h")
        self.show_secant.setObjectName("showSecant")
        self.show_secant.setChecked(True)
        self.h_slider = LogHSlider()
        self.secant_readout = _label("secantReadout")
        column = QVBoxLayout(box)
        column.addWidget(self.show_secant)
        column.addWidget(self.h_slider)
        column.addWidget(self.secant_readout)
        return box

    def _band_box(self) -> QGroupBox:
        box = QGroupBox("Linear approximation f(x₀+ε) ≈ f(x₀) + ε·f′(x₀)")
        self.show_band = QCheckBox("Shade where |f(x) − L(x)| ≤")
        self.show_band.setObjectName("showBand")
        self.epsilon_input = QDoubleSpinBox()
        self.epsilon_input.setObjectName("epsilonInput")
        self.epsilon_input.setDecimals(4)
        self.epsilon_input.setRange(*EPSILON_RANGE)
        self.epsilon_input.setSingleStep(0.05)
        self.epsilon_input.setKeyboardTracking(False)
        self.band_readout = _label("bandReadout")
        row = QHBoxLayout()
        row.addWidget(self.show_band)
        row.addWidget(self.epsilon_input)
        row.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.band_readout)
        return box

    # ----- readouts -----------------------------------------------------------------------------

    def show_tangent(self, tangent: Tangent, three: tuple[float, float, float]) -> None:
        point = format_number(tangent.x0)
        if tangent.differentiable:
            self.tangent_equation.setText(f"Tangent: {tangent.equation}")
            set_text_role(self.tangent_equation, "", "font-weight: bold;")
            self.tangent_slope.setText(
                f"slope f′({point}) = {format_number(tangent.slope)},  "
                f"f({point}) = {format_number(tangent.y0)};  {tangent.point_slope}"
            )
        elif not math.isfinite(tangent.y0):
            self.tangent_equation.setText(f"f is not defined at x₀ = {point}")
            set_text_role(self.tangent_equation, "error", "font-weight: bold;")
            self.tangent_slope.setText(f"{tangent.reason}, so there is no tangent there")
        else:
            self.tangent_equation.setText(f"Not differentiable at x₀ = {point}")
            set_text_role(self.tangent_equation, "error", "font-weight: bold;")
            self.tangent_slope.setText(tangent.reason)
        symbolic, reverse, central = three
        set_text_role(self.three_at_x0, "caution" if tangent.convention_note else "muted")
        if not math.isfinite(tangent.y0):
            self.three_at_x0.setText(f"f′({point}): none of the three exists (f is not defined)")
            return
        text = (
            f"f′({point}): symbolic {format_number(symbolic)} · reverse mode "
            f"{format_number(reverse)} · central difference {format_number(central)}"
        )
        if tangent.convention_note:
            text += f"\n⚠ {tangent.convention_note}"
        self.three_at_x0.setText(text)

    def show_agreement(self, agreement: Agreement) -> None:
        """The three-way check in words: a green tick, kinks where f′ does not exist but all
        three report one convention value (said as that, not as a disagreement), or the places
        where they really differ (red); then, in grey, where f′ is undefined (poles, holes)."""
        label = self.agreement_label
        conflicts, conventions = agreement.conflicts, agreement.conventions
        if conflicts:
            label.setText(
                "<b>The three derivatives do not all agree:</b><br>"
                + _listed([p.message for p in conflicts], "⚠ ", ("place", "places"))
                + ("<br>" + _listed([p.message for p in conventions], "", ("kink", "kinks")))
                * bool(conventions)
            )
            set_text_role(label, "error")
        elif conventions:
            label.setText(
                _listed([p.message for p in conventions], "", ("kink", "kinks"))
                + ".<br>✓ Everywhere else symbolic, reverse-mode and central-difference f′ agree."
            )
            set_text_role(label, "caution")
        else:
            checked, total = agreement.defined_count, agreement.x.size
            scope = (
                f"at all {total} points in view"
                if checked == total
                else f"wherever f′ exists ({checked} of {total} points in view)"
            )
            label.setText(f"✓ Symbolic, reverse-mode and central-difference f′ agree {scope}.")
            set_text_role(label, "ok")
        notes = agreement.note_messages
        self.undefined_label.setVisible(bool(notes))
        self.undefined_label.setText(
            _listed(notes, "", ("point where f′ is undefined", "points where f′ is undefined"))
        )
        self.undefined_label.setTextFormat(Qt.TextFormat.RichText)

    def show_secant_readout(
        self, secant: Secant | None, tangent: Tangent | None, note: str = ""
    ) -> None:
        if secant is None:
            self.secant_readout.setText("")
            return
        if not secant.defined:
            self.secant_readout.setText(f"No secant: {secant.reason}")
            return
        text = f"secant slope (f(x₀+h) − f(x₀))/h = {format_number(secant.slope, 8)}"
        if note:
            text += f"\nSecant {note}"
        if tangent is not None and tangent.differentiable:
            gap = abs(secant.slope - tangent.slope)
            text += f"\n→ f′(x₀) = {format_number(tangent.slope)}  (off by {format_number(gap, 2)})"
        self.secant_readout.setText(text)

    def show_band_readout(self, band: LinearBand, tangent: Tangent | None) -> None:
        if tangent is None or not tangent.differentiable:
            self.band_readout.setText("No tangent at x₀, so no linear approximation.")
        elif band.around_x0 is None:
            self.band_readout.setText("f leaves the band right next to x₀ in this view.")
        else:
            low, high = band.around_x0
            half = min(tangent.x0 - low, high - tangent.x0)
            # Grid-resolution numbers: three significant digits say all they know.
            self.band_readout.setText(
                f"|f − L| ≤ {format_number(band.epsilon)} for x in "
                f"[{format_number(low, 3)}, {format_number(high, 3)}]: "
                f"within ±{format_number(half, 3)} of x₀"
                if math.isfinite(half)
                else ""
            )


def _listed(messages: list[str], bullet: str, what: tuple[str, str], shown: int = 3) -> str:
    """The first ``shown`` messages as rich-text lines, then how many more there are, the noun
    agreeing (``what`` is its singular and plural: "1 more place", "2 more places")."""
    rest = len(messages) - shown
    more = f"<br>… and {counted(rest, f'more {what[0]}', f'more {what[1]}')}" if rest > 0 else ""
    return "<br>".join(f"{bullet}{html.escape(m)}" for m in messages[:shown]) + more


def build_layout(panel: QWidget, views: QWidget, side: SideColumn) -> QSplitter:
    """Plot tabs large on the left, the side column (scrollable) on the right."""
    scroll = QScrollArea()
    scroll.setObjectName("derivativeSide")
    scroll.setWidget(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(SIDE_WIDTH)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(views)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setCollapsible(0, False)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(splitter)
    return splitter
