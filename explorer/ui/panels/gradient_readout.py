"""The Gradient panel's numbers: f(P), the partials with their formulas, ∇f, |∇f|, the steepest
descent, D_u f(P), and the linear approximation against f(P + ε), as rows of plain labels.

Painted rows, not labels: a drag step rewrites every number, and labels whose text changes make
Qt lay the whole window out again on each step.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QStaticText
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.core.gradient.point import (
    LinearApproximation,
    PointAnalysis,
    directional_derivative,
)
from explorer.core.gradient.report import pair_text
from explorer.core.gradient.surface import Surface
from explorer.core.text import format_number
from explorer.ui import palette
from explorer.ui.appearance import current_theme
from explorer.ui.i18n import Context
from explorer.ui.palette import Theme, readable_text

T = Context("GradientPanel")

# (label, value, role): the role picks the colour (gradient, direction, error or plain).
Row = tuple[str, str, str]
# The gradient in the tangent's vermilion, the direction in blue, as their arrows on the map.
_ROLE_HUES = {"gradient": palette.VERMILION, "direction": palette.BLUE}


def role_colour(role: str, theme: Theme) -> str:
    """A row's text colour in ``theme``: its arrow's hue, made readable (4.5:1) on the window."""
    if role == "error":
        return theme.error
    hue = _ROLE_HUES.get(role)
    return readable_text(hue, theme) if hue else theme.foreground


@lru_cache(maxsize=32)
def _role_qcolour(role: str, theme: Theme) -> QColor:
    # Painted on every drag step: the contrast search runs once per role and theme.
    return QColor(role_colour(role, theme))


def point_rows(surface: Surface | None, analysis: PointAnalysis | None, theta: float) -> list[Row]:
    """Every number about P, from the core's analysis (formulas from the steps engine)."""
    if surface is None or analysis is None:
        return []
    rows: list[Row] = [("P =", pair_text(analysis.x, analysis.y), "")]
    if not analysis.defined:
        return rows + [
            ("f(P):", T("f is undefined here: drag P into the coloured region"), "error")
        ]
    formulas = surface.partial_formulas
    rows += [
        ("f(P) =", format_number(analysis.value), ""),
        ("∂f/∂x =", f"{formulas['x']} = {format_number(analysis.df_dx)}", ""),
        ("∂f/∂y =", f"{formulas['y']} = {format_number(analysis.df_dy)}", ""),
        ("∇f(P) =", pair_text(*analysis.gradient), "gradient"),
        ("|∇f(P)| =", format_number(analysis.norm), "gradient"),
    ]
    descent = analysis.steepest_descent
    if descent is None:
        rows.append(("∇f(P) = 0:", T("P is a critical point, no uphill direction"), ""))
    else:
        rows.append(("−∇f/|∇f| =", T("{pair}  (steepest descent)", pair=pair_text(*descent)), ""))
    degrees = format_number(math.degrees(theta) % 360, 4)
    u = pair_text(math.cos(theta), math.sin(theta))
    d_u = format_number(directional_derivative(analysis, theta))
    rows.append(("Dᵤ f(P) =", f"∇f·u = {d_u}  (θ = {degrees}°, u = {u})", "direction"))
    return rows


def linear_rows(linear: LinearApproximation | None) -> list[Row]:
    """L = f(P) + ε·∇f(P) against f(P + ε), then the seed's printed line."""
    if linear is None:
        return [("", T("No linear approximation where f is undefined."), "error")]
    return [
        ("L =", format_number(linear.approximation), ""),
        (
            "f(P + ε) =",
            f"{format_number(linear.true_value)}  (f(P + ε) − L = "
            f"{format_number(linear.difference, 3)})",
            "",
        ),  # fmt: skip
        (T("seed:"), linear.seed_text(), ""),
    ]


class ReadoutTable(QWidget):
    """Rows of "label  value" painted directly: updating the numbers on a drag step repaints
    this widget only (labels whose text changes would make Qt lay out the whole window again).

    A value too long for the column is elided; the tooltip and "Copy" (context menu) have all
    of it.
    """

    def __init__(self, name: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._tooltip = tooltip
        self._rows: list[Row] = []
        # The labels' column width for (labels, font): the labels stay while the numbers change.
        self._label_width: tuple[tuple[tuple[str, ...], str], int] | None = None
        self._static_texts: dict[tuple[str, str], QStaticText] = {}
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Opaque: repainting the rows on a drag step then repaints this widget alone, not the
        # side column, the tab pages and the window beneath it.
        self.setAutoFillBackground(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = T.action(self, "Copy")
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        self.addAction(copy)

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        before = self._rows
        self._rows = list(rows)
        self.setToolTip(f"{self.text()}\n\n{self._tooltip}" if rows else self._tooltip)
        if len(rows) != len(before):
            self.setFixedHeight(self._height())
            self.update()
        elif all(a[0] == b[0] and a[2] == b[2] for a, b in zip(before, rows, strict=True)):
            # The same labels in the same colours (a drag step rewrites the numbers): only the
            # values' column is painted again; the labels keep their pixels.
            left = self._value_left(self.fontMetrics())
            self.update(QRect(left, 0, self.width() - left, self.height()))
        else:
            self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # A larger text size (Ctrl+=, presentation mode) needs taller rows, or the last are cut.
        if event.type() == QEvent.Type.FontChange and self._rows:
            self.setFixedHeight(self._height())
        super().changeEvent(event)

    def _line_height(self) -> int:
        return self.fontMetrics().lineSpacing() + 2

    def _height(self) -> int:
        return max(1, len(self._rows)) * self._line_height() + 2

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(300, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        metrics = self.fontMetrics()
        line = self._line_height()
        value_left = self._value_left(metrics)
        value_width = max(10, self.width() - value_left - 2)
        theme = current_theme()
        font = self.font().key()
        labels = event.rect().left() < value_left  # only the values, on a drag step
        for index, (label, value, role) in enumerate(self._rows):
            painter.setPen(_role_qcolour(role, theme))
            baseline = index * line + metrics.ascent() + 1
            if labels:
                # The labels stay while a drag rewrites the numbers: laid out once.
                painter.drawStaticText(0, baseline - metrics.ascent(), self._static(label, font))
            shown = metrics.elidedText(value, Qt.TextElideMode.ElideRight, value_width)
            painter.drawText(value_left, baseline, shown)
        painter.end()

    def _static(self, text: str, font: str) -> QStaticText:
        key = (text, font)
        static = self._static_texts.get(key)
        if static is None:
            static = self._static_texts[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
        return static

    def _value_left(self, metrics) -> int:
        """Where the values' column starts: after the widest label and a gap."""
        label_width = self._labels_width(metrics)
        return label_width + 10 if label_width else 0

    def _labels_width(self, metrics) -> int:
        key = (tuple(row[0] for row in self._rows), self.font().key())
        if self._label_width is None or self._label_width[0] != key:
            width = max((metrics.horizontalAdvance(label) for label in key[0]), default=0)
            self._label_width = (key, width)
        return self._label_width[1]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def text(self) -> str:
        """Every row as "label value" lines (what a learner would copy)."""
        return "\n".join(f"{name} {value}".strip() for name, value, _ in self._rows)
