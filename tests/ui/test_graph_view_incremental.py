"""A step updates only the items it changes: after any walk through the schedule (steps, undo,
scrubbing, forward mode) every card, edge and label shows what a freshly drawn scene shows."""

import random

from PySide6.QtCore import QRectF

from explorer.core.graph.forward_mode import forward_tangents, tangent_card_texts
from explorer.core.graph.model import build_model
from explorer.core.graph.stepper import Stepper
from explorer.ui.graph_view.edge_path import EdgePath
from explorer.ui.graph_view.scene import GraphScene

PROGRAM = "\n".join(
    [
        "a = (w + x + y + z)^2",
        "b = (w + x - y - z)^2",
        "u = (a + b)^2",
        "v = (a - b)^2",
        "f = (u + v)^2",
    ]
)
VALUES = {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}


def snapshot(scene: GraphScene):
    return (
        {key: card.state for key, card in scene.cards.items()},
        {key: edge.state for key, edge in scene.edges.items()},
        {key: label.state for key, label in scene.labels.items()},
    )


def fresh(model, state, tangents=None):
    scene = GraphScene()
    scene.show_model(model)
    scene.apply_state(state, tangents)
    return snapshot(scene)


def test_incremental_updates_match_a_fresh_drawing(qtbot):
    model = build_model(PROGRAM, VALUES)
    stepper = Stepper(model)
    scene = GraphScene()
    scene.show_model(model)
    scene.apply_state(stepper.state)
    tangents = tangent_card_texts(model, forward_tangents(model, model.inputs[0].id))
    moves = ["step_forward"] * 3 + ["step_backward", "back", "run_all", "reset"] * 2
    choice = random.Random(5)
    for turn in range(60):
        move = choice.choice(moves + ["seek"])
        if move == "seek":
            stepper.seek(choice.randrange(stepper.length + 1))
        else:
            getattr(stepper, move)()
        shown_tangents = tangents if turn % 7 in (3, 4) else None
        scene.apply_state(stepper.state, shown_tangents)
        assert snapshot(scene) == fresh(model, stepper.state, shown_tangents), (turn, move)


def test_a_step_touches_few_items(qtbot):
    model = build_model(PROGRAM, VALUES)
    stepper = Stepper(model)
    scene = GraphScene()
    scene.show_model(model)
    scene.apply_state(stepper.state)
    stepper.step_forward()
    # one card evaluated and current; its incoming edges (none for an input) change
    assert 1 <= scene.apply_state(stepper.state) <= 1 + 2 * len(model.incoming(model.nodes[0].id))


def test_a_cut_curve_follows_the_full_curve():
    points = [(0.0, 0.0), (5000.0, 900.0), (5156.0, 900.0), (9000.0, 50.0)]
    curve = EdgePath(points)
    rect = QRectF(2000, 0, 800, 1000)
    cut = curve.visible(rect, curve.full.boundingRect(), 0.0)
    assert cut.boundingRect().left() >= rect.left() - 1e-6
    assert cut.boundingRect().right() <= rect.right() + 1e-6
    # every point of the cut curve lies on the full curve (same x, same y)
    for step in range(21):
        point = cut.pointAtPercent(step / 20)
        full_y = _y_at(curve.full, point.x())
        assert abs(point.y() - full_y) < 0.5


def _y_at(path, x):
    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        if path.pointAtPercent(middle).x() < x:
            low = middle
        else:
            high = middle
    return path.pointAtPercent(low).y()
