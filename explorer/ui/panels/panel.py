"""The contract between a panel and the main window: a QWidget base with no-op defaults."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from explorer.ui.parameter_sliders import ParameterModel


class Panel(QWidget):
    """A tab of the main window. Override what the panel needs; the rest does nothing.

    ``export_target`` is the one method every panel must provide (File ▸ Export renders it).
    Set ``uses_expression = True`` when the panel plots the central f(x) input; the window then
    calls ``set_expression`` (only with a good expression, and only once the tab is shown).
    """

    uses_expression: ClassVar[bool] = False

    def export_target(self) -> Any:
        """What File ▸ Export and Copy Image render: a PlotView, a scene or a widget."""
        raise NotImplementedError(f"{type(self).__name__} must provide export_target()")

    def set_expression(self, expression: Any) -> None:
        """The central input parsed a new expression (a parsed ``Expression``)."""

    def set_worker(self, worker: Any) -> None:
        """The window's one symbolic worker bridge (``explorer.ui.worker_bridge``), or None."""

    def set_parameter_model(self, model: ParameterModel) -> None:
        """The window's one ``ParameterModel``: slider values shared by every panel."""

    def view_actions(self) -> list[QAction]:
        """Actions for the View menu while this panel is the current tab."""
        return []

    def state(self) -> object | None:
        """The panel's state dataclass (``explorer.core.panel_state``), None if it has none."""
        return None

    def set_state(self, state: Any) -> None:
        """Show ``state``: write every widget from it with signals blocked, then redraw."""

    def settle(self) -> str:
        """Wait until what ``set_state`` started is drawn (a program the panel runs in the
        worker); returns the problem that kept the state from showing, "" when it showed."""
        return ""

    def shutdown(self) -> None:
        """The window is closing: stop timers, cancel worker jobs."""

    def retranslate(self) -> None:
        """The language changed: write again the texts the panel builds itself (readouts,
        explanations). Texts bound with ``explorer.ui.i18n`` follow by themselves."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Write widgets from a state without their signals writing the state back (no echo)."""
    with ExitStack() as stack:
        for each in objects:
            stack.enter_context(QSignalBlocker(each))
        yield
