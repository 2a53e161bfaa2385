"""Themes: a dark palette restyles plots (background, text, legend, title), text stays readable
(WCAG contrast ≥ 4.5:1 in both themes), and the choice is remembered."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from explorer.ui import palette
from explorer.ui.appearance import (
    Appearance,
    contrast_ratio,
    dark_palette,
    is_dark,
    light_palette,
    relative_luminance,
    theme_for,
)
from explorer.ui.graph_view.items import DARK_CARDS, LIGHT_CARDS
from explorer.ui.palette import DARK, LIGHT, MIN_TEXT_CONTRAST, readable_text
from explorer.ui.plot import PlotView

TEXT_ROLES = ("foreground", "muted", "error", "ok", "caution", "info")
BACKGROUND_ROLES = ("background", "legend_fill", "agree_fill", "disagree_fill")


@pytest.fixture
def appearance(tmp_path):
    """An Appearance on its own settings; the application's look is restored afterwards."""
    chosen = Appearance(QSettings(str(tmp_path / "look.ini"), QSettings.Format.IniFormat))
    yield chosen
    Appearance(QSettings(str(tmp_path / "reset.ini"), QSettings.Format.IniFormat)).apply()
    assert not is_dark(QApplication.palette())


@pytest.fixture
def plot(qtbot):
    view = PlotView(title="f and f′")
    qtbot.addWidget(view)
    view.resize(700, 450)
    view.show()
    qtbot.waitExposed(view)
    x = np.linspace(-2, 2, 50)
    view.set_curve("f", x, x**2, name="f(x)")
    view.set_curve("g", x, -(x**2), name="g(x)", color=palette.BLACK)
    return view


def test_contrast_ratio_matches_the_wcag_reference_values():
    # Values from the WCAG 2 definition: black on white is 21:1, a colour on itself 1:1, and
    # #767676 is the lightest grey that passes 4.5:1 on white (#777777 just fails).
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#3d7fd6", "#3d7fd6") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)


@pytest.mark.parametrize("make_palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_every_text_role_is_readable_on_every_background_of_its_theme(qapp, make_palette):
    window_palette = make_palette()
    theme = theme_for(window_palette)
    assert theme is (DARK if make_palette is dark_palette else LIGHT)
    backgrounds = {role: getattr(theme, role) for role in BACKGROUND_ROLES}
    # Labels sit on the window and, in lists and fields, on the base colour.
    backgrounds["window"] = window_palette.color(QPalette.ColorRole.Window)
    backgrounds["base"] = window_palette.color(QPalette.ColorRole.Base)
    for text_role in TEXT_ROLES:
        for where, background in backgrounds.items():
            ratio = contrast_ratio(getattr(theme, text_role), background)
            assert ratio >= MIN_TEXT_CONTRAST, (text_role, where, round(ratio, 2))
    # The character an error points at: the error colour on its marked background.
    assert contrast_ratio(theme.error, theme.marked) >= MIN_TEXT_CONTRAST


@pytest.mark.parametrize(
    "palette",
    [light_palette, dark_palette],
    ids=["light", "dark"],
)
def test_window_text_is_readable_in_both_palettes(qapp, palette):
    chosen = palette()
    role = QPalette.ColorRole
    for text, background in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
    ):
        ratio = contrast_ratio(chosen.color(text), chosen.color(background))
        assert ratio >= MIN_TEXT_CONTRAST, (text, background, ratio)


def axis_text_color(view):
    return view.plot_item.getAxis("bottom").textPen().color().name()


def curve_colour(view, key):
    return view.curve(key).opts["pen"].color().name()


def test_the_dark_theme_restyles_a_shown_plot(qtbot, appearance, plot):
    assert plot.plot_widget.backgroundBrush().color().name() == LIGHT.background
    assert axis_text_color(plot) == QColor(LIGHT.foreground).name()
    assert curve_colour(plot, "g") == QColor(palette.BLACK).name()

    appearance.set_theme("dark")
    qtbot.waitUntil(lambda: plot.theme == DARK)

    assert is_dark(QApplication.palette())
    background = plot.plot_widget.backgroundBrush().color()
    assert background.name() == DARK.background
    text = QColor(axis_text_color(plot))
    assert contrast_ratio(text, background) >= MIN_TEXT_CONTRAST
    label = plot.legend.items[0][1]
    assert QColor(label.opts["color"]).name() == QColor(DARK.foreground).name()
    title_color = QColor(plot.plot_item.titleLabel.opts["color"])
    assert title_color.name() == QColor(DARK.foreground).name()
    legend_fill = plot.legend.brush().color()
    assert contrast_ratio(QColor(label.opts["color"]), legend_fill) >= MIN_TEXT_CONTRAST
    # A role colour keeps its hue; Okabe–Ito's black would vanish, so it takes the text colour.
    assert curve_colour(plot, "f") == QColor(palette.FUNCTION).name()
    assert curve_colour(plot, "g") == QColor(DARK.foreground).name()

    appearance.set_theme("light")
    qtbot.waitUntil(lambda: plot.theme == LIGHT)
    assert plot.plot_widget.backgroundBrush().color().name() == LIGHT.background
    assert curve_colour(plot, "g") == QColor(palette.BLACK).name()


def test_the_theme_choice_is_remembered_and_the_menu_shows_it(qtbot, settings):
    from explorer.ui.main_window import MainWindow

    first = MainWindow(settings, load_panels=False)
    qtbot.addWidget(first)
    try:
        first.appearance_menu.theme_actions["dark"].trigger()
        assert is_dark(QApplication.palette())
        first.close()
        again = MainWindow(settings, load_panels=False)
        qtbot.addWidget(again)
        assert again.appearance.theme() == "dark"
        assert again.appearance_menu.theme_actions["dark"].isChecked()
        assert is_dark(QApplication.palette())
        again.appearance_menu.theme_actions["system"].trigger()
        # The offscreen platform reports no scheme, which counts as light.
        assert not is_dark(QApplication.palette())
        again.close()
    finally:
        settings.clear()
        Appearance(settings).apply()


def test_the_expression_feedback_is_recoloured_by_the_theme(qtbot, appearance, settings):
    from explorer.ui.main_window import MainWindow

    window = MainWindow(settings, load_panels=False)
    qtbot.addWidget(window)
    window.expression_input.set_text("x^3")
    assert LIGHT.muted in window.expression_input.feedback.text()
    appearance.set_theme("dark")
    qtbot.waitUntil(lambda: DARK.muted in window.expression_input.feedback.text())
    window.expression_input.set_text("x^")
    assert DARK.error in window.expression_input.feedback.text()
    assert DARK.error in window.expression_input.line_edit.styleSheet()
    window.close()


@pytest.mark.parametrize("cards", [LIGHT_CARDS, DARK_CARDS], ids=["light", "dark"])
def test_graph_card_text_is_readable_on_every_card(cards):
    backgrounds = [fill for fill, _border in cards.fills.values()] + [cards.label_background]
    for text in (cards.text, cards.muted, cards.grad, cards.tangent):
        for background in backgrounds:
            ratio = contrast_ratio(text, background)
            assert ratio >= MIN_TEXT_CONTRAST, (text.name(), background.name(), round(ratio, 2))


def painted_card(card) -> QImage:
    """The card as painted now, on a transparent image of its own size."""
    image = QImage(int(card.width) + 8, int(card.height) + 8, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(4, 4)
    card.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_the_dark_theme_recolours_the_graph_view_and_its_cards(qtbot, appearance, graph_panel):
    view, scene = graph_panel.view, graph_panel.scene
    card = scene.cards[next(iter(scene.cards))]
    edge = scene.edges[next(iter(scene.edges))]
    # A point inside the card's right padding, where no text is drawn: its fill.
    inside = (int(card.width) + 4 - 4, int(card.height / 2) + 4)
    fill_light = LIGHT_CARDS.fills[card.kind][0].name()
    assert painted_card(card).pixelColor(*inside).name() == fill_light
    assert view.backgroundBrush().color().name() == LIGHT.background

    appearance.set_theme("dark")
    qtbot.waitUntil(lambda: view.backgroundBrush().color().name() == DARK.background)

    assert painted_card(card).pixelColor(*inside).name() == DARK_CARDS.fills[card.kind][0].name()
    assert edge.pen().color().name() in {
        DARK_CARDS.edge.name(),
        DARK_CARDS.grad.name(),
        DARK_CARDS.highlight.name(),
    }
    html = graph_panel.explanation.toHtml()
    assert QColor(DARK.muted).name() in html  # the preset's "Expected:" note

    appearance.set_theme("light")
    qtbot.waitUntil(lambda: view.backgroundBrush().color().name() == LIGHT.background)
    assert painted_card(card).pixelColor(*inside).name() == fill_light


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_coloured_text_is_made_readable_keeping_its_hue(theme):
    for colour in palette.OKABE_ITO:
        text = readable_text(colour, theme)
        for background in (theme.window, theme.background, theme.legend_fill):
            assert contrast_ratio(text, background) >= MIN_TEXT_CONTRAST, (colour, text)
        if all(contrast_ratio(colour, b) >= MIN_TEXT_CONTRAST for b in (theme.window,)):
            continue
        # Mixed toward the text colour, not replaced by it: the hue stays recognisable.
        assert QColor(text).name() != QColor(theme.foreground).name(), colour
    # A colour that already reads is kept as it is.
    assert readable_text(theme.error, theme) == theme.error
