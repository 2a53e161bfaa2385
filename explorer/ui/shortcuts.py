"""Help ▸ Keyboard Shortcuts: every key a window answers to, read from its actions and shortcuts
(so the list cannot fall behind them), plus the keys widgets handle themselves (``key_help``).

The rows are read in the language the app is shown in: action texts and tab titles are already
translated, and ``key_help`` answers in the current language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from explorer.ui.i18n import Context

T = Context("ShortcutList")
EVERYWHERE = T.mark("Everywhere")
# A mnemonic written after a translated text, as Chinese, Japanese and Korean menus do: "退出(&Q)".
_TRAILING_MNEMONIC = re.compile(r"\s*\(&\w\)")


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the list: the keys, what they do, and where (a tab, or everywhere)."""

    keys: str
    what: str
    where: str


def key_text(sequence: QKeySequence) -> str:
    """A key sequence as the platform writes it (Ctrl+E, ⌘E on macOS)."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(
    window: QWidget, where: Callable[[QObject], str | None], fixed: list[ShortcutRow]
) -> list[ShortcutRow]:
    """Every shortcut of ``window``'s actions and QShortcuts, and every widget's ``key_help()``.

    ``where(obj)`` names the tab an object belongs to (None: everywhere). The same keys doing
    the same thing on several tabs are one row naming them all; ``fixed`` rows come first.
    """
    found: dict[tuple[str, str], list[str]] = {}
    for row in fixed:
        found.setdefault((row.keys, row.what), []).append(row.where)

    def add(keys: str, what: str, owner: QObject) -> None:
        places = found.setdefault((keys, what), [])
        place = where(owner) or EVERYWHERE
        if place not in places:
            places.append(place)

    for action in window.findChildren(QAction):
        label = action_label(action)
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                add(key_text(sequence), label, action)
    for shortcut in window.findChildren(QShortcut):
        label = shortcut.whatsThis() or shortcut.objectName()
        for sequence in shortcut.keys():
            if not sequence.isEmpty():
                add(key_text(sequence), label, shortcut)
    for widget in window.findChildren(QWidget):
        key_help = getattr(widget, "key_help", None)
        if callable(key_help):
            for keys, what in key_help():
                add(keys, what, widget)
    rows = []
    for (keys, what), places in found.items():
        shown = T(EVERYWHERE) if EVERYWHERE in places else T(", ").join(places)
        rows.append(ShortcutRow(keys, what, shown))
    return rows


def action_label(action: QAction) -> str:
    """An action's text without its mnemonic (``&Quit``, ``退出(&Q)``) and trailing ellipsis."""
    text = _TRAILING_MNEMONIC.sub("", action.text().replace("&&", "\0"))
    return text.replace("&", "").replace("\0", "&").rstrip("…")
