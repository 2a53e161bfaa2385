"""The Function tab's pop-up labels (a point's hover and pinned labels, the trace reading) are
drawn in the theme's label box, their text readable at 4.5:1 in light and dark, and recoloured
when the theme changes."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from explorer.ui.appearance import contrast_ratio
from explorer.ui.palette import DARK, LIGHT, MIN_TEXT_CONTRAST


def box_colour(label, background: str) -> QColor:
    """The label's fill as seen: blended over the plot's background by its alpha."""
    fill = label.fill.color()
    under = QColor(background)
    alpha = fill.alphaF()
    return QColor.fromRgbF(
        *(
            alpha * a + (1 - alpha) * b
            for a, b in zip(fill.getRgbF()[:3], under.getRgbF()[:3], strict=True)
        )
    )


def text_colours(label) -> list[QColor]:
    """The colour of every run of text in the label, read back from its document."""
    colours = []
    block = label.textItem.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.text().strip():
                brush = fragment.charFormat().foreground()
                colours.append(
                    brush.color()
                    if brush.style() != Qt.BrushStyle.NoBrush
                    else label.textItem.defaultTextColor()
                )
            fragments += 1
        block = block.next()
    return colours


def assert_themed_and_readable(label, theme) -> None:
    fill = label.fill.color()
    assert fill.name() == QColor(theme.legend_fill).name()
    assert label.border.color().name() == QColor(theme.legend_border).name()
    box = box_colour(label, theme.background)
    colours = text_colours(label)
    assert colours
    for colour in colours:
        assert contrast_ratio(colour, box) >= MIN_TEXT_CONTRAST, (colour.name(), box.name())


def test_point_and_trace_labels_follow_the_theme(qtbot, appearance, function_panel_showing):
    appearance.set_theme("dark")
    panel = function_panel_showing("x^3 - 3x")
    markers = panel.markers
    panel.plot.show_cursor(-1.0, 2.0)  # the local maximum: its label pops up
    assert markers.hover_label.isVisible()
    assert_themed_and_readable(markers.hover_label, DARK)
    local_minimum = next(p for p in panel.analysis.points() if p.kind == "local minimum")
    markers.toggle_pin(local_minimum)
    (pinned,) = markers.pinned.values()
    assert_themed_and_readable(pinned, DARK)
    panel.trace_box.setChecked(True)
    panel.plot.show_cursor(2.5, 0.0)
    assert panel.trace_dot.label.isVisible()
    assert_themed_and_readable(panel.trace_dot.label, DARK)

    appearance.set_theme("light")
    qtbot.waitUntil(lambda: pinned.fill.color().name() == QColor(LIGHT.legend_fill).name())
    assert_themed_and_readable(pinned, LIGHT)
    assert "Local minimum of f: (1, −2)" in pinned.textItem.toPlainText()
    assert_themed_and_readable(panel.trace_dot.label, LIGHT)
    panel.plot.show_cursor(-1.0, 2.0)
    assert_themed_and_readable(markers.hover_label, LIGHT)
