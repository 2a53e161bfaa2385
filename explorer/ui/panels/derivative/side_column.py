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
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import set_text_role
from explorer.ui.i18n import Context, CoreText, Deferred, Joined, core_text
from explorer.ui.panels.derivative.controls import LogHSlider, StepsPane
from explorer.ui.panels.derivative.x0_input import ExpressionSpinBox
from explorer.ui.parameter_sliders import ParameterSliders

T = Context("DerivativePanel")

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
        check_box = T.title(QGroupBox(), "Three derivatives")
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
        box = T.title(QGroupBox(), "Derivative")
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
        self.show_second = T.text(QCheckBox(), "Also plot f″")
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
        box = T.title(QGroupBox(), "Tangent at x₀ (drag the point on the curve)")
        self.x0_input = ExpressionSpinBox()
        self.x0_input.setObjectName("tangentPointInput")
        describe(self.x0_input, T.lazy("Tangent point x₀"))
        self.x0_input.setRange(-X0_LIMIT, X0_LIMIT)
        self.x0_input.setSingleStep(0.1)
        self.x0_input.setKeyboardTracking(False)
        T.tip(
            self.x0_input,
            "The point x₀ where the tangent touches f: a number or e.g. pi/2, 1e-3, -2pi",
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
        if problem:
            T.text(
                self.x0_error,
                "Cannot read x₀: {problem} (x₀ stays as it was)",
                problem=CoreText(problem),
            )
        else:
            i18n.bind(self.x0_error, "setText", "")
        self.x0_error.setVisible(bool(problem))

    def _secant_box(self) -> QGroupBox:
        box = T.title(QGroupBox(), "Secant → tangent")
        self.show_secant = T.text(QCheckBox(), "Show the secant through x₀ and x₀ + h")
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
        box = T.title(QGroupBox(), "Linear approximation f(x₀+ε) ≈ f(x₀) + ε·f′(x₀)")
        self.show_band = T.text(QCheckBox(), "Shade where |f(x) − L(x)| ≤")
        describe(self.show_band, T.lazy("Shade where |f(x) − L(x)| ≤ ε"))
        self.show_band.setObjectName("showBand")
        self.epsilon_input = QDoubleSpinBox()
        self.epsilon_input.setObjectName("epsilonInput")
        describe(
            self.epsilon_input,
            T.lazy("Tolerance ε of the linear approximation"),
            T.lazy("The band is shaded where f differs from the tangent line by at most ε"),
        )
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
            T.text(self.tangent_equation, "Tangent: {equation}", equation=tangent.equation)
            set_text_role(self.tangent_equation, "", "font-weight: bold;")
            T.text(
                self.tangent_slope,
                "slope f′({x}) = {slope},  f({x}) = {y};  {point_slope}",
                x=point,
                slope=format_number(tangent.slope),
                y=format_number(tangent.y0),
                point_slope=tangent.point_slope,
            )
        elif not math.isfinite(tangent.y0):
            T.text(self.tangent_equation, "f is not defined at x₀ = {x}", x=point)
            set_text_role(self.tangent_equation, "error", "font-weight: bold;")
            T.text(
                self.tangent_slope,
                "{reason}, so there is no tangent there",
                reason=CoreText(tangent.reason),
            )
        else:
            T.text(self.tangent_equation, "Not differentiable at x₀ = {x}", x=point)
            set_text_role(self.tangent_equation, "error", "font-weight: bold;")
            i18n.bind(self.tangent_slope, "setText", CoreText(tangent.reason))
        symbolic, reverse, central = three
        set_text_role(self.three_at_x0, "caution" if tangent.convention_note else "muted")
        if not math.isfinite(tangent.y0):
            T.text(
                self.three_at_x0, "f′({x}): none of the three exists (f is not defined)", x=point
            )
            return
        text = T.lazy(
            "f′({x}): symbolic {symbolic} · reverse mode {reverse} · central difference {central}",
            x=point,
            symbolic=format_number(symbolic),
            reverse=format_number(reverse),
            central=format_number(central),
        )
        if tangent.convention_note:
            text = Joined([text, "\n⚠ ", CoreText(tangent.convention_note)])
        i18n.bind(self.three_at_x0, "setText", text)

    def show_agreement(self, agreement: Agreement) -> None:
        """The three-way check in words: a green tick, kinks where f′ does not exist but all
        three report one convention value (said as that, not as a disagreement), or the places
        where they really differ (red); then, in grey, where f′ is undefined (poles, holes)."""
        label = self.agreement_label
        conflicts, conventions = agreement.conflicts, agreement.conventions
        if conflicts:
            parts = [
                "<b>",
                T.lazy("The three derivatives do not all agree:"),
                "</b><br>",
                Deferred(lambda: _listed([p.message for p in conflicts], "⚠ ", PLACES)),
            ]
            if conventions:
                messages = [p.message for p in conventions]
                parts += ["<br>", Deferred(lambda: _listed(messages, "", KINKS))]
            i18n.bind(label, "setText", Joined(parts))
            set_text_role(label, "error")
        elif conventions:
            messages = [p.message for p in conventions]
            i18n.bind(
                label,
                "setText",
                Joined(
                    [
                        Deferred(lambda: _listed(messages, "", KINKS)),
                        ".<br>✓ ",
                        T.lazy(
                            "Everywhere else symbolic, reverse-mode and central-difference f′ "
                            "agree."
                        ),
                    ]
                ),
            )
            set_text_role(label, "caution")
        else:
            checked, total = agreement.defined_count, agreement.x.size
            if checked == total:
                T.text(
                    label,
                    "✓ Symbolic, reverse-mode and central-difference f′ agree at all {total} "
                    "points in view.",
                    total=total,
                )
            else:
                T.text(
                    label,
                    "✓ Symbolic, reverse-mode and central-difference f′ agree wherever f′ exists "
                    "({checked} of {total} points in view).",
                    checked=checked,
                    total=total,
                )
            set_text_role(label, "ok")
        notes = agreement.note_messages
        self.undefined_label.setVisible(bool(notes))
        i18n.bind(self.undefined_label, "setText", Deferred(lambda: _listed(notes, "", UNDEFINED)))
        self.undefined_label.setTextFormat(Qt.TextFormat.RichText)

    def show_secant_readout(
        self, secant: Secant | None, tangent: Tangent | None, note: str = ""
    ) -> None:
        if secant is None:
            i18n.bind(self.secant_readout, "setText", "")
            return
        if not secant.defined:
            T.text(self.secant_readout, "No secant: {reason}", reason=CoreText(secant.reason))
            return
        slope = format_number(secant.slope, 8)
        parts: list = [T.lazy("secant slope (f(x₀+h) − f(x₀))/h = {slope}", slope=slope)]
        if note:
            parts += ["\n", T.lazy("Secant {note}", note=CoreText(note))]
        if tangent is not None and tangent.differentiable:
            gap = abs(secant.slope - tangent.slope)
            parts += [
                "\n",
                T.lazy(
                    "→ f′(x₀) = {slope}  (off by {gap})",
                    slope=format_number(tangent.slope),
                    gap=format_number(gap, 2),
                ),
            ]
        i18n.bind(self.secant_readout, "setText", Joined(parts))

    def show_band_readout(self, band: LinearBand, tangent: Tangent | None) -> None:
        if tangent is None or not tangent.differentiable:
            T.text(self.band_readout, "No tangent at x₀, so no linear approximation.")
        elif band.around_x0 is None:
            T.text(self.band_readout, "f leaves the band right next to x₀ in this view.")
        else:
            low, high = band.around_x0
            half = min(tangent.x0 - low, high - tangent.x0)
            # Grid-resolution numbers: three significant digits say all they know.
            if math.isfinite(half):
                T.text(
                    self.band_readout,
                    "|f − L| ≤ {epsilon} for x in [{low}, {high}]: within ±{half} of x₀",
                    epsilon=format_number(band.epsilon),
                    low=format_number(low, 3),
                    high=format_number(high, 3),
                    half=format_number(half, 3),
                )
            else:
                i18n.bind(self.band_readout, "setText", "")


def _listed(messages: list[str], bullet: str, what: tuple[str, str], shown: int = 3) -> str:
    """The first ``shown`` messages as rich-text lines, then how many more there are, the noun
    agreeing (``what`` is its singular and plural: "1 more place", "2 more places")."""
    rest = len(messages) - shown
    more = ""
    if rest > 0:
        more = "<br>" + T("… and {count}", count=counted(rest, T(what[0]), T(what[1])))
    return "<br>".join(f"{bullet}{html.escape(core_text(m))}" for m in messages[:shown]) + more


PLACES = (T.mark("more place"), T.mark("more places"))
KINKS = (T.mark("more kink"), T.mark("more kinks"))
UNDEFINED = (
    T.mark("more point where f′ is undefined"),
    T.mark("more points where f′ is undefined"),
)


def build_layout(panel: QWidget, views: QWidget, side: SideColumn) -> QSplitter:
    """Plot tabs large on the left, the side column (scrollable) on the right."""
    scroll = QScrollArea()
    scroll.setObjectName("derivativeSide")
    # Not a tab stop of its own: it scrolls to whichever of its controls has the focus.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
