"""Presentation mode (larger text, thicker lines, bigger x₀ handle) and Ctrl+= / Ctrl+- text
size: applied live to the whole application and remembered in the settings."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from explorer.ui.appearance import (
    PRESENTATION_FONT_FACTOR,
    PRESENTATION_HANDLE_FACTOR,
    PRESENTATION_LINE_FACTOR,
    Appearance,
    set_text_role,
)
from explorer.ui.graph_view.source_editor import SourceEditor
from explorer.ui.main_window import MainWindow
from explorer.ui.plot_style import line_pen


@pytest.fixture
def restore_look(settings):
    yield
    settings.clear()
    Appearance(settings).apply()


def derivative_tab(window):
    window.tabs.setCurrentWidget(window.panel_titled("Derivative"))
    return window.panel_titled("Derivative")


def test_presentation_mode_enlarges_text_lines_and_handle_and_is_remembered(
    qtbot, settings, restore_look
):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = derivative_tab(window)
    plot = panel.plot
    qtbot.waitUntil(lambda: plot.curve("f") is not None and plot.curve("f").xData is not None)
    normal_font = QApplication.font().pointSizeF()
    normal_width = line_pen(plot.curve("f")).widthF()
    normal_tick = plot.plot_item.getAxis("bottom").style["tickFont"].pointSizeF()
    normal_handle = panel.layer.handle.scale

    window.appearance_menu.presentation_action.trigger()

    assert window.appearance_menu.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(
        round(normal_font * PRESENTATION_FONT_FACTOR)
    )
    qtbot.waitUntil(
        lambda: (
            line_pen(plot.curve("f")).widthF()
            == pytest.approx(normal_width * PRESENTATION_LINE_FACTOR)
        )
    )
    assert plot.plot_item.getAxis("bottom").style["tickFont"].pointSizeF() > normal_tick
    assert panel.layer.handle.scale == pytest.approx(normal_handle * PRESENTATION_HANDLE_FACTOR)
    window.close()

    again = MainWindow(settings, load_panels=False)
    qtbot.addWidget(again)
    assert again.appearance_menu.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(
        round(normal_font * PRESENTATION_FONT_FACTOR)
    )
    again.appearance_menu.presentation_action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal_font)
    again.close()


def test_ctrl_equals_and_minus_scale_the_text_and_it_is_remembered(qtbot, settings, restore_look):
    window = MainWindow(settings, load_panels=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Shortcuts only reach the active window.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start = QApplication.font().pointSizeF()
    line_edit = window.expression_input.line_edit
    input_start = line_edit.font().pointSizeF()

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == start + 2
    # The input's larger text grows with it (Qt posts the font change to every widget).
    qtbot.waitUntil(
        lambda: line_edit.font().pointSizeF() == pytest.approx(input_start * (start + 2) / start)
    )
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == start + 1
    window.close()

    again = MainWindow(settings, load_panels=False)
    qtbot.addWidget(again)
    assert QApplication.font().pointSizeF() == start + 1
    again.appearance_menu.reset_text_action.trigger()
    assert QApplication.font().pointSizeF() == start
    assert not again.appearance_menu.reset_text_action.isEnabled()
    again.close()


def test_graph_program_editor_text_follows_the_text_size_and_presentation_mode(
    qtbot, settings, restore_look
):
    editor = SourceEditor()
    qtbot.addWidget(editor)
    appearance = Appearance(settings)
    start = QApplication.font().pointSizeF()
    assert editor.font().pointSizeF() == pytest.approx(start)

    appearance.grow_text()
    appearance.grow_text()
    qtbot.waitUntil(lambda: editor.font().pointSizeF() == pytest.approx(start + 2))
    appearance.set_presentation(True)
    presenting = QApplication.font().pointSizeF()
    assert presenting > start + 2
    qtbot.waitUntil(lambda: editor.font().pointSizeF() == pytest.approx(presenting))
    # Still the monospace font a program is written in.
    assert QFontInfo(editor.font()).fixedPitch()


def test_labels_coloured_by_a_text_role_grow_with_the_text_size(qtbot, settings, restore_look):
    # Qt sends no font change to a widget (not a window) with a style sheet of its own.
    window = QWidget()
    qtbot.addWidget(window)
    caption = QLabel("Partials as slices", window)
    set_text_role(caption, "muted", "font-weight: bold;")
    window.show()
    start = QApplication.font().pointSizeF()
    assert caption.font().pointSizeF() == pytest.approx(start)

    appearance = Appearance(settings)
    appearance.set_presentation(True)
    presenting = QApplication.font().pointSizeF()
    assert presenting > start
    qtbot.waitUntil(lambda: caption.font().pointSizeF() == pytest.approx(presenting))
    assert caption.font().bold()
    appearance.grow_text()
    qtbot.waitUntil(lambda: caption.font().pointSizeF() == pytest.approx(presenting + 1))


def test_descent_title_explanation_and_racer_names_grow_with_presentation_mode(
    qtbot, settings, restore_look, show_at_window_size
):
    """Widgets with their own style sheet (bold title, monospace explanation, coloured racer
    names) grow with the text like the rest of the window."""
    from explorer.ui.panels.descent_panel import DescentPanel

    panel = show_at_window_size(DescentPanel())
    styled = [panel.title, panel.explanation, *panel.racer_controls.switches.values()]
    assert len(styled) > 2
    start = QApplication.font().pointSizeF()
    assert all(widget.font().pointSizeF() == pytest.approx(start) for widget in styled)
    Appearance(settings).set_presentation(True)
    presenting = QApplication.font().pointSizeF()
    qtbot.waitUntil(
        lambda: all(widget.font().pointSizeF() == pytest.approx(presenting) for widget in styled)
    )


def test_the_lesson_title_stays_larger_than_the_text_as_the_text_grows(
    qtbot, settings, restore_look
):
    window = MainWindow(settings, load_panels=False)
    qtbot.addWidget(window)
    window.show()
    window.lessons.show()
    window.lessons.load()
    title = window.lessons.content.findChild(QLabel, "lessonTitle")
    assert title is not None and title.font().bold()

    def title_to_text() -> float:
        return QFontInfo(title.font()).pointSizeF() / QFontInfo(QApplication.font()).pointSizeF()

    assert title_to_text() > 1.1
    normal = title_to_text()
    appearance = Appearance(settings)
    appearance.set_presentation(True)
    appearance.grow_text()
    qtbot.waitUntil(lambda: title_to_text() == pytest.approx(normal, rel=0.05))
    assert QApplication.font().pointSizeF() > 10
    window.close()


def test_the_function_tabs_colour_swatch_grows_with_the_text(
    qtbot, settings, restore_look, function_panel_showing
):
    panel = function_panel_showing("sin(x)")
    panel.add_curve()
    swatches = [row.colour_button for row in panel.curve_list.rows]
    assert len(swatches) == 2

    def swatch_to_text() -> float:
        assert len({swatch.height() for swatch in swatches}) == 1
        return swatches[0].height() / QFontInfo(QApplication.font()).pixelSize()

    normal = swatch_to_text()
    assert normal >= 1.2
    start = swatches[0].height()
    appearance = Appearance(settings)
    appearance.set_presentation(True)
    appearance.grow_text()
    qtbot.waitUntil(lambda: swatches[0].height() > start * 1.3)
    assert swatch_to_text() == pytest.approx(normal, rel=0.1)
    assert all(swatch.width() == swatch.height() for swatch in swatches)
