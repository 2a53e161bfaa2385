"""The Descent tab beside the Lessons dock (830 px of a 1280 px window): each racer's status and
the preset's name read in full, not "did not c…" and "Rosenbrock (1 − x)² +"; a wide window
keeps the controls on one row."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QStyle

from explorer.core.descent.presets import PRESETS, preset_named
from explorer.core.descent.state import state_from_preset
from explorer.ui.panels.descent_panel import DescentPanel
from explorer.ui.wrapping_row import WrappingRow

ROSENBROCK = "Rosenbrock (1 − x)² + 100(y − x²)²"


@pytest.fixture
def panel(qtbot):
    widget = DescentPanel()
    widget.fixed_interval = 0
    qtbot.addWidget(widget)
    widget.resize(830, 760)  # a 1280 px window with the Lessons dock open
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _five_racers(panel, steps=300):
    panel.set_state(
        replace(state_from_preset(preset_named(ROSENBROCK), panel.state()), steps=steps)
    )


def test_every_status_reads_in_full_beside_the_lessons_dock(qtbot, panel):
    _five_racers(panel)
    results = panel.results
    qtbot.waitUntil(lambda: results.rowCount() == 10)
    margin = 2 * (results.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    metrics = results.fontMetrics()
    statuses = []
    for row in range(1, results.rowCount(), 2):
        item = results.item(row, 0)
        # A status row spans the table, and every word of it fits (it wraps at spaces).
        assert results.columnSpan(row, 0) == results.columnCount()
        width = results.viewport().width() - margin
        for word in item.text().split():
            assert metrics.horizontalAdvance(word) <= width, (word, width)
        assert metrics.horizontalAdvance(item.text()) <= width  # one line at 830 px, in fact
        assert results.rowHeight(row) >= results.sizeHintForRow(row)
        statuses.append(item.text())
    assert statuses[0] == "GD: did not converge"
    assert all(": " in status for status in statuses)  # each names its racer


@pytest.mark.parametrize("preset", [p.name for p in PRESETS])
def test_every_preset_name_reads_in_full_beside_the_lessons_dock(qtbot, panel, preset):
    combo = panel.preset_combo
    combo.setCurrentIndex(combo.findData(preset))
    qtbot.waitUntil(lambda: panel.state().preset == preset)
    assert combo.currentText() == preset
    bar = panel.findChild(WrappingRow, "descentTopBar")
    assert bar.stacked  # f, start, steps and the buttons moved to a second row
    name_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
    assert name_width < combo.width() - 30  # the arrow and the frame take the rest
    assert panel.expression_input.width() >= 250  # the formula gets room too (it had 69 px)


@pytest.mark.parametrize("width", [1260, 1900])
def test_a_wide_tab_keeps_one_row_with_the_name_in_full(qtbot, panel, width):
    _five_racers(panel)
    panel.resize(width, 760)
    bar = panel.findChild(WrappingRow, "descentTopBar")
    qtbot.waitUntil(lambda: bar.stacked is False)
    combo = panel.preset_combo
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) < combo.width() - 30
    qtbot.waitUntil(lambda: bar.height() < 2 * combo.height())
    # Narrow again: two rows; wide again: one.
    panel.resize(830, 760)
    qtbot.waitUntil(lambda: bar.stacked is True)
    panel.resize(width, 760)
    qtbot.waitUntil(lambda: bar.stacked is False)


def test_the_first_preset_is_named_and_your_own_f_is_the_last_item(panel):
    # Item 0 used to be relabelled "Your own f", and the real last item left blank.
    combo = panel.preset_combo
    assert combo.itemText(0) == PRESETS[0].name
    assert (combo.itemText(combo.count() - 1), combo.itemData(combo.count() - 1)) == (
        "Your own f",
        "",
    )
