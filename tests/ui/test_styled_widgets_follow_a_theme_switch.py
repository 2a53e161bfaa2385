"""A theme switched while the window is open reaches widgets with a style sheet of their own
and everything inside them: Qt sends such a widget (when it is not a window) no palette change,
so before, 19 of the 26 labels coloured by a text role, the Descent figure's plots, its title
and its racer names kept the light theme's colours after View ▸ Theme ▸ Dark."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.ui.appearance import (
    contrast_ratio,
    follow_text_size,
    follow_theme,
    set_text_role,
)
from explorer.ui.palette import DARK, LIGHT, MIN_TEXT_CONTRAST


def window_text(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_widgets_with_their_own_style_sheet_follow_the_theme(qtbot, appearance):
    top = QWidget()
    qtbot.addWidget(top)
    sheltered = QWidget(top)  # a container with a sheet: Qt tells nothing inside it
    sheltered.setStyleSheet("QWidget#elsewhere { margin: 0; }")
    QVBoxLayout(top).addWidget(sheltered)
    inner = QVBoxLayout(sheltered)
    caption = QLabel("Partials as slices")
    set_text_role(caption, "muted", "font-weight: bold;")
    title = QLabel("step 0")
    title.setStyleSheet("font-weight: bold;")
    follow_text_size(title)
    painted = QLabel("painted")
    painted.setStyleSheet("font-style: italic;")
    heard = []
    follow_theme(painted, lambda: heard.append(True))
    for label in (caption, title, painted):
        inner.addWidget(label)
    top.show()
    qtbot.waitExposed(top)
    assert QColor(LIGHT.muted).name() in caption.styleSheet()
    assert window_text(title).lightnessF() < 0.5

    appearance.set_theme("dark")
    assert heard == [True]
    assert QColor(DARK.muted).name() in caption.styleSheet()
    qtbot.waitUntil(lambda: window_text(title).lightnessF() > 0.5)  # light text, dark window

    appearance.set_theme("light")
    assert heard == [True, True]
    assert QColor(LIGHT.muted).name() in caption.styleSheet()
    qtbot.waitUntil(lambda: window_text(title).lightnessF() < 0.5)


def racer_colours(panel) -> dict[str, str]:
    return {
        kind: re.search(r"color: (#[0-9a-fA-F]{6})", switch.styleSheet()).group(1)
        for kind, switch in panel.racer_controls.switches.items()
    }


def test_the_descent_figure_follows_a_theme_switch(qtbot, appearance, show_at_window_size):
    from explorer.ui.panels.descent_panel import DescentPanel

    panel = show_at_window_size(DescentPanel())
    assert panel.loss_plot.theme == LIGHT and panel.map_view.theme == LIGHT
    light_racers = racer_colours(panel)

    appearance.set_theme("dark")
    qtbot.waitUntil(lambda: panel.loss_plot.theme == DARK and panel.map_view.theme == DARK)
    figure = panel.figure.palette().color(QPalette.ColorRole.Window)
    assert figure.name() == QColor(DARK.background).name()
    assert window_text(panel.title).lightnessF() > 0.5
    dark_racers = racer_colours(panel)
    assert dark_racers != light_racers
    for colour in dark_racers.values():
        assert contrast_ratio(colour, DARK.window) >= MIN_TEXT_CONTRAST

    appearance.set_theme("light")
    qtbot.waitUntil(lambda: panel.loss_plot.theme == LIGHT and panel.map_view.theme == LIGHT)
    assert window_text(panel.title).lightnessF() < 0.5
    assert racer_colours(panel) == light_racers
