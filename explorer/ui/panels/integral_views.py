"""The Integral panel's convergence tabs: the n-doubling table (printed like the derivative
lab's h table) and the log-log error-vs-n plot with fitted slopes and the round-off floor.

Both draw what ``explorer.core.integral.convergence`` computes; the panel refreshes them only
while they are on screen.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from explorer.core.integral.convergence import ErrorVsN, TableRow
from explorer.core.integral.riemann import RULE_NAMES, RULES
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context, CoreText, core_text
from explorer.ui.plot import PALETTE, PlotView
from explorer.ui.plot_style import STYLE_CYCLE

T = Context("IntegralPanel")

_RULE_COLORS = dict(zip(RULES, (*PALETTE[:6], "#7f7f7f"), strict=True))
# Seven rules share a plot: besides its colour each has a line style and a marker (at each n).
_RULE_STYLES = dict(zip(RULES, (*STYLE_CYCLE, "dash", "dot"), strict=True))
_RULE_SYMBOLS = dict(zip(RULES, ("o", "s", "t", "d", "star", "t1", "x"), strict=True))


class TableView(QWidget):
    """``n=8, midpoint sum=0.33203, error=1.30e-03`` for n = 1, 2, 4, … 8192."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("integralTable")
        describe(
            self.text,
            T.lazy("Table of Riemann sums as n doubles"),
            T.lazy("The sum and its error for n = 1, 2, 4, … subintervals"),
        )
        self.text.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(10)
        self.text.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.summary)

    def show_rows(self, rule: str, rows: list[TableRow], caption: str, summary: str) -> None:
        self.caption.setText(caption)
        self.text.setPlainText("\n".join(row.text(rule) for row in rows))
        self.summary.setText(summary)

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()


class ErrorView(QWidget):
    """log-log |sum − ∫| against n for every rule, with the round-off floor and fitted slopes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = PlotView(self, x_label="subintervals n", y_label="|sum − ∫|")
        self.plot.setObjectName("integralErrorPlot")
        describe(
            self.plot.plot_widget,
            T.lazy("Log-log plot of each rule's error against n"),
            T.lazy(
                "The error of every Riemann rule as the number of subintervals grows, with fitted "
                "slopes and the round-off floor"
            ),
        )
        self.plot.plot_item.setLogMode(x=True, y=True)
        self.summary = QLabel()
        self.summary.setObjectName("integralErrorSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self.result: ErrorVsN | None = None

    def show_result(self, result: ErrorVsN | None, message: str = "") -> None:
        self.result = result
        if result is None:
            for key in self.plot.curve_keys():
                self.plot.set_curve(key, [], [])
            self.plot.set_message(
                CoreText(message)
                if message
                else T.lazy("No reference value to measure errors against")
            )
            self.summary.setText("")
            return
        self.plot.set_message(None)
        lows, highs = [], []
        for rule, found in result.rules.items():
            errors = np.array(found.errors, dtype=float)
            errors[~(errors > 0)] = np.nan  # a log axis cannot show an exact 0
            label = core_text(RULE_NAMES[rule]) + (T(" (exact)") if found.exact else "")
            # An exact rule has no error to draw: its markers would have nowhere to go.
            ns = result.ns if np.isfinite(errors).any() else []
            curve = self.plot.set_curve(
                rule,
                ns,
                errors if len(ns) else [],
                name=label,
                color=_RULE_COLORS[rule],
                width=2.0,
                style=_RULE_STYLES[rule],
            )
            curve.setSymbol(_RULE_SYMBOLS[rule])
            curve.setSymbolSize(8)
            curve.setSymbolBrush(_RULE_COLORS[rule])
            curve.setSymbolPen(_RULE_COLORS[rule])
            finite = errors[np.isfinite(errors)]
            if finite.size:
                lows.append(finite.min())
                highs.append(finite.max())
        self.plot.set_curve(
            "floor",
            result.ns,
            result.floor,
            name=T("round-off level"),
            color="#999999",
            width=1.4,
            style="dash",
        )
        low = min([*lows, float(result.floor.min())])
        high = max([*highs, float(result.floor.max())])
        self.plot.set_view_range(
            (-0.1, float(np.log10(result.ns[-1])) + 0.1),
            (float(np.log10(low)) - 0.5, float(np.log10(high)) + 0.5),
        )
        self.summary.setText("; ".join(found.verdict() for found in result.rules.values()))
