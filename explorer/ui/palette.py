"""The app's colours: the Okabe–Ito colour-blind-safe palette, named by what each curve shows.

Every plot and panel takes its colours from here, so a tangent is the same vermilion on every
tab and two things that must be told apart never share a hue a colour-blind reader confuses
(vermilion and orange look alike to most; a tangent and a secant once were exactly that pair).
tests/ui/test_palette.py checks the roles' pairwise contrast under simulated protanopia,
deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009).

Okabe & Ito, "Color Universal Design" (2008): black, orange, sky blue, bluish green, yellow,
blue, vermilion, reddish purple.
"""

from __future__ import annotations

from dataclasses import dataclass

BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"  # too light for lines on white: for fills only
BLUE = "#0072B2"
VERMILION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"

OKABE_ITO: tuple[str, ...] = (
    BLACK,
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    YELLOW,
    BLUE,
    VERMILION,
    REDDISH_PURPLE,
)

# Roles: what a curve shows decides its colour, on every tab.
FUNCTION = BLUE  # f itself
DERIVATIVE = BLUISH_GREEN  # f′
SECOND_DERIVATIVE = REDDISH_PURPLE  # f″
TANGENT = VERMILION  # the tangent line and its point
SECANT = SKY_BLUE  # the secant through x₀ and x₀ + h (dashed): never orange beside vermilion
BAND = BLUISH_GREEN  # the linear-approximation band, translucent
HIGHLIGHT = ORANGE  # a marked point or a best h

# Curves without a role take these in turn (f's blue first), as PlotView does.
CURVE_CYCLE: tuple[str, ...] = (
    BLUE,
    VERMILION,
    BLUISH_GREEN,
    REDDISH_PURPLE,
    ORANGE,
    SKY_BLUE,
    BLACK,
)


@dataclass(frozen=True)
class Theme:
    """Colours of what is not data (text, frames, plot backgrounds) in one theme.

    Text roles (``foreground``, ``muted``, ``error``, ``ok``, ``caution``, ``info``) stay at
    least 4.5:1 (WCAG AA) against every background role of the same theme (the window, the
    plots, the legend, the verdict fills): tests/ui/test_themes_follow_the_palette.py.
    """

    dark: bool
    window: str  # the window behind labels (the Qt palette's Window colour in this theme)
    background: str  # plot areas, the graph canvas
    foreground: str  # text, axes, outlines of handles
    muted: str  # notes, echoes, hints
    error: str  # errors and warnings
    ok: str  # a check that passed
    caution: str  # a convention to keep in mind (not an error)
    info: str  # explanatory notes in blue (forward mode, passes)
    legend_fill: str  # legend and readout boxes over a plot
    legend_border: str
    crosshair: str
    guide: str  # reference lines drawn in grey (the h → 0 guides, a rule's outline)
    marked: str  # background of the character an error points at
    agree_fill: str  # background of a verdict that agrees
    disagree_fill: str  # background of a verdict that does not
    frame: str  # thin frames around boxes


LIGHT = Theme(
    dark=False,
    window="#efefef",
    background="#ffffff",
    foreground="#222222",
    muted="#555555",
    error="#b00020",
    ok="#17692f",
    caution="#8a4b00",
    info="#1864ab",
    legend_fill="#ffffff",
    legend_border="#bbbbbb",
    crosshair="#888888",
    guide="#777777",
    marked="#ffc9d2",
    agree_fill="#e8f5e9",
    disagree_fill="#fdecea",
    frame="#c8d0e0",
)
DARK = Theme(
    dark=True,
    window="#2b2d31",
    background="#1c1f24",
    foreground="#e8e8e8",
    muted="#b4b8be",
    error="#ff7b86",
    ok="#6fd08c",
    caution="#f0b060",
    info="#8ab4f8",
    legend_fill="#262a30",
    legend_border="#5a5f66",
    crosshair="#9aa0a6",
    guide="#9a9da3",
    marked="#4f1c25",
    agree_fill="#1d3a26",
    disagree_fill="#4a1f26",
    frame="#4a5060",
)

# The light theme's text colours, for what is drawn without a window (headless exports).
FOREGROUND = LIGHT.foreground
MUTED = LIGHT.muted
ERROR = LIGHT.error
OK = LIGHT.ok


def curve_colour(colour: str, theme: Theme) -> str:
    """``colour`` as drawn in ``theme``: on a dark plot Okabe–Ito's black (which would vanish)
    becomes the theme's text colour; every other colour is kept, so a role keeps its hue."""
    if theme.dark and isinstance(colour, str) and colour.upper() == BLACK:
        return theme.foreground
    return colour


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#D55E00"`` → ``(213, 94, 0)``, for translucent brushes."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB ``"#rrggbb"`` colour (0 for black, 1 for white)."""
    channels = []
    for value in rgb(colour):
        value /= 255.0
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# WCAG 2 level AA for normal text.
MIN_TEXT_CONTRAST = 4.5


def readable_text(colour: str, theme: Theme) -> str:
    """``colour`` for text in ``theme``: as it is when it reads at 4.5:1 on the window, the plots
    and the legend; else mixed toward the theme's text colour just enough (the hue stays, so a
    gradient written in vermilion still matches its vermilion arrow)."""
    backgrounds = (theme.window, theme.background, theme.legend_fill)
    target = rgb(theme.foreground)
    start = rgb(colour)
    for step in range(11):
        share = step / 10
        mixed = "#" + "".join(
            f"{round(a + (b - a) * share):02x}" for a, b in zip(start, target, strict=True)
        )
        if all(contrast_ratio(mixed, back) >= MIN_TEXT_CONTRAST for back in backgrounds):
            return mixed
    return theme.foreground
