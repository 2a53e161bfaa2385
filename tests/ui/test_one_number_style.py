"""One way to write numbers and formulas in every tab: legends in the titles' pretty form, log
axes in decades 10ⁿ, readouts with the typographic minus and ×10ⁿ, and nothing in the window
written as code (``-2`` with a hyphen, ``1e-05``, ``**``, ``^`` for a power that has a raised
form)."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from explorer.core.expr import parse
from explorer.core.expr.display import format_unicode
from explorer.core.text import MINUS
from explorer.ui.panels.gradient_readout import ReadoutTable
from explorer.ui.plot import PlotView
from explorer.ui.plot_axes import format_log_ticks

# A hyphen-minus in front of a digit, e-notation, Python's power, a caret, a typed subscript.
RAISED = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
CODE_FORMS = re.compile(r"(?<![\w.])-(?=[0-9])|[0-9][eE][+-]?[0-9]|\*\*|\^|\b[A-Za-z]_[a-z]\b")


def legend_texts(plot: PlotView) -> list[str]:
    return [label.text for _sample, label in plot.legend.items]


def axis_labels(plot: PlotView, side: str) -> tuple[list[float], list[str]]:
    """The tick values (log₁₀ on a log axis) the axis labels now, and their labels."""
    axis = plot.plot_item.getAxis(side)
    low, high = axis.range
    size = axis.height() if side in ("left", "right") else axis.width()
    values: list[float] = []
    labels: list[str] = []
    for spacing, level in axis.tickValues(low, high, size):
        if spacing is None:  # the 2…9 grid lines between decades
            continue
        values += list(level)
        labels += axis.tickStrings(list(level), axis.autoSIPrefixScale, spacing)
    return values, labels


def test_log_tick_labels_are_powers_of_ten():
    assert format_log_ticks([-8, -7, -1, 0, 1, 12]) == [
        "10⁻⁸",
        "10⁻⁷",
        "10⁻¹",
        "10⁰",
        "10¹",
        "10¹²",
    ]
    # Between decades: a multiple of the power (plain in the decade 1…10).
    assert format_log_ticks([math.log10(2e-3), math.log10(5), math.log10(30)]) == [
        "2×10⁻³",
        "5",
        "3×10¹",
    ]
    # log10 of a decade computed with round-off is still that decade.
    assert format_log_ticks([math.log10(1e-5)]) == ["10⁻⁵"]


def test_error_plot_labels_every_decade_as_ten_to_the_n(qtbot, derivative_panel):
    derivative_panel.set_expression(parse("x^x"))
    derivative_panel.set_x0(1.0)
    derivative_panel.views.setCurrentWidget(derivative_panel.error_view)
    plot = derivative_panel.error_view.plot
    qtbot.waitUntil(
        lambda: plot.curve("central") is not None and plot.curve("central").xData.size > 0
    )
    for side in ("left", "bottom"):
        values, labels = axis_labels(plot, side)
        assert labels, side
        for value, label in zip(values, labels, strict=True):
            assert value == round(value)
            assert label == "10" + str(int(value)).translate(RAISED), (value, label)
    # At 1280×800 the error axis has room for every decade it spans (10⁻¹² … 10⁰ here).
    values, labels = axis_labels(plot, "left")
    low, high = plot.plot_item.getAxis("left").range
    assert values == list(range(math.ceil(low), math.floor(high) + 1))
    assert "10⁻⁸" in labels and "10⁰" in labels


@pytest.mark.parametrize(("text", "pretty"), [("x^x", "xˣ"), ("sec(x)^2", "sec(x)²")])
def test_function_legend_is_the_pretty_formula(function_panel_showing, text, pretty):
    panel = function_panel_showing(text)
    expected = f"f(x) = {format_unicode(parse(text).tree)}"
    assert expected == f"f(x) = {pretty}"
    assert legend_texts(panel.plot) == [expected]


@pytest.mark.parametrize(("text", "pretty"), [("x^x", "xˣ"), ("sec(x)^2", "sec(x)²")])
def test_derivative_legend_and_title_share_the_pretty_formula(derivative_panel, text, pretty):
    derivative_panel.side.show_second.setChecked(True)
    derivative_panel.set_expression(parse(text))
    title = derivative_panel.title.text()
    assert title.startswith(f"f(x) = {pretty}")
    fprime = derivative_panel.derivative_formula.text()
    assert f"f′(x) = {fprime}" in title
    second = derivative_panel.second_formula.text()
    assert f"f″(x) = {second}" in legend_texts(derivative_panel.plot)
    assert derivative_panel.second_formula.formula_text() == f"f″(x) = {second}"
    for shown in (title, second):
        assert not CODE_FORMS.search(shown), shown


def test_integral_legend_is_the_pretty_formula(qtbot):
    from explorer.ui.panels.integral_panel import IntegralPanel

    panel = IntegralPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_expression(parse("x^x", parameters=True))
    assert legend_texts(panel.plot)[0] == "f(x) = xˣ"


def test_readouts_use_the_minus_sign_and_raised_powers_of_ten(derivative_panel):
    # x³/1000 − 2 at x₀ = −3: f′(−3) = 0.027, the secant at h = 10⁻⁷ is off by ~10⁻¹⁰.
    derivative_panel.set_expression(parse("x^3/1000 - 2"))
    derivative_panel.set_x0(-3.0)
    derivative_panel.side.h_slider.set_h(1e-7)
    readout = derivative_panel.side.secant_readout.text()
    assert "(off by " in readout
    gap = readout.split("(off by ")[1].rstrip(")")
    assert re.fullmatch("[0-9.]+×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+", gap), readout
    tangent = derivative_panel.side.tangent_slope.text()
    assert f"f′({MINUS}3) = 0.027" in tangent and f"f({MINUS}3) = {MINUS}2.027" in tangent, tangent
    assert not CODE_FORMS.search(readout + tangent)


def test_cursor_readout_uses_the_minus_sign(qtbot):
    plot = PlotView()
    qtbot.addWidget(plot)
    plot.set_view_range((-5.0, 5.0), (-5.0, 5.0))
    plot.show_cursor(-1.5, -0.25)
    assert plot.readout_label.text() == f"x = {MINUS}1.50,  y = {MINUS}0.25"


def shown_texts(panel) -> list[str]:
    """Every text the panel shows: labels, table cells, plot titles, legends, axis labels and
    ticks, and the Gradient tab's painted readouts."""
    texts = [label.text() for label in panel.findChildren(QLabel)]
    for table in panel.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                texts.append(item.text() if item else "")
    texts += [readout.text() for readout in panel.findChildren(ReadoutTable)]
    for plot in panel.findChildren(PlotView):
        texts.append(plot.plot_item.titleLabel.item.toPlainText())
        texts += legend_texts(plot)
        for side in ("left", "bottom"):
            texts.append(plot.plot_item.getAxis(side).labelText)
            texts += axis_labels(plot, side)[1]
    return [text for text in texts if text]


def test_no_tab_writes_numbers_or_formulas_as_code(qtbot, window):
    # No worker: every form shown is the app's own (the worker's forms are the same printer's).
    window.attach_worker(None)
    window.expression_input.set_text("x^x")
    offenders = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        panel = window.tabs.currentWidget()
        if window.tabs.tabText(index) == "Graph":
            continue  # its texts are the user's own program and the node labels they name
        for view_tabs in panel.findChildren(type(window.tabs)):
            for sub in range(view_tabs.count()):
                view_tabs.setCurrentIndex(sub)
        offenders += [
            (window.tabs.tabText(index), text)
            for text in shown_texts(panel)
            if CODE_FORMS.search(text)
        ]
    assert offenders == []
