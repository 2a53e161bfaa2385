"""The Function tab: several curves with points of interest, shading by f′/f″, and a trace.

``panel`` is the tab itself, ``curve_list`` its list of curves, ``markers`` what it draws over
the curves. The numbers all come from ``explorer.core.analysis``.
"""

from __future__ import annotations

from explorer.ui.panels.function_panel.panel import FunctionPanel, format_bound, parse_bound

__all__ = ["FunctionPanel", "format_bound", "parse_bound"]
