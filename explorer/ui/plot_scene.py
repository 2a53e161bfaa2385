"""A plot's pyqtgraph scene, made cheaper to drag in: no hover search while a drag is under way."""

from __future__ import annotations

import pyqtgraph as pg


def skip_hover_search_while_dragging(scene: pg.GraphicsScene) -> None:
    """pyqtgraph looks for the items under the pointer on every mouse move to send them hover
    events (about 1.2 ms a move on the Gradient map). During a drag no item may accept hover
    (pyqtgraph sends them as not acceptable), and the drag's first move has already told the
    items under the pointer that it left them; the later moves would only repeat that. They skip
    the search; letting go of the button searches again, as pyqtgraph does."""
    send = scene.sendHoverEvents

    def send_hover_events(ev, exitOnly: bool = False) -> None:  # noqa: N803 - pyqtgraph's name
        if exitOnly or not scene.dragButtons or not ev.buttons():
            send(ev, exitOnly)

    # pyqtgraph calls self.sendHoverEvents(ev) from its mouse handlers: this instance's wins.
    scene.sendHoverEvents = send_hover_events
