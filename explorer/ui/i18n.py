"""The app's two languages: Qt Linguist catalogues read at run time, switched live, remembered.

Every user-visible string goes through a ``Context`` (one per module, named after the module's
main class): ``T = Context("DescentPanel")`` and then ``T("Step")`` for a string wanted now, or
``T.text(label, "Step {n}", n=3)`` for a widget's text that must follow the language later.
``packaging/translations.py`` finds these calls (the first string literal of a call on a
module-level ``Context``) and keeps ``explorer/resources/translations/<code>.ts`` in step.

The ``.ts`` files are the sources, kept in the repository. A built app (``packaging/build.sh``)
ships ``<code>.qm`` beside each, compiled from it by ``pyside6-lrelease`` during the build, and
loads that with Qt's own ``QTranslator``; a source checkout has no build step, so there the
``.ts`` is read directly by ``TsTranslator`` (a ``QTranslator`` over the XML). A test compiles the
``.ts`` and checks both answer alike for every entry, so the two paths cannot disagree.

Switching: ``set_language`` swaps the application's translator and sets every text bound with
``bind`` (``Context.text``/``tip``/…) again in the new language; Qt then delivers
``QEvent.LanguageChange`` to every widget, and widgets whose text is built by code (readouts,
explanations) re-render in their ``changeEvent`` (``Panel.retranslate``). Nothing listens to the
application's events for this (an application-wide event filter would run Python for every event
of every widget, mouse moves included): only ``set_language`` changes the translators.

Templates use named fields (``{n}``) so a translation can reorder them; messages computed in core
(English, shared with the CLI) are translated at this boundary by ``core_text``: an exact entry in
the ``core`` context, or a pattern entry whose ``{field}`` parts match any text.
"""

from __future__ import annotations

import html
import re
import weakref
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from explorer.ui.resources import resource_path

LANGUAGES = {"en": "English", "zh": "简体中文"}
QT_LOCALES = {"zh": "zh_CN"}  # the locale of Qt's own catalogue for each language
LANGUAGE_KEY = "ui/language"
CORE_CONTEXT = "core"
_WORDS = re.compile("[A-Za-z]{2}")  # text that may hold words to translate (not a bare number)
O = TypeVar("O", bound=QObject)


# ----- catalogues ---------------------------------------------------------------------------------


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of a Qt Linguist .ts file, finished entries only."""
    messages: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                messages[(name, message.findtext("source") or "")] = translation.text
    return messages


def catalogue_path(code: str) -> Path | None:
    """The Qt Linguist source of language ``code``, or None for English (the source language)."""
    try:
        return resource_path("translations", f"{code}.ts")
    except FileNotFoundError:
        return None


def compiled_catalogue_path(code: str) -> Path | None:
    """The ``.qm`` lrelease compiled from ``code``'s ``.ts`` in a built app; None in a checkout."""
    try:
        return resource_path("translations", f"{code}.qm")
    except FileNotFoundError:
        return None


def load_catalogue(code: str, parent: QObject) -> tuple[QTranslator, Path] | None:
    """The translator of language ``code`` and the file it reads: the compiled ``.qm`` where the
    build made one (Qt's own loader), else the ``.ts`` source; None for English."""
    compiled = compiled_catalogue_path(code)
    if compiled is not None:
        translator = QTranslator(parent)
        if translator.load(str(compiled)):
            return translator, compiled
        translator.deleteLater()
    source = catalogue_path(code)
    return (TsTranslator(source, parent), source) if source is not None else None


def core_templates(translator: QTranslator, source: Path) -> list[tuple[re.Pattern[str], str]]:
    """The ``core`` templates of the ``.ts`` ``source`` as patterns, each with its translation as
    ``translator`` gives it (so a ``.qm`` and its ``.ts`` give the same)."""
    messages = {}
    for context, text in read_ts(source):
        if context == CORE_CONTEXT and "{" in text:
            translation = translator.translate(context, text)
            if translation:
                messages[(context, text)] = translation
    return _core_patterns(messages)


class TsTranslator(QTranslator):
    """A QTranslator answering from a .ts file's XML, read once when it is made."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.messages = read_ts(path)

    def translate(  # noqa: D401 - Qt override
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None tells Qt "not here": it then falls back to the source text.
        return self.messages.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.messages


# ----- texts --------------------------------------------------------------------------------------


class Text:
    """A translatable text with its fields, rendered in the current language by ``str()``.

    A field may itself be a ``Text`` (or anything with a ``__str__``): it is rendered too, so a
    bound text built from translated parts follows the language as a whole.
    """

    __slots__ = ("context", "source", "values")

    def __init__(self, context: str, source: str, values: dict[str, Any]) -> None:
        self.context, self.source, self.values = context, source, values

    def __str__(self) -> str:
        text = QCoreApplication.translate(self.context, self.source)
        if not self.values:
            return text
        return text.format(**{key: str(value) for key, value in self.values.items()})

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.source!r}, {self.values!r})"


class Joined:
    """Parts (texts or plain strings) joined by ``separator`` when rendered."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts: list[Any], separator: str = "") -> None:
        self.parts, self.separator = parts, separator

    def __str__(self) -> str:
        return self.separator.join(str(part) for part in self.parts)


class Deferred:
    """Text computed by ``function()`` each time it is rendered (a message built from parts)."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[], str]) -> None:
        self.function = function

    def __str__(self) -> str:
        return self.function()


class Escaped:
    """``text`` rendered and escaped for a rich-text label."""

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        self.text = text

    def __str__(self) -> str:
        return html.escape(str(self.text), quote=False)


class Context:
    """The translation context of one module's strings (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, source: str, **values: Any) -> str:
        """``source`` in the current language, fields filled in."""
        return str(self.lazy(source, **values))

    def lazy(self, source: str, **values: Any) -> Text:
        """``source`` to be rendered later (bound to a widget, or a field of another text)."""
        return Text(self.name, source, values)

    @staticmethod
    def mark(source: str) -> str:
        """Mark a string kept as data (a list of names) for the catalogue; translate it where it
        is shown with ``context(source)``."""
        return source

    # Each returns ``obj``: ``button = T.text(QPushButton(), "Run")``.
    def text(self, obj: O, source: str, **values: Any) -> O:
        bind(obj, "setText", self.lazy(source, **values))
        return obj

    def tip(self, obj: O, source: str, **values: Any) -> O:
        bind(obj, "setToolTip", self.lazy(source, **values))
        return obj

    def placeholder(self, obj: O, source: str, **values: Any) -> O:
        bind(obj, "setPlaceholderText", self.lazy(source, **values))
        return obj

    def title(self, obj: O, source: str, **values: Any) -> O:
        """A group box's or menu's title."""
        bind(obj, "setTitle", self.lazy(source, **values))
        return obj

    def window_title(self, obj: O, source: str, **values: Any) -> O:
        bind(obj, "setWindowTitle", self.lazy(source, **values))
        return obj

    def bind_item(self, combo: O, index: int, source: str, **values: Any) -> O:
        """Item ``index`` of a combo box."""
        bind(combo, "setItemText", self.lazy(source, **values), index)
        return combo

    def label(self, source: str, **values: Any) -> QLabel:
        """A new QLabel whose text follows the language."""
        label = QLabel()
        self.text(label, source, **values)
        return label

    def action(self, parent: QObject, source: str, **values: Any) -> QAction:
        """A new QAction whose text follows the language."""
        action = QAction(parent)
        self.text(action, source, **values)
        return action


T = Context("LanguageMenu")

# obj -> {(setter, leading args): text}. Weak: a deleted widget drops out by itself.
_bound: weakref.WeakKeyDictionary[QObject, dict[tuple[str, tuple], Any]] = (
    weakref.WeakKeyDictionary()
)


def bind(obj: QObject, setter: str, text: Any, *leading: Any) -> None:
    """Call ``obj.<setter>(*leading, str(text))`` now and again whenever the language changes.

    ``leading`` picks the item for setters such as ``setTabText(index, …)`` or
    ``setItemText(index, …)``. Binding again replaces the earlier text of the same slot.
    """
    _bound.setdefault(obj, {})[(setter, leading)] = text
    getattr(obj, setter)(*leading, str(text))


def unbind(obj: QObject, setter: str, *leading: Any) -> None:
    """Stop following the language for this slot (the code now sets it to user text)."""
    _bound.get(obj, {}).pop((setter, leading), None)


def retranslate_bound() -> None:
    """Set every bound text again in the current language."""
    for obj, slots in list(_bound.items()):
        for (setter, leading), text in list(slots.items()):
            try:
                getattr(obj, setter)(*leading, str(text))
            except RuntimeError:  # its C++ object is gone (the window closed)
                _bound.pop(obj, None)
                break


# Qt's own buttons inside a dock's title bar and a tab bar name themselves (from Qt's catalogue)
# once, when made: {objectName: (Qt's context, name, description)}.
_QT_OWN_NAMES = {
    "qt_dockwidget_closebutton": ("QDockWidget", "Close", "Closes the dock widget"),
    "qt_dockwidget_floatbutton": (
        "QDockWidget",
        "Float",
        "Undocks and re-attaches the dock widget",
    ),
    "ScrollLeftButton": ("QTabBar", "Scroll Left", ""),
    "ScrollRightButton": ("QTabBar", "Scroll Right", ""),
}


def retranslate_qt_own_names() -> None:
    """Name Qt's own dock and tab-bar buttons again in the current language (screen readers)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return
    for top in app.topLevelWidgets():
        for name, (context, accessible, description) in _QT_OWN_NAMES.items():
            for button in top.findChildren(QWidget, name):
                button.setAccessibleName(QCoreApplication.translate(context, accessible))
                if description:
                    translated = QCoreApplication.translate(context, description)
                    button.setAccessibleDescription(translated)


# ----- core's messages ----------------------------------------------------------------------------


def _core_patterns(messages: dict[tuple[str, str], str]) -> list[tuple[re.Pattern[str], str]]:
    """The ``core`` entries with ``{field}`` parts as regular expressions, longest first."""
    compiled = []
    for (context, source), translation in messages.items():
        if context != CORE_CONTEXT or "{" not in source:
            continue
        regex, seen = "", set()
        for index, part in enumerate(re.split(r"\{(\w+)\}", source)):
            if index % 2 == 0:
                regex += re.escape(part)
            else:  # a field named twice must be the same text both times
                regex += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
                seen.add(part)
        compiled.append((re.compile(regex + r"\Z", re.DOTALL), translation))
    # Longest template first: the most specific wins over a shorter one it contains.
    compiled.sort(key=lambda pair: -len(pair[0].pattern))
    return compiled


def core_text(message: str) -> str:
    """A message computed in core (English) in the current language.

    Exact entries first; then pattern entries (``Unknown function '{name}'``, listed in
    ``explorer.ui.core_messages``); a text of several lines, line by line. Unknown text stays
    English.
    """
    translated = QCoreApplication.translate(CORE_CONTEXT, message)
    if translated != message or _state.translator is None:
        return translated
    if "\n" in message:  # a multi-line explanation: line by line
        return "\n".join(core_text(line) for line in message.split("\n"))
    for pattern, translation in _state.core_patterns:
        match = pattern.match(message)
        if match:
            # A field that is itself a core message ("the lower bound", one of several parts
            # joined by "; ") is translated too; a field is shorter than its message, so this ends.
            fields = {
                key: core_text(value) if _WORDS.search(value) else value
                for key, value in match.groupdict().items()
            }
            return translation.format(**fields)
    return message


class CoreText:
    """A core message rendered in the current language by ``str()`` (for ``bind``)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return core_text(self.message)


# ----- the current language -----------------------------------------------------------------------


class _State:
    def __init__(self) -> None:
        self.code = "en"
        self.translator: QTranslator | None = None
        self.catalogue: Path | None = None  # the file the translator reads (.qm or .ts)
        self.core_patterns: list[tuple[re.Pattern[str], str]] = []
        self.qt_translator: QTranslator | None = None
        self.missing_font_said = False


_state = _State()


def system_language() -> str:
    """Chinese when the system locale is Chinese, else English."""
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def chinese_font_installed() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def language() -> str:
    """The chosen language's code (what View ▸ Language shows checked)."""
    return _state.code


def catalogue_in_use() -> Path | None:
    """The catalogue the app is translated from now (``zh.qm`` in a built app, ``zh.ts`` in a
    checkout); None while it is shown in English."""
    return _state.catalogue


def shown_language() -> str:
    """The language the app is drawn in: Chinese only where a font can draw it."""
    return "zh" if _state.code == "zh" and chinese_font_installed() else "en"


def saved_language(settings: QSettings) -> str:
    code = str(settings.value(LANGUAGE_KEY, system_language(), type=str))
    return code if code in LANGUAGES else "en"


def set_language(code: str) -> None:
    """Draw the app in ``code`` now (every window, without a restart)."""
    app = QCoreApplication.instance()
    _state.code = code if code in LANGUAGES else "en"
    previous, _state.translator = _state.translator, None
    previous_qt, _state.qt_translator = _state.qt_translator, None
    _state.catalogue, _state.core_patterns = None, []
    loaded = load_catalogue(_state.code, app) if shown_language() != "en" else None
    if loaded is not None:
        _state.translator, _state.catalogue = loaded
        source = catalogue_path(_state.code)
        if source is not None:
            _state.core_patterns = core_templates(_state.translator, source)
        app.installTranslator(_state.translator)
        # Qt's own words (Close, Cancel, Save in standard buttons) from the catalogue Qt ships.
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(QT_LOCALES[_state.code]), "qtbase", "_", folder):
            _state.qt_translator = qt
            app.installTranslator(qt)
    for old in (previous, previous_qt):
        if old is not None:
            app.removeTranslator(old)
            old.deleteLater()
    # The bound texts first, once the translators are in place (so a widget's changeEvent below
    # already finds its bound labels in the new language, as it did when the application's own
    # LanguageChange set them).
    retranslate_bound()
    retranslate_qt_own_names()
    if previous is None and _state.translator is None:
        # Nothing was installed and nothing is now: Qt sends no LanguageChange by itself.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # QApplication posts LanguageChange to the windows: deliver it now, so the whole app has
    # switched when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def missing_font_notice() -> str:
    """Said once, in words every font can draw, when Chinese is chosen but cannot be drawn."""
    if _state.code != "zh" or chinese_font_installed():
        return ""
    return (
        "No font with Chinese characters is installed, so the app is shown in English. "
        "Install one (for example Noto Sans CJK SC) to use it in Chinese."
    )


class LanguageMenu(QMenu):
    """View ▸ Language: the languages, the chosen one checked; choosing switches and remembers."""

    def __init__(
        self, parent: QWidget, settings: QSettings, on_change: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.settings = settings
        self.on_change = on_change
        self.group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self.addAction(name)  # each language's own name, never translated
            action.setCheckable(True)
            action.setData(code)
            self.group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
        T.title(self, "&Language")
        self.sync()

    def choose(self, code: str) -> None:
        self.settings.setValue(LANGUAGE_KEY, code)
        set_language(code)
        self.sync()
        if self.on_change is not None:
            self.on_change(code)

    def sync(self) -> None:
        for action in self.group.actions():
            action.setChecked(action.data() == language())
