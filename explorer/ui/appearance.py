"""The app's look: light/dark theme (following the system unless overridden), presentation mode
for projectors and the text size, applied to the whole application and kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from explorer.ui import palette
from explorer.ui.i18n import Context
from explorer.ui.palette import DARK, LIGHT, Theme

T = Context("AppearanceMenu")

THEMES: tuple[str, ...] = ("system", "light", "dark")
THEME_KEY = "appearance/theme"
PRESENTATION_KEY = "appearance/presentation"
TEXT_STEPS_KEY = "appearance/text_steps"
# Presentation mode: text, plot lines and dragged handles this many times larger, so a class at
# the back of the room can read a projected plot.
PRESENTATION_FONT_FACTOR = 1.4
PRESENTATION_LINE_FACTOR = 1.75
PRESENTATION_HANDLE_FACTOR = 1.6
# Ctrl+= / Ctrl+- change the application's text by one point a step, within these steps.
TEXT_STEPS = range(-4, 17)
# Fusion's selection blue has 3.7:1 under white text; this one has 5.5:1 (WCAG AA).
_SELECTION = "#2f65ca"
# Kept on the QApplication so every window and plot agrees (tests open many windows).
_BASE_FONT_PROPERTY = "explorerBaseFontPointSize"
_LINE_SCALE_PROPERTY = "explorerLineScale"
_HANDLE_SCALE_PROPERTY = "explorerHandleScale"
# Where set_text_role keeps a widget's role and its other style declarations.
_ROLE_PROPERTY = "explorerTextRole"
_ROLE_CSS_PROPERTY = "explorerTextRoleCss"
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one (light text on a dark window)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def theme_for(palette: QPalette) -> Theme:
    """The app's colours (explorer.ui.palette) that go with a light or dark ``palette``."""
    return DARK if is_dark(palette) else LIGHT


def current_theme() -> Theme:
    """The colours that go with the application's palette now (light without an application)."""
    app = QApplication.instance()
    return theme_for(app.palette()) if app is not None else LIGHT


def set_text_role(widget: QWidget, role: str, css: str = "") -> None:
    """Colour ``widget``'s text by ``role`` of the theme ("muted", "error", "ok", "caution",
    "info"; "" for the palette's own), plus any other ``css`` declarations ("font-weight: bold;"),
    in which ``{name}`` stands for the theme's colour of that name ("background: {agree_fill};";
    literal braces doubled).

    "invalid" marks a line edit's frame in the error colour instead. The role is kept on the
    widget, so a theme change recolours it.
    """
    if role and role != "invalid" and not hasattr(LIGHT, role):
        raise ValueError(f"unknown text role {role!r}")
    if widget.property(_ROLE_PROPERTY) is None:
        # The first role given: from now on the widget follows the theme and the text size.
        follow_theme(widget, lambda: _style_text_role(widget, current_theme()))
        follow_text_size(widget)
    widget.setProperty(_ROLE_PROPERTY, role)
    widget.setProperty(_ROLE_CSS_PROPERTY, css)
    _style_text_role(widget, current_theme())


def text_role(widget: QWidget) -> str:
    """The role set_text_role gave ``widget`` ("" when none)."""
    role = widget.property(_ROLE_PROPERTY)
    return role if isinstance(role, str) else ""


def _style_text_role(widget: QWidget, theme: Theme) -> None:
    role = text_role(widget)
    css = (widget.property(_ROLE_CSS_PROPERTY) or "").format_map(vars(theme))
    if role == "invalid":
        style = f"QLineEdit {{ border: 2px solid {theme.error}; {css} }}"
    elif role:
        style = f"color: {getattr(theme, role)}; {css}"
    else:
        style = css
    if widget.styleSheet() != style.strip():
        widget.setStyleSheet(style.strip())


class _ThemeNotifier(QObject):
    """Announces a new theme (Appearance puts one into effect), once per application.

    Qt's own palette events do not reach a widget with a style sheet of its own that is not a
    window, nor anything inside it (set_text_role gives every label it colours a sheet), so
    those follow the theme through this."""

    changed = Signal()


def theme_notifier() -> _ThemeNotifier:
    """The application's one notifier of theme changes."""
    app = QApplication.instance()
    notifier = app.findChild(_ThemeNotifier)
    return notifier if notifier is not None else _ThemeNotifier(app)


class _ThemeFollower(QObject):
    """Calls back when the theme changes: on the watched widget's palette change, or on the
    application's theme notice when Qt sends the widget none (a style sheet of its own)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self._callback = callback
        self._theme = current_theme()
        widget.installEventFilter(self)
        theme_notifier().changed.connect(self._check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _PALETTE_EVENTS:
            self._check()
        return False

    def _check(self) -> None:
        theme = current_theme()
        # Qt sends both the application's and the widget's palette change, and the notice
        # follows: act once.
        if theme != self._theme:
            self._theme = theme
            self._callback()


class _TextSizeNotifier(QObject):
    """Announces a new application text size (Appearance.apply), once per application."""

    changed = Signal()


def text_size_notifier() -> _TextSizeNotifier:
    """The application's one notifier of text size changes."""
    app = QApplication.instance()
    notifier = app.findChild(_TextSizeNotifier)
    return notifier if notifier is not None else _TextSizeNotifier(app)


class _StyleSheetFont(QObject):
    """Keeps a widget with its own style sheet at the application's text size and its theme's
    text colour.

    Qt sends no font or palette change to such a widget (set_text_role gives one to every label
    it colours), so its text would keep the old size and colour; setting the sheet again makes
    Qt resolve its font and palette anew. A child of the widget: the connections go when the
    widget goes.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        text_size_notifier().changed.connect(self.refresh)
        theme_notifier().changed.connect(self.refresh)

    def refresh(self) -> None:
        # Only in windows on screen (every tab of the main window): a closed window's plots
        # may be half torn down already.
        if self._widget.window().isVisible():
            self._widget.setStyleSheet(self._widget.styleSheet())


def follow_text_size(widget: QWidget) -> None:
    """Keep ``widget``, which has (or will have) a style sheet of its own, at the application's
    text size when Ctrl+= or presentation mode changes it, and in the theme's text colour when
    the theme changes (Qt itself would do neither)."""
    if widget.findChild(_StyleSheetFont, options=Qt.FindChildOption.FindDirectChildrenOnly):
        return
    _StyleSheetFont(widget)


def follow_theme(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the theme changes while ``widget`` lives: for rich text and
    painted items that take their colours from current_theme() when they are drawn."""
    _ThemeFollower(widget, callback)


def relative_luminance(color: QColor | str) -> float:
    """WCAG 2 relative luminance of a colour (0 for black, 1 for white)."""
    return palette.relative_luminance(QColor(color).name())


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    return palette.contrast_ratio(QColor(first).name(), QColor(second).name())


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used when the platform offers none)."""
    colors = {
        QPalette.ColorRole.Window: DARK.window,
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: DARK.window,
        QPalette.ColorRole.ToolTipBase: "#3c3f44",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9da3",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#3a3d42",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4d52",
        QPalette.ColorRole.Midlight: "#404348",
        QPalette.ColorRole.Mid: "#303236",
        QPalette.ColorRole.Dark: "#1a1b1e",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: _SELECTION,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb4ff",
        QPalette.ColorRole.LinkVisited: "#c49cff",
    }
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#85888d"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#4a4d52"))
    return palette


def light_palette() -> QPalette:
    """The style's own light palette, with a selection colour white text is readable on."""
    palette = QApplication.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(_SELECTION))
    return palette


def line_scale() -> float:
    """How many times wider plot lines are drawn now (presentation mode makes them thicker)."""
    return _app_float(_LINE_SCALE_PROPERTY)


def handle_scale() -> float:
    """How many times larger dragged handles are drawn now (bigger in presentation mode)."""
    return _app_float(_HANDLE_SCALE_PROPERTY)


def text_scale() -> float:
    """The application's text size now relative to its size at start (Ctrl+=, presentation)."""
    app = QApplication.instance()
    base = app.property(_BASE_FONT_PROPERTY) if app is not None else None
    if not isinstance(base, int | float) or base <= 0:
        return 1.0
    return app.font().pointSizeF() / base


def _app_float(name: str) -> float:
    app = QApplication.instance()
    value = app.property(name) if app is not None else None
    return float(value) if isinstance(value, int | float) and value > 0 else 1.0


class Appearance(QObject):
    """The theme, presentation mode and text size chosen in View, applied to the application.

    ``settings`` is where the choices are kept. ``apply()`` puts them into effect; every setter
    applies and saves at once. Plots follow through Qt's palette and font change events.
    """

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._app = QApplication.instance()
        if self._app.property(_BASE_FONT_PROPERTY) is None:
            self._app.setProperty(_BASE_FONT_PROPERTY, self._app.font().pointSizeF())
        self._app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    # ----- stored choices -----------------------------------------------------------------------

    def theme(self) -> str:
        value = self.settings.value(THEME_KEY, "system", type=str)
        return value if value in THEMES else "system"

    def presentation(self) -> bool:
        return self.settings.value(PRESENTATION_KEY, False, type=bool)

    def text_steps(self) -> int:
        value = self.settings.value(TEXT_STEPS_KEY, 0, type=int)
        return min(max(value, TEXT_STEPS.start), TEXT_STEPS.stop - 1)

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; use one of {THEMES}")
        self.settings.setValue(THEME_KEY, theme)
        self.apply()

    def set_presentation(self, on: bool) -> None:
        self.settings.setValue(PRESENTATION_KEY, bool(on))
        self.apply()

    def grow_text(self) -> None:
        self._set_text_steps(self.text_steps() + 1)

    def shrink_text(self) -> None:
        self._set_text_steps(self.text_steps() - 1)

    def reset_text(self) -> None:
        self._set_text_steps(0)

    def _set_text_steps(self, steps: int) -> None:
        self.settings.setValue(TEXT_STEPS_KEY, min(max(steps, TEXT_STEPS.start), TEXT_STEPS[-1]))
        self.apply()

    # ----- effect -------------------------------------------------------------------------------

    def effective_scheme(self) -> Qt.ColorScheme:
        """Dark or Light: the chosen theme, or the system's scheme under "system"."""
        theme = self.theme()
        if theme == "dark":
            return Qt.ColorScheme.Dark
        if theme == "light":
            return Qt.ColorScheme.Light
        system = self._app.styleHints().colorScheme()
        return Qt.ColorScheme.Dark if system == Qt.ColorScheme.Dark else Qt.ColorScheme.Light

    def font_point_size(self) -> float:
        """The application's text size for the current presentation mode and text steps."""
        base = float(self._app.property(_BASE_FONT_PROPERTY))
        factor = PRESENTATION_FONT_FACTOR if self.presentation() else 1.0
        return max(6.0, round(base * factor) + self.text_steps())

    def apply(self) -> None:
        """Put the stored theme, presentation mode and text size into effect."""
        self._apply_scheme()
        presenting = self.presentation()
        # Scales first: the font change below is what makes plots re-read them.
        self._app.setProperty(_LINE_SCALE_PROPERTY, PRESENTATION_LINE_FACTOR if presenting else 1)
        self._app.setProperty(
            _HANDLE_SCALE_PROPERTY, PRESENTATION_HANDLE_FACTOR if presenting else 1
        )
        font = QFont(self._app.font())
        size = self.font_point_size()
        if font.pointSizeF() != size:
            font.setPointSizeF(size)
            self._app.setFont(font)
            text_size_notifier().changed.emit()
        self.changed.emit()

    def _apply_scheme(self) -> None:
        theme = self.theme()
        hints = self._app.styleHints()
        if theme == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(self.effective_scheme())
        # The platform may not follow the request (offscreen, the Windows style): an explicit
        # palette makes the choice hold everywhere; "system" keeps the platform's own when it
        # matches the scheme.
        dark = self.effective_scheme() == Qt.ColorScheme.Dark
        if theme == "dark" or (dark and not is_dark(self._app.palette())):
            self._set_palette(dark_palette())
        elif theme == "light":
            self._set_palette(light_palette())
        else:
            self._app.setPalette(QPalette())
            if dark and not is_dark(self._app.palette()):
                self._set_palette(dark_palette())
        theme_notifier().changed.emit()

    def _set_palette(self, palette: QPalette) -> None:
        # Unchanged, it would still restyle every widget and plot (a text size step, say).
        if self._app.palette() != palette:
            self._app.setPalette(palette)

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme() == "system":
            self._apply_scheme()


THEME_NAMES = {"system": T.mark("System"), "light": T.mark("Light"), "dark": T.mark("Dark")}
THEME_WORDS = {"light": T.mark("light"), "dark": T.mark("dark")}


class AppearanceMenu(QObject):
    """View ▸ Theme, Presentation Mode and the text size actions, kept in step with ``appearance``.

    The actions are added to ``window`` so their shortcuts work wherever the focus is.
    """

    def __init__(self, appearance: Appearance, window: QWidget):
        super().__init__(window)
        self.appearance = appearance
        self.theme_menu = T.title(QMenu(window), "&Theme")
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for theme in THEMES:
            action = T.action(self, THEME_NAMES[theme])
            action.setCheckable(True)
            if theme != "system":
                T.tip(action, "Use the {theme} colour scheme", theme=T.lazy(THEME_WORDS[theme]))
            action.triggered.connect(lambda _checked, theme=theme: appearance.set_theme(theme))
            group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[theme] = action
        T.tip(self.theme_actions["system"], "Follow the system's light or dark scheme")
        self.presentation_action = T.action(self, "&Presentation Mode")
        self.presentation_action.setCheckable(True)
        T.tip(
            self.presentation_action,
            "Larger text, thicker lines and bigger handles for a projector",
        )
        self.presentation_action.toggled.connect(appearance.set_presentation)
        self.larger_text_action = T.action(self, "&Larger Text")
        # Ctrl+= is where Ctrl++ is on most keyboards without pressing Shift.
        self.larger_text_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger_text_action.triggered.connect(appearance.grow_text)
        self.smaller_text_action = T.action(self, "&Smaller Text")
        self.smaller_text_action.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller_text_action.triggered.connect(appearance.shrink_text)
        # No Ctrl+0 here: that is Reset view in every plot (documented, and kept).
        self.reset_text_action = T.action(self, "&Normal Text Size")
        self.reset_text_action.triggered.connect(appearance.reset_text)
        window.addActions(self.actions())
        appearance.changed.connect(self._sync)
        self._sync()

    def actions(self) -> list[QAction]:
        """The actions with shortcuts or a check mark, besides the theme choice."""
        return [
            self.presentation_action,
            self.larger_text_action,
            self.smaller_text_action,
            self.reset_text_action,
        ]

    def add_to(self, menu: QMenu) -> None:
        menu.addMenu(self.theme_menu)
        menu.addActions(self.actions())

    def _sync(self) -> None:
        self.theme_actions[self.appearance.theme()].setChecked(True)
        self.presentation_action.blockSignals(True)
        self.presentation_action.setChecked(self.appearance.presentation())
        self.presentation_action.blockSignals(False)
        steps = self.appearance.text_steps()
        self.larger_text_action.setEnabled(steps < TEXT_STEPS[-1])
        self.smaller_text_action.setEnabled(steps > TEXT_STEPS[0])
        self.reset_text_action.setEnabled(steps != 0)
