"""Marks drawn for the person at the screen (the crosshair, a focus ring), never in an export.

``explorer.ui.export_scene`` calls ``export_mode(exporting, scale)`` on every item that has one
around a render; the plot component gives such marks a ``HiddenInExport`` as that method, so it
needs nothing from the export modules (tests/core/test_import_graph.py keeps it so).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem


class HiddenInExport:
    """An item's ``export_mode``: hidden while a render runs, shown again after if it was."""

    def __init__(self, item: QGraphicsItem) -> None:
        self._item = item
        self._shown_before = False

    def __call__(self, exporting: bool, _scale: float) -> None:
        if exporting:
            self._shown_before = self._item.isVisible()
            self._item.setVisible(False)
        elif self._shown_before:
            self._item.setVisible(True)
