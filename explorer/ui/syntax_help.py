"""Help ▸ Expression syntax: the searchable table of what f(x) may contain, from the one table.

The rows come from ``explorer.core.expr.reference`` (operators, constants and every function of
the table with an example and its derivative rule). One dialog per window: asking again raises
it, with the search box holding what was asked for (an unknown name from an error message).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.expr.reference import CATEGORIES, SyntaxEntry, syntax_entries
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context, core_text

T = Context("SyntaxHelpDialog")
COLUMNS = (T.mark("Write"), T.mark("Example"), T.mark("Derivative rule"), T.mark("Meaning"))
INTRO = T.mark(
    "Everything f(x) may contain. u stands for any expression (the chain rule brings in u′); "
    "an example can be copied into the input as it is."
)
# The rule column wraps past this width; Meaning takes the rest.
RULE_WIDTH = 330
PREFERRED_SIZE = QSize(1000, 660)


class SyntaxHelpDialog(QDialog):
    """A table of categories (numbers, operators, functions) with one row per entry, filtered by
    the search box (objectName ``syntaxSearch``) as you type."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syntaxHelp")
        T.window_title(self, "Expression syntax")
        self.search = QLineEdit()
        self.search.setObjectName("syntaxSearch")
        T.placeholder(self.search, "Search, e.g. log, power, sigmoid")
        describe(self.search, T.lazy("Search"), T.lazy("Search, e.g. log, power, sigmoid"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        intro = T.label(INTRO)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        # Tab leaves the table (the arrow keys move between its cells): no keyboard trap.
        self.table.setTabKeyNavigation(False)
        self.table.setObjectName("syntaxList")
        describe(
            self.table,
            T.lazy("Expression syntax"),
            T.lazy(INTRO),
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, RULE_WIDTH)
        header.setStretchLastSection(True)
        # Wrapped text needs its rows measured again whenever a column changes width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self._rows: list[tuple[int, SyntaxEntry]] = []
        self._headings: dict[str, int] = {}
        self._fill()
        self.no_match = T.label("Nothing matches; clear the search to see everything.")
        self.no_match.setObjectName("syntaxNoMatch")
        self.no_match.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())
        self._retranslate()

    def _fill(self) -> None:
        entries = syntax_entries()
        bold = self.table.font()
        bold.setBold(True)
        for category in CATEGORIES:
            row = self._append_row([""])
            self.table.setSpan(row, 0, 1, len(COLUMNS))
            self.table.item(row, 0).setFont(bold)
            self._headings[category] = row
            for entry in entries:
                if entry.category == category:
                    texts = [entry.write, entry.example, "", ""]
                    self._rows.append((self._append_row(texts), entry))

    def _retranslate(self) -> None:
        """The words of the table in the current language (the examples are the language's)."""
        self.table.setHorizontalHeaderLabels([T(column) for column in COLUMNS])
        for category, row in self._headings.items():
            self.table.item(row, 0).setText(core_text(category))
        for row, entry in self._rows:
            also = "\n" + T("also {names}", names=", ".join(entry.also)) if entry.also else ""
            self.table.item(row, 0).setText(entry.write + also)
            self.table.item(row, 2).setText(core_text(entry.derivative_rule))
            self.table.item(row, 3).setText(core_text(entry.meaning))
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _append_row(self, texts: list[str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def _fitting_size(self) -> QSize:
        # Wide enough for the rules, never larger than the screen it opens on.
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        return PREFERRED_SIZE.boundedTo(screen.availableGeometry().size())

    def filter(self, query: str) -> None:
        """Show the rows matching every word of ``query`` (and their categories' headings)."""
        shown_per_category = dict.fromkeys(self._headings, 0)
        for row, entry in self._rows:
            matches = entry.matches(query)
            self.table.setRowHidden(row, not matches)
            shown_per_category[entry.category] += matches
        for category, row in self._headings.items():
            self.table.setRowHidden(row, shown_per_category[category] == 0)
        self.no_match.setVisible(not any(shown_per_category.values()))

    def visible_entries(self) -> list[SyntaxEntry]:
        """The entries shown now, in order (for tests and for the search's feedback)."""
        return [entry for row, entry in self._rows if not self.table.isRowHidden(row)]

    def show_for(self, query: str = "") -> None:
        """Open (or raise) the dialog with ``query`` in the search box."""
        self.search.setText(query)
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)


def show_syntax_help(parent: QWidget, query: str = "") -> SyntaxHelpDialog:
    """The window's one syntax dialog, created on first use, shown with ``query`` searched."""
    window = parent.window()
    dialog = window.findChild(SyntaxHelpDialog, "syntaxHelp")
    if dialog is None:
        dialog = SyntaxHelpDialog(window)
    dialog.show_for(query)
    return dialog
