"""Switching the language needs no application-wide event filter: an ordinary event (a mouse
move over a plot, a key press) runs no code of the language module, yet every bound text and
every widget's own text still follow a switch, in both directions."""

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from explorer.ui import i18n


def _i18n_calls_while(deliver) -> list[str]:
    """Names of the functions of explorer/ui/i18n.py that run while ``deliver()`` does."""
    module = Path(i18n.__file__).resolve()
    calls = []

    def profile(frame, event, _arg):
        if event == "call" and Path(frame.f_code.co_filename).resolve() == module:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        deliver()
    finally:
        sys.setprofile(None)
    return calls


def test_a_mouse_move_runs_no_language_code_after_switches(window, qtbot, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("zh")
    i18n.set_language("en")
    i18n.set_language("zh")
    label = i18n.Context("LanguageMenu").label("&Language")
    qtbot.addWidget(label)
    assert label.text() != "&Language"  # bound while Chinese: shown in Chinese
    viewport = window.current_panel()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert _i18n_calls_while(lambda: QApplication.sendEvent(viewport, move)) == []

    i18n.set_language("en")
    assert label.text() == "&Language"  # the bound text followed the switch back
    assert window.language_menu.title() == "&Language"
    i18n.set_language("zh")
    assert label.text() != "&Language" and window.language_menu.title() == label.text()
    i18n.set_language("en")


def test_bound_texts_are_already_switched_when_a_widget_hears_language_change(qtbot, monkeypatch):
    """A widget re-rendering in its changeEvent may read a bound text of another widget: that
    text is in the new language by then (as when the application's event set it first)."""
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("en")
    bound = i18n.Context("LanguageMenu").label("&Language")
    qtbot.addWidget(bound)
    seen = []

    class Reader(QLabel):
        def changeEvent(self, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(bound.text())
            super().changeEvent(event)

    reader = Reader()
    qtbot.addWidget(reader)
    reader.show()
    i18n.set_language("zh")
    chinese = bound.text()
    assert chinese != "&Language" and seen and seen[-1] == chinese
    i18n.set_language("en")
    assert seen[-1] == "&Language"
