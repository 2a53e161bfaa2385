"""What a screen reader hears (accessible names and descriptions) and Help ▸ Keyboard Shortcuts
are in the language the app is shown in, and follow View ▸ Language without a restart."""

import re

from PySide6.QtWidgets import QLineEdit, QWidget

from explorer.ui import i18n

CJK = re.compile("[\u4e00-\u9fff]")
# A plot's description says where its handle is; that is read when the description is written.
WHERE = re.compile(r"(x = \S+, y = \S+|x = \S+)\)")


def _accessible(window) -> dict[tuple[int, str], str]:
    """{(widget, name or description): text} of every widget of every tab that has one."""
    found = {}
    for widget in window.findChildren(QWidget):
        if widget.accessibleName():
            found[(id(widget), "name")] = widget.accessibleName()
        if widget.accessibleDescription():
            found[(id(widget), "description")] = WHERE.sub("…)", widget.accessibleDescription())
    return found


def test_every_accessible_name_and_description_switches_to_chinese_and_back(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    window.shortcut_rows()  # builds every tab
    english = _accessible(window)
    # Every tab names its controls (the focus-chain test checks each one has a name).
    assert len(english) > 80
    source = window.findChild(QLineEdit, "graphInput_w")
    assert source.accessibleName() == "Value of w"

    i18n.set_language("zh")
    chinese = _accessible(window)
    assert chinese.keys() == english.keys()
    untranslated = {english[key] for key, text in chinese.items() if not CJK.search(text)}
    assert not untranslated, "name controls with describe(widget, T.lazy('…')), then translate"
    assert source.accessibleName() == "w 的值"
    # A plot's description names the handle its arrow keys move, in Chinese too.
    plot = window.findChild(QWidget, "derivativePanel").plot.plot_widget
    assert "方向键移动 x₀" in plot.accessibleDescription()
    descent_map = window.findChild(QWidget, "descentPanel").map_view.plot_widget
    assert "方向键移动 起点" in descent_map.accessibleDescription()

    i18n.set_language("en")
    assert _accessible(window) == english


def test_the_shortcut_list_is_in_the_language_shown(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    english = window.shortcut_rows()
    i18n.set_language("zh")
    chinese = window.shortcut_rows()
    assert len(chinese) == len(english)
    for row in chinese:
        # Every row says what the keys do and where in Chinese (keys such as Ctrl+E stay).
        assert CJK.search(row.what), row
        assert CJK.search(row.where) or row.where == "f(x)", row  # the f(x) field's Enter
        # A translated menu text's mnemonic, "退出(&Q)", is not part of what the keys do.
        assert "(" not in row.what or "&" not in row.what, row
        assert not re.search(r"\([A-Z]\)$", row.what), row
    assert any(row.what == "前向一步（计算图获得焦点时）" for row in chinese)
