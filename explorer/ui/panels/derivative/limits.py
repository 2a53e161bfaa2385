"""The h → 0 views of the Derivative panel: the difference-quotient table and the error-vs-h plot.

Both draw what ``explorer.core.derivative`` computes (``limit_table``, ``seed_limit_rows``,
``error_vs_h``); they are refreshed only while visible, so dragging x₀ on the main plot stays
cheap.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.derivative import ErrorVsH, LimitRow, error_vs_h, limit_table
from explorer.core.derivative.difference import (
    format_seed_row,
    seed_limit_rows,
    seed_rounding_note,
)
from explorer.core.derivative.model import PreparedFunction
from explorer.core.text import format_number, superscript, typographic_minus
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context
from explorer.ui.plot import PALETTE, PlotView

T = Context("DerivativePanel")

PRECISIONS = {"float64": np.float64, "float32": np.float32}
_TABLE_HEADERS = (
    "h",
    T.mark("forward quotient"),
    "|forward − f′|",
    T.mark("central quotient"),
    "|central − f′|",
)


def _monospace() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(10)
    return font


def _h_text(h: float) -> str:
    exponent = round(-math.log10(h))
    return (
        f"10⁻{superscript(exponent)}" if math.isclose(h, 10.0**-exponent) else format_number(h, 3)
    )


def _quotient_text(value: float) -> str:
    """Ten decimals (the digits that settle as h shrinks line up), but a huge quotient (1/x at
    0) to 7 significant digits: the rest are noise."""
    if math.isfinite(value) and abs(value) >= 1e6:
        return format_number(value, 7)
    return typographic_minus(f"{value:.10f}")


def _error_text(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return format_number(value, 3)


class LimitTableView(QWidget):
    """The seed's printout (``h=0.00010, numerical limit=2.00030``) and the full h table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.seed_lines = QLabel()
        self.seed_lines.setObjectName("seedLines")
        self.seed_lines.setFont(_monospace())
        self.seed_lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(_TABLE_HEADERS))
        self.table.setObjectName("limitTable")
        self.table.setHorizontalHeaderLabels([T(header) for header in _TABLE_HEADERS])
        # Tab leaves the table (the arrow keys move between its cells): no keyboard trap.
        self.table.setTabKeyNavigation(False)
        describe(
            self.table,
            T.lazy("Table of difference quotients as h → 0"),
            T.lazy(
                "Forward and central difference quotients at x₀ and their errors, one row per h"
            ),
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFont(_monospace())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.exact_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.seed_lines)
        layout.addWidget(self.exact_label)
        layout.addWidget(self.table, 1)
        self.rows: list[LimitRow] = []

    def show_function(self, function: PreparedFunction, x0: float, exact: float | None) -> None:
        """Fill the table and the seed's lines for f at ``x0`` (``exact`` = f′(x₀) or None)."""
        point = format_number(x0)
        self.table.setHorizontalHeaderLabels([T(header) for header in _TABLE_HEADERS])
        self.caption.setText(
            T(
                "The seed's loop at x = {x}: h = 0.0001, print (f(x+h) − f(x))/h, then h *= 0.1",
                x=point,
            )
        )
        seed = seed_limit_rows(function.f, x0)
        note = seed_rounding_note([h for h, _value in seed])
        self.seed_lines.setText(
            "\n".join(
                [*(format_seed_row(h, value) for h, value in seed), *([note] if note else [])]
            )
        )
        self.exact_label.setText(
            T(
                "Exact derivative f′({x}) = {exact} — the quotients should approach it, until "
                "round-off takes over for tiny h",
                x=point,
                exact=format_number(exact),
            )
            if exact is not None
            else T("f′({x}) does not exist: the quotients need not settle", x=point)
        )
        self.rows = limit_table(function.f, x0, exact)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (
                _h_text(row.h),
                _quotient_text(row.forward),
                _error_text(row.forward_error),
                _quotient_text(row.central),
                _error_text(row.central_error),
            )
            for column, text in enumerate(cells):
                item = self.table.item(index, column)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    self.table.setItem(index, column, item)
                item.setText(text)


class ErrorView(QWidget):
    """log-log |forward − f′(x₀)| and |central − f′(x₀)| against h, with O(h), O(h²) and best h."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = PlotView(self, x_label=T("step h"), y_label="|quotient − f′(x₀)|")
        self.plot.setObjectName("errorPlot")
        describe(
            self.plot.plot_widget,
            T.lazy("Log-log plot of the quotients' error against h"),
            T.lazy("Forward (O(h)) and central (O(h²)) difference errors; a star marks the best h"),
        )
        self.plot.plot_item.setLogMode(x=True, y=True)
        # Bottom left is where the error curves never go (small h, small error).
        self.plot.legend.setOffset((10, -10))
        self.precision_switch = QComboBox()
        self.precision_switch.setObjectName("precisionSwitch")
        describe(self.precision_switch, T.lazy("Precision"))
        self.precision_switch.addItems(list(PRECISIONS))
        T.tip(
            self.precision_switch,
            "Compute f and the quotients in float64 or float32: round-off starts much earlier "
            "in float32",
        )
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.best_marks = pg.PlotDataItem(
            [], [], pen=None, symbol="star", symbolSize=16, symbolBrush=pg.mkBrush(PALETTE[6])
        )
        self.best_marks.setZValue(10)
        self.plot.add_item(self.best_marks)
        row = QHBoxLayout()
        row.addWidget(T.label("Precision:"))
        row.addWidget(self.precision_switch)
        row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.plot, 1)
        self.result: ErrorVsH | None = None

    def dtype(self) -> type:
        return PRECISIONS[self.precision_switch.currentText()]

    def show_function(self, function: PreparedFunction, x0: float, exact: float | None) -> None:
        """Plot the errors of both quotients at ``x0``; without f′(x₀) there is nothing to plot."""
        if exact is None:
            self.result = None
            for key in ("forward", "central", "order1", "order2"):
                self.plot.set_curve(key, [], [])
            self.best_marks.setData([], [])
            self.plot.set_message(
                T.lazy("f′({x}) does not exist: no error to plot", x=format_number(x0))
            )
            self.summary.setText("")
            return
        dtype = self.dtype()
        result = error_vs_h(function.function(dtype), x0, exact, dtype)
        self.result = result
        self.plot.set_message(None)
        forward = _positive(result.forward_error)
        central = _positive(result.central_error)
        self.plot.set_curve(
            "forward", result.h, forward, name="|forward − f′|", color=PALETTE[0], width=2.2
        )
        self.plot.set_curve(
            "central",
            result.h,
            central,
            name="|central − f′|",
            color=PALETTE[1],
            width=2.2,
            style="dashdot",  # told from the forward quotient's solid line without colour
        )
        self._reference_slopes(result, forward, central)
        self._best_points(result, forward, central)
        self.plot.set_view_range((-16.5, 0.3), _log_y_range(forward, central))

    def _reference_slopes(self, result: ErrorVsH, forward: np.ndarray, central: np.ndarray) -> None:
        """Dashed O(h) and dotted O(h²) guides."""
        # Both guides start from the larger error at h = 0.1, so they show the two slopes side by
        # side even where the central quotient is exact (a quadratic's truncation error is 0).
        h = result.h
        anchor = int(np.argmin(np.abs(np.log10(h) + 1.0)))
        level = np.nanmax([forward[anchor], central[anchor], 1e-300])
        for key, order, name in (("order1", 1, T("O(h) slope")), ("order2", 2, T("O(h²) slope"))):
            guide = level * (h / h[anchor]) ** order
            style = "dash" if order == 1 else "dot"
            self.plot.set_curve(key, h, guide, name=name, color="#777777", width=1.4, style=style)

    def _best_points(self, result: ErrorVsH, forward: np.ndarray, central: np.ndarray) -> None:
        xs, ys = [], []
        for best, errors, exact in (
            (result.best_h_forward, forward, result.forward_exact),
            (result.best_h_central, central, result.central_exact),
        ):
            if math.isfinite(best) and not exact:
                index = int(np.argmin(np.abs(result.h - best)))
                if np.isfinite(errors[index]):
                    xs.append(best)
                    ys.append(errors[index])
        self.best_marks.setData(xs, ys)
        self.summary.setText(error_summary(result))


_CAPITALIZED = {"forward": T.mark("Forward"), "central": T.mark("Central")}


def error_summary(result: ErrorVsH) -> str:
    """The error-vs-h findings in words; an exact quotient is said to be exact (its "best h"
    and fitted slope would only describe round-off noise)."""
    parts = [f"{result.dtype}:"]
    for name, exact, best, theory, symbol, slope, order in (
        (
            T.mark("forward"),
            result.forward_exact,
            result.best_h_forward,
            result.theoretical_best_forward,
            "√ε",
            result.forward_slope,
            "h",
        ),
        (
            T.mark("central"),
            result.central_exact,
            result.best_h_central,
            result.theoretical_best_central,
            "∛ε",
            result.central_slope,
            "h²",
        ),
    ):
        if exact:
            parts.append(
                T(
                    "The {name} difference is exact for this f (error at round-off level for "
                    "every h).",
                    name=T(name),
                )
            )
            continue
        roundoff = math.isfinite(best) and best > 1.5 * float(result.h.min())
        template = (
            T.mark(
                "{Name}: best h {best} (theory {symbol} ≈ {theory}), fitted slope {slope} "
                "(error ∝ {order}, until round-off ∝ ε/h takes over on the left)."
            )
            if roundoff
            else T.mark(
                "{Name}: best h {best} (theory {symbol} ≈ {theory}), fitted slope {slope} "
                "(error ∝ {order})."
            )
        )
        parts.append(
            T(
                template,
                Name=T(_CAPITALIZED[name]),
                best=_h_short(best),
                symbol=symbol,
                theory=_h_short(theory),
                slope=_slope(slope),
                order=order,
            )
        )
    return " ".join(parts)


def _positive(errors: np.ndarray) -> np.ndarray:
    # A log axis cannot show an exact 0 (the quotient hit f′ exactly): leave a gap there.
    values = np.array(errors, dtype=float)
    values[~(values > 0)] = np.nan
    return values


def _log_y_range(*arrays: np.ndarray) -> tuple[float, float]:
    finite = np.concatenate([a[np.isfinite(a)] for a in arrays])
    if finite.size == 0:
        return (-16.0, 1.0)
    low, high = np.log10(finite.min()), np.log10(finite.max())
    return (max(low, -20.0) - 0.5, high + 0.5)


def _h_short(h: float) -> str:
    return "—" if not math.isfinite(h) else format_number(h, 2)


def _slope(value: float) -> str:
    return "—" if not math.isfinite(value) else typographic_minus(f"{value:.2f}")
