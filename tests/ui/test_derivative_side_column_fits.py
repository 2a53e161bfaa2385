"""The Derivative tab's side column at the sizes the README and the issue name, in the real window.

At 1280×800 it fits without a scrollbar for an ordinary function; at 1024×700 (or with sliders
for three parameters) it scrolls as one area, with no scroll area of its own inside. At either
size no control or readout is cut off: each lies inside the column's width, can be scrolled
into view whole, and is at least as large as it needs to show its text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QWidget

LARGE, SMALL = (1280, 800), (1024, 700)
ORDINARY = ["x^3 - 1/x", "sin(x)", "exp(-x^2)*cos(3x)", "abs(x)", "ln(x)"]


@pytest.fixture
def show(qtbot, window):
    """``show(text, size)``: the window at ``size`` on the Derivative tab plotting ``text``, with
    sympy's simplified f′ in (it can change the formula's length); returns the side scroll area."""
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Derivative"))
    panel = window.current_panel()

    def showing(text: str, size: tuple[int, int]) -> QScrollArea:
        window.expression_input.set_text(text)
        window.resize(*size)
        qtbot.waitUntil(lambda: window.size().toTuple() == size)
        status = panel.side.simplify_status
        qtbot.waitUntil(lambda: "simplifying" not in status.text(), timeout=30_000)
        scroll = panel.findChild(QScrollArea, "derivativeSide")
        # Laid out for this size: the column fills the scroll area's width.
        qtbot.waitUntil(lambda: scroll.widget().width() == scroll.viewport().width())
        return scroll

    return showing


def shown_parts(scroll: QScrollArea) -> list[QWidget]:
    """Every widget shown in the column, less the parts Qt builds inside its own composite
    widgets (a spin box's line edit, named ``qt_…``), which their owner sizes."""
    side = scroll.widget()
    return [
        w
        for w in side.findChildren(QWidget)
        if w.isVisibleTo(side) and not w.objectName().startswith("qt_")
    ]


def name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text[:40]!r}"


def too_small(widget: QWidget) -> bool:
    """Smaller than it needs to show all of its text (a wrapped label: at its width)."""
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        return widget.heightForWidth(widget.width()) > widget.height()
    need = widget.minimumSizeHint()
    return need.width() > widget.width() or need.height() > widget.height()


def in_viewport(scroll: QScrollArea, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(scroll.viewport(), QPoint(0, 0)), widget.size())


def cut_off(scroll: QScrollArea, *, scrolling: bool) -> list[str]:
    """Parts of the column not shown whole: outside the visible area (``scrolling``: once scrolled
    to them), or smaller than their text needs."""
    cut = []
    viewport = scroll.viewport().rect()
    for widget in shown_parts(scroll):
        if scrolling:
            scroll.ensureWidgetVisible(widget, 0, 0)
        if not viewport.contains(in_viewport(scroll, widget)) or too_small(widget):
            cut.append(name(widget))
    scroll.verticalScrollBar().setValue(0)
    return cut


def inner_scrollbars(scroll: QScrollArea) -> list[str]:
    """Scroll areas inside the column that show a scrollbar of their own."""
    return [
        name(area)
        for area in scroll.widget().findChildren(QAbstractScrollArea)
        if area.isVisibleTo(scroll.widget())
        and (area.verticalScrollBar().isVisible() or area.horizontalScrollBar().isVisible())
    ]


def test_at_1280x800_the_column_fits_without_a_scrollbar(qtbot, show):
    for text in ORDINARY:  # one window for all: a window per function costs seconds each
        scroll = show(text, LARGE)

        def fits(scroll=scroll, text=text):
            assert not scroll.verticalScrollBar().isVisible(), text
            assert not scroll.horizontalScrollBar().isVisible(), text
            assert cut_off(scroll, scrolling=False) == [], text
            assert inner_scrollbars(scroll) == [], text

        qtbot.waitUntil(fits)  # retried while the layout catches up with the newest texts


def test_a_column_taller_than_the_tab_scrolls_as_one_area_and_nothing_is_cut_off(qtbot, show):
    for text, size in [("x^3 - 1/x", SMALL), ("a*sin(b*x) + c", LARGE), ("ln(x)", SMALL)]:
        scroll = show(text, size)

        def scrolls(scroll=scroll, case=(text, size)):
            bar = scroll.verticalScrollBar()
            assert bar.isVisible() and bar.maximum() > 0, case
            assert not scroll.horizontalScrollBar().isVisible(), case
            assert cut_off(scroll, scrolling=True) == [], case
            assert inner_scrollbars(scroll) == [], case
            assert bar.value() == 0  # back at the top, where the reader starts

        qtbot.waitUntil(scrolls)
