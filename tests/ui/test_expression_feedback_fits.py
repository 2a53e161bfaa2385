"""Error messages under the input never widen the window; columns and the syntax link work.

A 3,000-character unknown word once made the window 32,767 px wide for good.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from explorer.ui.expression_input import SYNTAX_LINK_TEXT, snippet_parts
from explorer.ui.syntax_help import SyntaxHelpDialog


@pytest.fixture
def window(qtbot, window):
    # The shared window (tests/ui/conftest.py) at the smallest size the issue names.
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    return window


def enter(qtbot, window, text):
    field = window.findChild(QLineEdit, "expressionInput")
    field.setText(text)  # keyClicks of 3,000 characters would take long; parsing is the same
    qtbot.waitUntil(lambda: not window.expression_input.debounce.isActive())


def screen_width(window) -> int:
    return (window.screen() or QApplication.primaryScreen()).availableGeometry().width()


LONG_INPUTS = ["a" * 3000, "a" * 499, "foo(x) + " + "x" * 480, "x+" * 249 + "x", "b" * 499 + "+"]


def test_a_long_input_never_widens_the_window(qtbot, window):
    # One window for every input, typed one after another on the first tab, as a learner would:
    # each is checked on every tab, and no earlier one may have widened the window for good.
    for text in LONG_INPUTS:
        window.tabs.setCurrentIndex(0)
        enter(qtbot, window, text)
        what = f"after {text[:12]}… ({len(text)} characters)"
        assert window.width() == 1024, what
        assert window.minimumSizeHint().width() <= screen_width(window), what
        assert window.expression_input.feedback.minimumSizeHint().width() <= 1024, what
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()  # let the tab lay itself out
            assert window.width() == 1024, (what, window.tab_key(index))
            assert window.minimumSizeHint().width() <= screen_width(window), what


def test_the_3000_letter_word_is_too_long_and_long_messages_are_elided(qtbot, window):
    enter(qtbot, window, "a" * 3000)
    assert window.expression_input.error_message().startswith("Expression is too long")
    enter(qtbot, window, "a" * 499)
    feedback = window.expression_input.feedback
    assert window.expression_input.error_message().startswith("Unknown name 'aaaa")
    assert "…" in feedback.text() and "(column 1)" in feedback.text()  # the middle goes
    assert len(feedback.toolTip()) <= 300 and "(column 1)" in feedback.toolTip()


def test_leading_spaces_move_the_marked_column(qtbot, window):
    enter(qtbot, window, "   3x^")
    assert window.expression_input.last_error().column == 6
    before, marked, _after = snippet_parts("   3x^", 6)
    assert marked == "^" and before == "   3x"
    assert "^</span>" in window.expression_input.feedback.text()


def test_an_unknown_name_links_to_the_syntax_list(qtbot, window):
    enter(qtbot, window, "sinx")
    feedback = window.expression_input.feedback
    assert SYNTAX_LINK_TEXT in feedback.text()
    feedback.linkActivated.emit("syntax")
    dialog = window.findChild(SyntaxHelpDialog, "syntaxHelp")
    qtbot.waitUntil(dialog.isVisible)
    enter(qtbot, window, "x^")
    assert SYNTAX_LINK_TEXT not in feedback.text()  # only names link there


def test_help_menu_opens_a_searchable_syntax_list(qtbot, window):
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.actions()[0] is window.syntax_action
    window.syntax_action.trigger()
    dialog = window.findChild(SyntaxHelpDialog, "syntaxHelp")
    qtbot.waitUntil(dialog.isVisible)
    assert len(dialog.visible_entries()) > 40
    qtbot.keyClicks(dialog.search, "ln")
    assert "log(u)" in [entry.write for entry in dialog.visible_entries()]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "no such thing")
    assert dialog.visible_entries() == [] and dialog.no_match.isVisible()
    window.syntax_action.trigger()  # the same dialog again, not a second one
    assert len(window.findChildren(SyntaxHelpDialog)) == 1
    assert dialog.size().width() <= screen_width(window)
