"""View ▸ Language: every tab, the menus and the window switch to Chinese live and back again."""

import re

from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QWidget

from explorer.ui import i18n
from explorer.ui.i18n import LANGUAGE_KEY
from explorer.ui.main_window import MainWindow

CJK = re.compile("[\u4e00-\u9fff]")
WORD = re.compile("[A-Za-z]{3,}")


def _texts(root: QWidget) -> dict[tuple[int, str], str]:
    """What a learner reads in ``root``: button and label texts, group titles, combo items."""
    found = {}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)):
            found[(id(widget), "text")] = widget.text()
        if isinstance(widget, QGroupBox):
            found[(id(widget), "title")] = widget.title()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                found[(id(widget), f"item {index}")] = widget.itemText(index)
    return found


def _choose(window: MainWindow, code: str) -> None:
    # As a learner does it: View ▸ Language ▸ the language's own name.
    action = next(a for a in window.language_menu.actions() if a.data() == code)
    action.trigger()


def test_every_tab_switches_to_chinese_and_back_without_a_restart(window, qtbot, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    window.resize(1280, 800)
    english = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        english[index] = _texts(window.current_panel())
    menus = [menu.title() for menu in (window.view_menu, window.language_menu)]
    title = window.windowTitle()

    _choose(window, "zh")
    assert window.settings.value(LANGUAGE_KEY) == "zh"
    for index in range(window.tabs.count()):
        name = window.tab_key(index)
        assert CJK.search(window.tabs.tabText(index)), name
        window.tabs.setCurrentIndex(index)
        chinese = _texts(window.current_panel())
        changed = [
            (english[index][key], text)
            for key, text in chinese.items()
            if key in english[index] and WORD.search(english[index][key]) and CJK.search(text)
        ]
        # A sample of what each tab shows: at least a handful of its words are now Chinese.
        assert len(changed) >= 4, (name, changed)
    assert all(CJK.search(menu.title()) for menu in (window.view_menu, window.language_menu))
    assert CJK.search(window.windowTitle())  # "未命名" for Untitled
    assert "页不使用 f(x)" in window.expression_input.feedback.text()  # the Descent tab's hint

    _choose(window, "en")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        back = _texts(window.current_panel())
        # Every text the English tab showed is English again (the same words, not stale ones).
        shown = [k for k, v in english[index].items() if v and k in back]
        assert {k: back[k] for k in shown} == {k: english[index][k] for k in shown}, window.tab_key(
            index
        )
    assert [menu.title() for menu in (window.view_menu, window.language_menu)] == menus
    assert window.windowTitle() == title


def test_the_chosen_language_is_remembered_by_the_next_window(qtbot, settings, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    _choose(first, "zh")
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.tabs.tabText(0) == "函数"
    assert second.menuBar().actions()[0].text() == "文件(&F)"


def test_qts_own_buttons_follow_the_language(window, qtbot, monkeypatch):
    # Standard buttons (Close, Save, Discard) come from the catalogue Qt ships with PySide6.
    from PySide6.QtWidgets import QDialogButtonBox

    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    _choose(window, "zh")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"


def test_an_expression_error_follows_the_language(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    window.expression_input.set_text("sin x")
    assert "needs parentheses" in window.expression_input.error_message()
    _choose(window, "zh")
    assert window.expression_input.error_message() == "“sin”需要括号：请写 sin(x)（第 1 列）"
    assert "需要括号" in window.expression_input.feedback.text()


def test_without_a_chinese_font_the_app_stays_english_and_says_so(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: False)
    _choose(window, "zh")
    assert window.tabs.tabText(0) == "Function"  # no boxes: English stays
    assert "No font with Chinese characters" in window.statusBar().currentMessage()
