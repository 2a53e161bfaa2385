"""The main window: typing plots with breaks at poles, inline errors, export, settings."""

import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLineEdit, QPushButton

from explorer.core.expr import parse
from explorer.ui.error_reporting import ErrorReporter
from explorer.ui.main_window import APP_TITLE, MainWindow
from explorer.ui.panels.panel import Panel


def type_expression(qtbot, window, text):
    field = window.findChild(QLineEdit, "expressionInput")
    field.clear()
    qtbot.keyClicks(field, text)
    return field


def plotted(window):
    return window.panel_titled("Function").plot.curve_data("f")


def wait_for_plot_of(qtbot, window, text):
    expected = parse(text).display()
    qtbot.waitUntil(lambda: window.panel_titled("Function").plot.curve("f") is not None)
    qtbot.waitUntil(
        lambda: window.panel_titled("Function").plot.curve("f").name().endswith(expected)
    )


def test_window_title_tabs_and_menus(window):
    assert window.windowTitle() == f"Untitled[*] — {APP_TITLE}"
    assert window.tabs.tabText(0) == "Function"
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "View", "Help"]
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    view_texts = [action.text() for action in window.view_menu.actions()]
    assert "Reset view" in view_texts


def test_typing_a_function_with_a_pole_plots_it_with_a_break_at_zero(qtbot, window):
    type_expression(qtbot, window, "x^3 - 1/x")
    wait_for_plot_of(qtbot, window, "x^3 - 1/x")
    x, y = plotted(window)
    assert np.isnan(y).any()
    # The NaN gap lies between the last negative and the first positive finite sample...
    finite = np.isfinite(y)
    left = np.flatnonzero(finite & (x < 0)).max()
    right = np.flatnonzero(finite & (x > 0)).min()
    assert not finite[left + 1 : right].any() and right > left + 1
    # ...and no two consecutive finite samples straddle x = 0 (no vertical line across the pole).
    pairs = finite[:-1] & finite[1:]
    assert not np.any(pairs & (x[:-1] < 0) & (x[1:] > 0))
    # Away from the pole the samples are the function's values.
    expected = x[finite] ** 3 - 1 / x[finite]
    np.testing.assert_allclose(y[finite], np.clip(expected, y[finite].min(), y[finite].max()))


def test_bad_expression_shows_message_and_column_and_keeps_the_plot(qtbot, window):
    type_expression(qtbot, window, "x^3 - 1/x")
    wait_for_plot_of(qtbot, window, "x^3 - 1/x")
    x_before, y_before = (array.copy() for array in plotted(window))
    type_expression(qtbot, window, "x^3 - 1/")
    feedback = window.expression_input.feedback
    qtbot.waitUntil(lambda: "Missing a value after '/'" in feedback.text())
    error = window.expression_input.last_error()
    # The caret marks the '/' that lacks its value, as issue 2 words it.
    assert error.column == parse_error_column("x^3 - 1/") == 8
    assert "Missing a value after '/' (column 8)" in window.expression_input.error_message()
    assert "(column 8)" in feedback.text()
    x_after, y_after = plotted(window)
    np.testing.assert_array_equal(x_after, x_before)
    np.testing.assert_array_equal(y_after, y_before)


def parse_error_column(text):
    from explorer.core.expr import ExprError

    with pytest.raises(ExprError) as caught:
        parse(text)
    return caught.value.column


def test_fixing_the_expression_clears_the_error(qtbot, window):
    type_expression(qtbot, window, "sin(")
    qtbot.waitUntil(lambda: window.expression_input.last_error() is not None)
    field = window.findChild(QLineEdit, "expressionInput")
    qtbot.keyClicks(field, "x)")
    qtbot.waitUntil(lambda: window.expression_input.last_error() is None)
    wait_for_plot_of(qtbot, window, "sin(x)")
    assert "Plotting y = sin(x)" in window.expression_input.feedback.text()


def test_no_real_values_message(qtbot, window):
    type_expression(qtbot, window, "sqrt(-1 - x^2)")
    panel = window.panel_titled("Function")
    qtbot.waitUntil(lambda: panel.plot.message() == "No real values in this range")
    type_expression(qtbot, window, "x")
    qtbot.waitUntil(lambda: panel.plot.message() == "")


def test_range_inputs_are_validated(qtbot, window):
    panel = window.panel_titled("Function")
    panel.x_min_input.setText("5")
    panel.x_max_input.setText("-5")
    panel.apply_range_inputs()
    assert "reversed" in panel.range_feedback.text()
    assert panel.x_range() == (-5.0, 5.0)
    panel.x_min_input.setText("-2pi")
    panel.x_max_input.setText("pi")
    panel.apply_range_inputs()
    assert panel.range_feedback.text() == ""
    assert panel.x_range() == pytest.approx((-2 * np.pi, np.pi))
    x, _ = panel.plot.curve_data("f")
    assert x.min() == pytest.approx(-2 * np.pi) and x.max() == pytest.approx(np.pi)


def test_export_png_and_svg_from_the_window(qtbot, window, tmp_path):
    type_expression(qtbot, window, "x^3 - 1/x")
    wait_for_plot_of(qtbot, window, "x^3 - 1/x")
    png = window.export_image(tmp_path / "plot.png", 1600, 1000)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)
    # Not blank: a good share of pixels are not white (axes, grid, curve, legend).
    sample = image.scaled(160, 100)
    colours = {sample.pixel(i, j) for i in range(160) for j in range(100)}
    assert len(colours) > 10
    svg = window.export_image(tmp_path / "plot.svg", 1600, 1000)
    assert ET.parse(svg).getroot().tag.endswith("svg")
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    rendered = QImage(400, 250, QImage.Format.Format_ARGB32)
    rendered.fill(Qt.GlobalColor.white)
    painter = QPainter(rendered)
    renderer.render(painter)
    painter.end()
    assert len({rendered.pixel(i, j) for i in range(0, 400, 4) for j in range(0, 250, 4)}) > 10
    assert "Exported" in window.statusBar().currentMessage()


def test_geometry_and_expression_are_remembered(qtbot, tmp_path):
    path = str(tmp_path / "remember.ini")
    first = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Fits the offscreen platform's 800x600 screen (restoreGeometry clamps to the screen).
    first.setGeometry(QRect(30, 40, 720, 520))
    type_expression(qtbot, first, "cos(x)")
    wait_for_plot_of(qtbot, first, "cos(x)")
    first.close()
    stored = QSettings(path, QSettings.Format.IniFormat)
    assert not stored.value("window/geometry", QByteArray(), type=QByteArray).isEmpty()
    second = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 520)
    assert second.expression_input.text() == "cos(x)"
    second.close()


def test_an_exception_in_a_slot_is_reported_and_the_window_survives(qtbot, window):
    reporter = ErrorReporter(window)
    failing_button = QPushButton("fail", window)

    def broken_slot():
        raise RuntimeError("boom from a slot")

    failing_button.clicked.connect(broken_slot)
    previous_hook = sys.excepthook
    reporter.install()
    try:
        with qtbot.waitSignal(reporter.reported, timeout=2000) as blocker:
            QTimer.singleShot(0, failing_button.click)
    finally:
        reporter.uninstall()
    assert sys.excepthook is previous_hook
    assert blocker.args == ["RuntimeError: boom from a slot"]
    assert "boom from a slot" in window.statusBar().currentMessage()
    box = reporter.message_box()
    assert box is not None and box.isVisible() and not box.isModal()
    assert "RuntimeError" in box.detailedText()
    # Still alive and responsive: typing still plots.
    assert window.isVisible()
    type_expression(qtbot, window, "x^2")
    wait_for_plot_of(qtbot, window, "x^2")
    box.close()


def test_shortcuts_list_comes_from_the_actions(window):
    rows = {row.what: row.keys for row in window.shortcut_rows()}
    assert rows["Export Image"] == "Ctrl+E"
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Reset view"] == "Ctrl+0"


def test_panels_get_new_expressions_when_they_become_visible(qtbot, window):
    class RecordingPanel(Panel):
        uses_expression = True

        def __init__(self):
            super().__init__()
            self.seen = []

        def set_expression(self, expression):
            self.seen.append(expression.display())

        def export_target(self):
            return self

    panel = RecordingPanel()
    window.add_panel(panel, "Recorder")
    type_expression(qtbot, window, "x + 1")
    wait_for_plot_of(qtbot, window, "x + 1")
    assert panel.seen == []  # not visible yet: nothing computed for it
    window.tabs.setCurrentWidget(panel)
    assert panel.seen == [parse("x + 1").display()]


def test_parameter_sliders_are_shared_between_function_and_derivative(qtbot, window):
    from PySide6.QtWidgets import QSlider

    function_panel = window.panel_titled("Function")
    derivative_panel = window.panel_titled("Derivative")
    type_expression(qtbot, window, "a*sin(b*x)")
    qtbot.waitUntil(lambda: function_panel.parameters.names() == ["a", "b"])
    assert function_panel.parameters.isVisible()
    # Function → Derivative: PageUp moves a by 0.5, from 1 to 1.5.
    slider_a = function_panel.findChild(QSlider, "parameterSlider_a")
    slider_a.setFocus()
    qtbot.keyClick(slider_a, Qt.Key.Key_PageUp)
    assert window.parameters.value("a") == 1.5
    x, y = function_panel.last_curve.x, function_panel.last_curve.y
    np.testing.assert_allclose(y, 1.5 * np.sin(x), atol=1e-12)
    window.tabs.setCurrentWidget(derivative_panel)
    qtbot.waitUntil(lambda: derivative_panel.function is not None)
    assert derivative_panel.side.parameters.slider("a").value() == 150
    assert derivative_panel.side.parameters.value_text("a") == "1.5"
    assert derivative_panel.function.params == {"a": 1.5, "b": 1.0}
    # f′(1) = a·b·cos(b·1) with a = 1.5, b = 1.
    assert derivative_panel.tangent.slope == pytest.approx(1.5 * np.cos(1.0))
    # Derivative → Function: b from 1 down to 0.5.
    slider_b = derivative_panel.findChild(QSlider, "parameterSlider_b")
    slider_b.setFocus()
    qtbot.keyClick(slider_b, Qt.Key.Key_PageDown)
    assert derivative_panel.function.params == {"a": 1.5, "b": 0.5}
    assert derivative_panel.tangent.slope == pytest.approx(1.5 * 0.5 * np.cos(0.5))
    window.tabs.setCurrentWidget(function_panel)
    assert function_panel.parameters.slider("b").value() == 50
    assert function_panel.parameters.value_text("b") == "0.5"
    x, y = function_panel.last_curve.x, function_panel.last_curve.y
    np.testing.assert_allclose(y, 1.5 * np.sin(0.5 * x), atol=1e-12)


def test_parameters_without_sliders_panel_keep_the_function_panel_clean(qtbot, window):
    function_panel = window.panel_titled("Function")
    type_expression(qtbot, window, "a*x^2 + b")
    qtbot.waitUntil(lambda: function_panel.parameters.names() == ["a", "b"])
    type_expression(qtbot, window, "x^2")
    wait_for_plot_of(qtbot, window, "x^2")
    assert function_panel.parameters.names() == []
    assert not function_panel.parameters.isVisible()


def test_the_input_is_greyed_out_with_a_hint_on_a_tab_that_does_not_use_it(qtbot, window):
    """The Graph tab has its own input: f(x) must not look live there, nor keep its error."""
    field = type_expression(qtbot, window, "x^3 - 1/")
    entry = window.expression_input
    qtbot.waitUntil(lambda: "Missing a value" in entry.feedback.text())
    graph = window.panel_titled("Graph")
    assert not graph.uses_expression  # the premise of the rule
    window.tabs.setCurrentWidget(graph)
    assert not field.isEnabled() and not window.focus_input_action.isEnabled()
    assert "Missing" not in entry.feedback.text() and field.styleSheet() == ""
    users = [
        window.tabs.tabText(index)
        for index in range(window.tabs.count())
        if window.tabs.widget(index).uses_expression
    ]
    assert "Graph tab" in entry.hint() and {"Function", "Derivative"} <= set(users)
    assert all(title in entry.hint().split("drives the")[1] for title in users)
    assert entry.hint() in entry.feedback.text()
    # Back on a tab that uses f(x): the input works again and the error is still explained.
    window.tabs.setCurrentWidget(window.panel_titled("Derivative"))
    assert field.isEnabled() and entry.hint() == ""
    assert "Missing a value after '/' (column 8)" in entry.feedback.text()
    assert "border" in field.styleSheet()
    type_expression(qtbot, window, "x^2")
    qtbot.waitUntil(lambda: "Plotting y = x²" in entry.feedback.text())
    window.tabs.setCurrentWidget(graph)
    assert "Plotting" not in entry.feedback.text()
