"""Help ▸ Keyboard Shortcuts lists every key the window answers to, read from the actions and
shortcuts themselves; no two actions live at the same time share a key (Qt would fire neither)."""

import html

from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMessageBox

from explorer.ui.shortcuts import EVERYWHERE, action_label, key_text


def every_shortcut(window):
    """(keys, label, owner) for every QAction and QShortcut in the window with a key."""
    found = []
    for action in window.findChildren(QAction):
        found += [(key_text(s), action_label(action), action) for s in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        label = shortcut.whatsThis() or shortcut.objectName()
        found += [(key_text(s), label, shortcut) for s in shortcut.keys()]
    return [entry for entry in found if entry[0]]


def test_every_action_with_a_shortcut_is_listed_on_every_tab(window):
    rows = window.shortcut_rows()  # builds every tab, so every panel's actions exist now
    listed = {(row.keys, row.what) for row in rows}
    shortcuts = every_shortcut(window)
    # The panels' own (Reset view, the graph's zoom) are there, not only the window's.
    assert {"Reset view", "Zoom in", "Fit graph to view"} <= {label for _k, label, _o in shortcuts}
    for keys, label, owner in shortcuts:
        assert (keys, label) in listed, (keys, label, owner)
    # The keys widgets handle themselves are listed too (the graph's stepping keys).
    assert any(row.what.startswith("Step forward") and row.where == "Graph" for row in rows)
    # Each row says where it works; the same action on several tabs is one row.
    reset = [row for row in rows if row.what == "Reset view"]
    assert len(reset) == 1 and "Function" in reset[0].where and "Derivative" in reset[0].where


def test_no_key_is_claimed_twice_on_any_tab(window):
    rows = window.shortcut_rows()
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    for tab in tabs:
        live = [
            (row.keys, row.what)
            for row in rows
            if row.where == EVERYWHERE or tab in row.where.split(", ")
        ]
        keys = [keys for keys, _what in live]
        twice = {key for key in keys if keys.count(key) > 1}
        assert not twice, (tab, [entry for entry in live if entry[0] in twice])


def test_the_dialog_shows_every_row(window):
    window.shortcuts_action.trigger()
    box = window.findChildren(QMessageBox)[-1]
    for row in window.shortcut_rows():
        assert html.escape(row.keys) in box.text() and html.escape(row.what) in box.text()
    box.close()
