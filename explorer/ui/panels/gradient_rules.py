"""The Gradient panel's "Vector rules" tab: the seed's five rules computed on the autodiff core
beside their formulas, for a seeded random A and x of the sizes the learner picks."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.gradient.vector_rules import MAX_SIZE, VectorRuleCheck, check_vector_rules
from explorer.core.text import format_number, typographic_minus
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context
from explorer.ui.panels.panel import signals_blocked

T = Context("GradientPanel")

COLUMNS = (
    T.mark("Rule"),
    T.mark("Random inputs"),
    T.mark("Autodiff (reverse mode)"),
    T.mark("Formula"),
    T.mark("Largest difference"),
)


def matrix_text(values: np.ndarray) -> str:
    """A vector or matrix as rows of numbers to 4 decimals, columns aligned."""
    rows = np.atleast_2d(values) if values.ndim == 2 else values.reshape(-1, 1)
    cells = [[typographic_minus(f"{v:.4f}") for v in row] for row in rows]
    width = max(len(cell) for row in cells for cell in row)
    return "\n".join("  ".join(cell.rjust(width) for cell in row) for row in cells)


class VectorRulesView(QWidget):
    """Sizes and seed on top, one table row per rule."""

    settings_changed = Signal(int, int, int)  # n, m, seed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientVectorRules")
        self.n_input = self._spin("gradientRuleN", 1, MAX_SIZE, T.mark("n: the length of x"))
        self.m_input = self._spin("gradientRuleM", 1, MAX_SIZE, T.mark("m: the other side of A"))
        self.seed_input = self._spin(
            "gradientRuleSeed", 0, 2**31 - 1, T.mark("The random seed of A, x")
        )
        describe(self.n_input, T.lazy("Length n of x"))
        describe(self.m_input, T.lazy("Size m of A's other side"))
        describe(self.seed_input, T.lazy("Random seed of A and x"))
        intro = T.label(
            "Each gradient below is taken by reverse mode on the autodiff core (one backward pass "
            "per output for a vector-valued function: column j is ∇ of output j) and set beside "
            "the seed's formula, for a random A and x."
        )
        intro.setWordWrap(True)
        controls = QHBoxLayout()
        for text, widget in (("x ∈ ℝⁿ, n =", self.n_input), ("m =", self.m_input)):
            controls.addWidget(QLabel(text))
            controls.addWidget(widget)
        controls.addWidget(T.label("random seed"))
        controls.addWidget(self.seed_input)
        controls.addStretch(1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("gradientRulesTable")
        self.table.setHorizontalHeaderLabels([T(column) for column in COLUMNS])
        # Tab leaves the table (the arrow keys move between its cells): no keyboard trap.
        self.table.setTabKeyNavigation(False)
        describe(
            self.table,
            T.lazy("Table of the vector gradient rules"),
            T.lazy("Each rule's gradient from reverse mode beside the seed's formula"),
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        font = self.table.font()
        font.setFamily("monospace")
        self.table.setFont(font)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        self.checks: list[VectorRuleCheck] = []

    def _spin(self, name: str, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        i18n.bind(spin, "setToolTip", T.lazy(tip))
        spin.valueChanged.connect(self._on_changed)
        return spin

    def _on_changed(self, _value: int) -> None:
        self.settings_changed.emit(
            self.n_input.value(), self.m_input.value(), self.seed_input.value()
        )

    def show_rules(self, n: int, m: int, seed: int) -> None:
        with signals_blocked(self.n_input, self.m_input, self.seed_input):
            self.n_input.setValue(n)
            self.m_input.setValue(m)
            self.seed_input.setValue(seed)
        self.checks = check_vector_rules(n, m, seed)
        self.table.setRowCount(len(self.checks))
        for row, check in enumerate(self.checks):
            inputs = "\n".join(f"{name} =\n{matrix_text(value)}" for name, value in check.inputs)
            cells = (
                f"{check.rule}\n{check.shapes}",
                inputs,
                matrix_text(check.autodiff),
                matrix_text(check.formula),
                format_number(check.max_difference, 3),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(html.escape(text))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
