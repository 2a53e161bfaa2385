"""The graph panel's "Show: every operation / named steps only" toggle.

Named steps (inputs and named definitions, edges carrying single-step partials, the seed's own
picture) is the default for a program of named definitions; a bare expression defaults to every
operation. Once the user picks one, the pick holds for later edits until a preset is loaded.
Python programs are traced op by op, so there the toggle is disabled on "every operation".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.i18n import Context

T = Context("GraphPanel")

_TIP = T.mark(
    "Every operation: one card per +, ·, ^, function, as the autodiff core records them.\n"
    "Named steps only: the inputs and your named definitions; each edge carries the "
    "single-step partial ∂definition/∂name, as the seed's chain-rule example draws it."
)
_PYTHON_TIP = T.mark(
    "Python programs are traced operation by operation on the autodiff core: there are no "
    "named definitions to group them into, so only every operation can be shown."
)


class ViewChoice(QComboBox):
    """Which graph to draw; ``chosen_changed`` fires when the user picks one."""

    chosen_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("graphViewChoice")
        self.addItem("", NAMED_STEPS)
        self.addItem("", OPERATIONS)
        T.bind_item(self, 0, "named steps only")
        T.bind_item(self, 1, "every operation")
        i18n.bind(self, "setToolTip", T.lazy(_TIP))
        describe(self, T.lazy("Cards drawn"))
        self.chosen: str | None = None  # the user's pick; None follows the program's default
        self.activated.connect(self._on_activated)

    def _on_activated(self, _index: int) -> None:
        self.chosen = self.currentData()
        self.chosen_changed.emit()

    def choose(self, view: str) -> None:
        """Pick ``view`` as the user would, without signalling (the caller redraws)."""
        self.chosen = view
        self._show(view)

    def show_without_choosing(self, view: str) -> None:
        """Show ``view`` for one drawing (a sandbox demo) but keep the user's pick for the next
        build."""
        self._show(view)

    def forget_choice(self) -> None:
        self.chosen = None

    def view_for(self, *, python: bool, named_definitions: bool) -> str:
        """The view to build now, shown in the combo (disabled with a reason for Python)."""
        self.setEnabled(not python)
        i18n.bind(self, "setToolTip", T.lazy(_PYTHON_TIP if python else _TIP))
        if python:
            view = OPERATIONS
        elif self.chosen is not None:
            view = self.chosen
        else:
            view = NAMED_STEPS if named_definitions else OPERATIONS
        self._show(view)
        return view

    def _show(self, view: str) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(view)))
        self.blockSignals(False)
