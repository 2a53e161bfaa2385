"""``explorer.autodiff.draw(y)``: the graph of a tensor as the Graph tab draws it, for Jupyter.

The picture is the app's own scene (values, gradients, the local partial on every edge, names
where the program named its tensors) rendered by Qt offscreen: no Graphviz, unlike micrograd's
``draw_dot`` or torchviz. Jupyter shows the returned object inline through ``_repr_svg_`` (and
``_repr_png_`` where SVG is not wanted); ``save`` writes a .png or .svg file.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QApplication

from explorer.core.graph.model import GraphModel, graph_from_tensor
from explorer.core.graph.stepper import Stepper
from explorer.ui import export
from explorer.ui.graph_view.export_layout import export_picture


class GraphDrawing:
    """A drawn graph: shown inline by Jupyter, or saved with ``save``."""

    def __init__(self, model: GraphModel):
        self.model = model
        stepper = Stepper(model)
        stepper.run_all()  # values and gradients, nothing highlighted
        self._state = dataclasses.replace(stepper.state, current_node=None, current_edges=())

    def _picture(self) -> Any:
        return export_picture(self.model, self._state)

    def _repr_svg_(self) -> str:
        picture = self._picture()
        return export.svg_bytes(picture.scene, picture.width, picture.height).decode("utf-8")

    def _repr_png_(self) -> bytes:
        picture = self._picture()
        image = export.render_image(picture.scene, picture.width, picture.height)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def save(self, path: str | os.PathLike[str]) -> str:
        """Write the picture as .png or .svg (by the name's suffix); returns the path."""
        picture = self._picture()
        return str(export.export_image(picture.scene, path, picture.width, picture.height))

    def __repr__(self) -> str:
        output = self.model.output
        return f"<graph of {output.symbol}: {len(self.model.nodes)} nodes>"


def draw_tensor(output: Any) -> GraphDrawing:
    """The drawing of the graph behind ``output`` (after ``backward`` it shows gradients)."""
    if QApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a notebook on a server
        QApplication([])
    return GraphDrawing(graph_from_tensor(output))
