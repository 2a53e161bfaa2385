"""The Gradient tab on a projector (presentation mode at 1280×800): the side column never scrolls
sideways, every row of numbers shows, and the D_u plot's max and min labels never overlap; at the
normal text size it shows everything, down to the seed's check line, without scrolling."""

import math

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QScrollArea

from explorer.ui import i18n
from explorer.ui.appearance import Appearance
from explorer.ui.main_window import MainWindow


@pytest.fixture
def restore_look(settings):
    yield
    settings.clear()
    Appearance(settings).apply()


def label_rect(label) -> QRectF:
    return label.mapRectToScene(label.boundingRect())


def labels_apart(plot) -> None:
    area = plot.view_box.sceneBoundingRect()
    shown = [label for label in (plot.max_label, plot.min_label) if label.isVisible()]
    rects = [label_rect(label) for label in shown]
    for rect in rects:
        assert area.contains(rect), (rect, area)
        for marker in (plot.maximum, plot.minimum):
            assert not rect.contains(marker.mapToScene(0, 0))
    if len(rects) == 2:
        assert not rects[0].intersects(rects[1]), rects


# (f, P): where D_u f(P) has its max and min, so the labels meet every edge and each other.
CASES = [
    ("log(exp(x) + exp(y))", (0.0, math.log(2.0))),  # the seed: max near θ = 63°
    ("x^2 + y^2", (1.0, 0.0)),  # max at θ = 0, min at π
    ("x^2 + y^2", (0.0, 1.0)),  # max at π/2, min at 3π/2
    ("x^2 + y^2", (-1.0, -1.5)),  # max at ≈ 236°, min at ≈ 56°
    ("x*y", (2.0, -0.1)),  # max just below 2π
]


def test_presentation_mode_gradient_side_column_and_direction_labels(
    qtbot, settings, restore_look, show_at_window_size
):
    window = show_at_window_size(MainWindow(settings))
    panel = window.panel_titled("Gradient")
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(panel.numbers.rows()) > 0)
    # Switched on with the numbers already shown: their rows must grow with the text.
    window.appearance.set_presentation(True)
    large = QApplication.font().pointSizeF()
    qtbot.waitUntil(lambda: panel.numbers.font().pointSizeF() == large)
    plot = panel.direction_plot
    side = panel.findChild(QScrollArea, "gradientSide")
    for function, point in CASES:
        panel.set_expression_text(function)
        qtbot.waitUntil(
            lambda f=function: panel.surface() is not None and panel.surface().text == f
        )
        panel.move_point(*point)
        qtbot.waitUntil(lambda: plot.max_label.isVisible() and plot.isVisible())

        # Lay out what the larger text asked for (Qt posts layout requests).
        QApplication.sendPostedEvents()
        assert side.horizontalScrollBar().maximum() == 0
        # The numbers' rows are as tall as the larger text needs: the last row is not cut off.
        numbers = panel.numbers
        assert numbers.height() >= len(numbers.rows()) * numbers.fontMetrics().lineSpacing()
        # Both extremes are named in the plot (shortened if need be), and the names stay apart.
        assert plot.min_label.isVisible(), function
        labels_apart(plot)
    window.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_the_normal_size_the_side_column_shows_everything_without_scrolling(
    qtbot, settings, show_at_window_size, monkeypatch, request, language
):
    # Down to the seed's check line (approximation 1.0819, true value 1.0821), at 1280×800.
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    request.addfinalizer(lambda: i18n.set_language("en"))
    window = show_at_window_size(MainWindow(settings))
    i18n.set_language(language)
    panel = window.panel_titled("Gradient")
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "1.0821" in str(panel.linear_label.rows()))
    side = window.findChild(QScrollArea, "gradientSide")
    QApplication.processEvents()  # the layout requests the last rows posted
    assert not side.verticalScrollBar().isVisible()
    assert not side.horizontalScrollBar().isVisible()
