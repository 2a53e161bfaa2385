"""An edge label hides the edge behind it only where it has text: before both ends' values are
known its number line is empty and the edge shows through there; once the number is written,
the label's background covers it."""

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from explorer.core.graph.model import build_model
from explorer.core.graph.stepper import Stepper
from explorer.ui.graph_view.scene import GraphScene


def painted(label) -> QImage:
    """The label as painted now, on a transparent image with its rect's top left at (4, 4)."""
    rect = label.boundingRect()
    image = QImage(int(rect.width()) + 8, int(rect.height()) + 8, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(4 - rect.left(), 4 - rect.top())
    label.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_the_number_line_covers_the_edge_only_once_written(qtbot):
    model = build_model("u = w*x\nf = u^2", {"w": 3.0, "x": -2.0})
    stepper = Stepper(model)
    scene = GraphScene()
    scene.show_model(model)
    scene.apply_state(stepper.state)
    label = scene.labels[model.incoming(model.output_id)[0].index]
    assert not label.shows_number
    # In the label's left padding (no glyph there), halfway down the number's line; the image
    # has the bounding rect (the label's rect grown by 2) at (4, 4), the text 2 below its top.
    spot = (4 + 2 + 1, 4 + 2 + 2 + int(label.partial.height * 1.5))
    assert painted(label).pixelColor(*spot).alpha() == 0  # the edge behind shows
    stepper.run_all()
    scene.apply_state(stepper.state)
    assert label.shows_number
    assert painted(label).pixelColor(*spot).alpha() == 255  # covered by the label's background
