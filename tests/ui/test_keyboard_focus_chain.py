"""Every control a keyboard user can reach says what it is to a screen reader, shows that it has
the focus, and Tab goes round each tab's controls and back to the start without getting stuck."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from explorer.ui.accessible import FocusFrame, needs_focus_frame
from explorer.ui.export_dialog import ExportDialog
from explorer.ui.graph_view.view import GraphView
from explorer.ui.panels import PANELS
from explorer.ui.syntax_help import show_syntax_help


def tab_stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab stops at, in order: Qt's focus chain from the window round to itself,
    keeping what Qt's own Tab navigation keeps (tab-focusable, shown, enabled, no focus proxy)."""
    stops = []
    widget = window.nextInFocusChain()
    while widget is not window:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusProxy() is None
            and widget.window() is window
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def spoken_name(widget: QWidget) -> str:
    """What a screen reader reads as the widget's name (Qt's accessibility interface)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def describe_widget(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"


def focus_shown(widget: QWidget) -> bool:
    """A widget the style draws no focus on (slider, table, plot …) shows a focus frame."""
    frames = widget.findChildren(FocusFrame, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return not needs_focus_frame(widget) or any(frame.isVisible() for frame in frames)


def visit_every_view(qtbot, window, title: str):
    """Show tab ``title``, then each page of the tab widgets inside it; yield at each view."""
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == title)
    window.tabs.setCurrentIndex(index)
    panel = window.panel_titled(title)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is panel and panel.isVisible())
    yield
    for inner in panel.findChildren(QTabWidget):
        for page in range(inner.count()):
            inner.setCurrentIndex(page)
            QApplication.processEvents()
            yield


def unnamed(window) -> list[str]:
    """Tab stops without a name of their own. A button, check box or tab bar is named by the
    text it shows, a field by the label whose buddy it is; anything else (a slider, combo box,
    plot, table, unlabelled field) needs an explicit accessible name, or a screen reader reads
    nothing, or only its current value."""
    labelled = {id(label.buddy()) for label in window.findChildren(QLabel) if label.text()}
    missing = []
    for widget in tab_stops(window):
        shows_its_name = isinstance(widget, QAbstractButton | QTabBar) and spoken_name(widget)
        if not (widget.accessibleName() or shows_its_name or id(widget) in labelled):
            missing.append(describe_widget(widget))
    return missing


def assert_tab_goes_round(qtbot, stops: list[QWidget], title: str) -> None:
    """Real Tab presses from the first stop visit every stop in order, each showing its focus,
    and come back to the first (the program editor, which types Tab, is left with Ctrl+Tab)."""
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is stops[0])
    visited = [stops[0]]
    # A plot with several handles keeps the focus while Tab walks its handles: a few more
    # presses than stops, and a repeated widget counts once.
    for _ in range(len(stops) + 10):
        focused = QApplication.focusWidget()
        modifier = Qt.KeyboardModifier.NoModifier
        if "Ctrl+Tab" in focused.accessibleDescription():
            modifier = Qt.KeyboardModifier.ControlModifier
        qtbot.keyClick(focused, Qt.Key.Key_Tab, modifier)
        if QApplication.focusWidget() is not visited[-1]:
            visited.append(QApplication.focusWidget())
            assert focus_shown(visited[-1]), describe_widget(visited[-1])
        if visited[-1] is stops[0]:
            break
    assert [describe_widget(w) for w in visited[:-1]] == [describe_widget(w) for w in stops]
    assert visited == [*stops, stops[0]], title


def every_view(qtbot, window):
    """Each tab of the window in turn, and each page of the tab widgets inside it."""
    window.resize(1280, 800)
    for entry in PANELS:
        for _view in visit_every_view(qtbot, window, entry.title):
            yield entry.title


def test_every_control_has_a_name_and_tab_goes_round_them_all(qtbot, window):
    """On each tab (and each page inside it): every tab stop has a name a screen reader reads,
    and real Tab presses visit the same controls as the focus chain and come back to the first,
    so no control keeps the focus (the program editor takes Tab to indent; Ctrl+Tab leaves)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for title in every_view(qtbot, window):
        stops = tab_stops(window)
        assert len(stops) > 3, f"{title}: the walk found the tab's controls"
        assert unnamed(window) == [], title
        for widget in stops:
            assert spoken_name(widget).strip(), describe_widget(widget)
        # Plots and the graph are pictures: a description says what they show (and which keys
        # move their handles).
        for view in (w for w in stops if isinstance(w, pg.GraphicsView | GraphView)):
            assert view.accessibleDescription(), describe_widget(view)

        assert_tab_goes_round(qtbot, stops, title)
    # The lessons pane beside the tabs.
    window.lessons.show()
    qtbot.waitUntil(lambda: window.lessons.lesson_list.count() > 0)
    assert window.lessons.lesson_list in tab_stops(window)
    assert unnamed(window) == []


def test_names_say_what_the_control_is_for(qtbot, window):
    panel = window.panel_titled("Derivative")
    assert "tangent" in panel.plot.plot_widget.accessibleName()
    assert "ε" in panel.side.epsilon_input.accessibleName()
    assert panel.side.h_slider.slider.accessibleName() == "Secant step h"
    descent = window.panel_titled("Descent")
    assert descent.racer_controls.sliders["adam", "lr"].accessibleName() == ("Adam learning rate η")


def test_rows_made_later_are_visited_where_they_are_shown(qtbot, graph_panel):
    """Input rows and detach boxes are rebuilt with each program, after the tab was laid out;
    Tab still visits them where they sit: under the program, above the forward-mode box."""
    names = [w.objectName() for w in tab_stops(graph_panel)]
    start = names.index("graphSource") + 1
    assert names[start : start + 3] == ["graphInput_w", "requiresGrad_w", "graphInput_x"]
    assert names.index("requiresGrad_z") < names.index("forwardModeCheck")
    assert names.index("forwardInput") + 1 == names.index("detach_a")
    assert names.index("nonScalarButton") + 1 == names.index("graphView")


@pytest.mark.parametrize("title", ["Export Image", "Expression syntax"])
def test_dialogs_name_every_control_and_tab_goes_round_them(qtbot, window, title):
    """File ▸ Export Image… and Help ▸ Expression syntax: every tab stop has a name a screen
    reader reads, and Tab visits them all and comes back."""
    if title == "Export Image":
        dialog = ExportDialog(window.settings, window)
        qtbot.addWidget(dialog)
        dialog.show()
    else:
        dialog = show_syntax_help(window)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    stops = tab_stops(dialog)
    assert len(stops) >= 3, [describe_widget(w) for w in stops]
    assert unnamed(dialog) == [], title
    for widget in stops:
        assert spoken_name(widget).strip(), describe_widget(widget)
    assert_tab_goes_round(qtbot, stops, title)
    dialog.close()
