"""The panels shown as tabs in the main window, in order. Adding a panel is one line in PANELS.

The contract: a panel subclasses ``explorer.ui.panels.panel.Panel`` (a QWidget constructed with
no arguments or ``parent=``) and overrides what it needs; the window calls these, never probes:

- ``export_target()`` (required): what File ▸ Export and Copy Image render.
- ``uses_expression = True`` and ``set_expression(expression)``: the panel plots the central f(x)
  input; it is called only with a good expression, once the tab is shown (the panel keeps its
  last good state on errors). Panels with their own input leave it False: f(x) is greyed out.
- ``set_worker(worker)``: the window's one symbolic worker bridge, for heavy sympy jobs.
- ``set_parameter_model(model)``: the window's one ``ParameterModel`` (slider values shared
  by every panel, see ``explorer.ui.parameter_sliders``).
- ``view_actions() -> list[QAction]``: actions for the View menu while the panel is current.
- ``state()`` / ``set_state(state)``: the panel's state dataclass (below).
- ``shutdown()``: the window is closing.

State, napari's pattern (see ``explorer.core.panel_state`` and ``FunctionPanel`` /
``DerivativePanel``): what the user sets on a panel is one frozen dataclass in core,
``explorer/core/panel_state/<panel>.py`` (e.g. ``DerivativeState``: x₀, range, h, ε, toggles),
validated in ``__post_init__``. The panel holds it as ``self._state`` and draws from it, never
from widget values:

- widget → state: each control's signal replaces the state (``dataclasses.replace``) and
  redraws only what that field affects;
- state → widgets: ``set_state`` stores the state, writes every control inside
  ``signals_blocked(...)`` so nothing echoes back, then redraws everything.

A session file saves ``state_to_dict(panel.state())`` and restores with
``panel.set_state(state_from_dict(StateClass, data))``. Window-wide values (the f(x) text,
slider parameters) are not part of a panel's state.

Panels are imported when the window is built, by dotted path, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from explorer.ui.i18n import Context
from explorer.ui.panels.panel import Panel

# The tabs' names in the app's language; a PanelEntry's title stays the English key.
TAB_NAMES = Context("Tabs")


@dataclass(frozen=True)
class PanelEntry:
    title: str
    class_path: str  # "package.module:ClassName"

    def load(self) -> type[Panel]:
        module_name, _, class_name = self.class_path.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


PANELS: list[PanelEntry] = [
    PanelEntry(TAB_NAMES.mark("Function"), "explorer.ui.panels.function_panel:FunctionPanel"),
    PanelEntry(TAB_NAMES.mark("Derivative"), "explorer.ui.panels.derivative.panel:DerivativePanel"),
    PanelEntry(TAB_NAMES.mark("Integral"), "explorer.ui.panels.integral_panel:IntegralPanel"),
    PanelEntry(TAB_NAMES.mark("Graph"), "explorer.ui.panels.graph_panel:GraphPanel"),
    PanelEntry(TAB_NAMES.mark("Gradient"), "explorer.ui.panels.gradient_panel:GradientPanel"),
    PanelEntry(TAB_NAMES.mark("Descent"), "explorer.ui.panels.descent_panel:DescentPanel"),
]
