"""The panels shown as tabs in the main window, in order. Adding a panel is one line in PANELS.

A panel is a QWidget constructed with no arguments (or ``parent=``) that provides
``export_target()`` (what File ▸ Export renders). It may also provide, and the main window then
calls:

- ``set_expression(expression)``: the central input parsed a new expression (never called with a
  bad one; the panel keeps its last good state on errors).
- ``set_worker(worker)``: the window's one symbolic worker bridge, for heavy sympy jobs.
- ``set_parameter_model(model)``: the window's one ``ParameterModel`` (slider values shared
  by every panel, see ``explorer.ui.parameter_sliders``).
- ``view_actions() -> list[QAction]``: actions for the View menu while the panel is current.
- ``shutdown()``: the window is closing.

Panels are imported when the window is built, by dotted path, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PanelEntry:
    title: str
    class_path: str  # "package.module:ClassName"

    def load(self) -> type[QWidget]:
        module_name, _, class_name = self.class_path.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


PANELS: list[PanelEntry] = [
    PanelEntry("Function", "explorer.ui.panels.function_panel:FunctionPanel"),
    PanelEntry("Derivative", "explorer.ui.panels.derivative_panel:DerivativePanel"),
    PanelEntry("Graph", "explorer.ui.panels.graph_panel:GraphPanel"),
]
