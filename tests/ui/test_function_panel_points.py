"""Points of interest in the Function tab: marked, labelled on hover and click, recomputed for
the view after a pan or zoom; shading by f′/f″; the trace snapping to points; global extrema."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt


@pytest.fixture
def panel(function_panel_showing):
    return function_panel_showing("x^3 - 3x")


def _scene_point(panel, x: float, y: float):
    scene = panel.plot.view_box.mapViewToScene(QPointF(x, y))
    return panel.plot.plot_widget.mapFromScene(scene)


def test_points_are_marked_and_a_hover_shows_the_label_with_the_tests(panel) -> None:
    kinds = sorted({p.kind for p in panel.analysis.points()})
    assert kinds == ["inflection point", "local maximum", "local minimum", "root", "y-intercept"]
    assert len(panel.markers.dots.data) == len(panel.analysis.points())
    panel.plot.show_cursor(-1.0, 2.0)  # the local maximum
    label = panel.markers.hover_label
    assert label.isVisible()
    text = label.textItem.toPlainText()
    assert "Local maximum of f: (−1, 2)" in text
    assert "f′ changes from + to −: local maximum" in text
    panel.plot.show_cursor(-3.0, 40.0)  # far from every point
    assert not label.isVisible()


def test_a_click_pins_the_label_and_a_second_click_unpins_it(qtbot, panel) -> None:
    where = _scene_point(panel, 1.0, -2.0)
    viewport = panel.plot.plot_widget.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert len(panel.markers.pinned) == 1
    (label,) = panel.markers.pinned.values()
    assert "Local minimum of f: (1, −2)" in label.textItem.toPlainText()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert panel.markers.pinned == {}


def test_zooming_and_panning_keep_the_points_of_the_view(qtbot, panel) -> None:
    # A 4× zoom inside the analysed range: the points are there already; the details follow.
    panel.plot.set_view_range((0.5, 3.0), (-3.0, 3.0), remember=False)
    qtbot.waitUntil(lambda: "the view [0.5, 3]" in panel.details.text())
    assert panel.analysis.x_range == (-5.0, 5.0)
    assert "Global minimum of f: −2 at x = 1" in panel.details.text()
    # A pan past the analysed range samples the view again, with a margin each side.
    panel.plot.set_view_range((4.0, 9.0), (-3.0, 3.0), remember=False)
    qtbot.waitUntil(lambda: panel.analysis.x_range == (1.5, 11.5))
    assert [p.x for p in panel.analysis.points()] == pytest.approx([3**0.5], abs=1e-12)
    # Zooming in far refines: the roots of x³ − 3x near √3 are found in the narrow view too.
    panel.plot.set_view_range((1.7, 1.76), (-0.1, 0.1), remember=False)
    qtbot.waitUntil(lambda: panel.analysis.x_range == pytest.approx((1.67, 1.79)))
    assert [p.x for p in panel.analysis.points()] == pytest.approx([3**0.5], abs=1e-12)
    panel.plot.reset_view()
    qtbot.waitUntil(lambda: "the view [−5, 5]" in panel.details.text())


def test_shading_follows_the_sign_of_the_derivatives(panel) -> None:
    panel.shading_box.setCurrentIndex(panel.shading_box.findData("slope"))
    regions = [r for r in panel.markers.shades if r.isVisible()]
    assert [tuple(round(v, 9) for v in r.getRegion()) for r in regions] == [
        (-5.0, -1.0),
        (-1.0, 1.0),
        (1.0, 5.0),
    ]
    panel.shading_box.setCurrentIndex(panel.shading_box.findData("concavity"))
    regions = [r for r in panel.markers.shades if r.isVisible()]
    assert [tuple(round(v, 9) for v in r.getRegion()) for r in regions] == [(-5, 0), (0, 5)]
    assert "concave up" in panel.details.text()
    panel.shading_box.setCurrentIndex(panel.shading_box.findData("none"))
    assert not any(r.isVisible() for r in panel.markers.shades)


def test_trace_follows_the_curve_and_snaps_to_points(panel) -> None:
    panel.trace_box.setChecked(True)
    panel.plot.show_cursor(2.5, 0.0)
    reading = panel.trace_dot.reading
    assert reading.x == 2.5 and reading.y == pytest.approx(2.5**3 - 7.5)
    assert reading.slope == pytest.approx(3 * 2.5**2 - 3)
    assert reading.snapped is None
    panel.plot.show_cursor(1.004, -1.5)  # a few pixels from the minimum at x = 1
    reading = panel.trace_dot.reading
    assert reading.snapped is not None and reading.snapped.kind == "local minimum"
    assert (reading.x, reading.y) == pytest.approx((1.0, -2.0), abs=1e-12)
    assert panel.trace_dot.label.textItem.toPlainText() == "Local minimum (1, −2)   f′(1) = 0"


def test_global_extrema_on_a_typed_interval(qtbot, panel) -> None:
    assert "Global maximum of f: 110 at x = 5" in panel.details.text()
    panel.extremes_input.setText("-1.5, 1.5")
    panel.apply_extremes_input()
    assert panel.state().extremes_interval == (-1.5, 1.5)
    assert "Global maximum of f: 2 at x = −1" in panel.details.text()
    assert "Global minimum of f: −2 at x = 1" in panel.details.text()
    panel.extremes_input.setText("3, 1")
    panel.apply_extremes_input()
    assert panel.extremes_feedback.text()
    assert panel.state().extremes_interval == (-1.5, 1.5)  # the last good interval stays


def test_holes_and_asymptotes_are_labelled_too(function_panel_showing) -> None:
    panel = function_panel_showing("sin(x)/x + 1/(x - 2)")
    panel.plot.show_cursor(0.0, 0.5)  # the hole at (0, 1/2)
    assert "Hole of f: (0, 0.5)" in panel.markers.hover_label.textItem.toPlainText()
    (_, _), (low, high) = panel.plot.view_range()
    panel.plot.show_cursor(2.0, 0.5 * (low + high))  # anywhere along the dashed line x = 2
    assert "Vertical asymptote of f: x = 2" in panel.markers.hover_label.textItem.toPlainText()
    asymptote = panel.markers.point_near(2.0, high)
    assert panel.markers.toggle_pin(asymptote, high)
