"""Pinned point labels on the Function tab stay readable: two pins close together never put
their labels on each other or on a pinned dot, inside the plot, also after a zoom, and a label
moved away from its point is joined to it by a line."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

PINNED_KINDS = ("local maximum", "root", "local minimum")


@pytest.fixture
def pinned(function_panel_showing):
    panel = function_panel_showing("x^3 - 3x")
    points = [p for p in panel.analysis.points() if p.kind in PINNED_KINDS]
    assert len(points) == 5  # three roots and both extremes, within 3.5 units of each other
    for point in points:
        assert panel.markers.toggle_pin(point)
    return panel


def label_rects(panel) -> list[QRectF]:
    return [label.textItem.sceneBoundingRect() for label in panel.markers.pinned.values()]


def dot_rects(panel) -> list[QRectF]:
    box = panel.plot.view_box
    centres = [box.mapViewToScene(label.pos()) for label in panel.markers.pinned.values()]
    return [QRectF(c.x() - 3, c.y() - 3, 6, 6) for c in centres]


def assert_readable(panel) -> None:
    labels = label_rects(panel)
    plot_area = panel.plot.view_box.sceneBoundingRect()
    for first, second in itertools.combinations(labels, 2):
        assert not first.intersects(second), (first, second)
    for label in labels:
        assert plot_area.contains(label)
        assert not any(label.intersects(dot) for dot in dot_rects(panel))


def test_close_pins_get_labels_apart_inside_the_plot(pinned):
    assert_readable(pinned)


def test_the_labels_stay_apart_after_a_zoom(qtbot, pinned):
    box = pinned.plot.view_box
    (x_low, x_high), (y_low, y_high) = pinned.plot.view_range()
    box.setRange(xRange=(x_low * 0.6, x_high * 0.6), yRange=(y_low * 1.4, y_high * 1.4), padding=0)
    qtbot.waitUntil(lambda: pinned.plot.view_range()[0][1] < x_high * 0.7)
    assert_readable(pinned)


def test_a_label_moved_away_from_its_point_is_joined_to_it(pinned):
    markers = pinned.markers
    moved = [key for key, label in markers.pinned.items() if tuple(label.anchor) != (0.0, 1.1)]
    assert moved
    for key in moved:
        leader = markers.leaders.get(key)
        if leader is not None and leader.isVisible():
            xs, ys = leader.getData()
            label = markers.pinned[key]
            assert (xs[0], ys[0]) == pytest.approx((label.pos().x(), label.pos().y()))
    assert any(leader.isVisible() for leader in markers.leaders.values())
    # Unpinning takes the label's line away with it.
    for point in pinned.analysis.points():
        if point.kind in PINNED_KINDS:
            assert not markers.toggle_pin(point)
    assert markers.pinned == {} and markers.leaders == {}
