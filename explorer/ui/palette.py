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

# Text and frames (not data): a dark foreground, muted notes, and the one error red.
FOREGROUND = "#222222"
MUTED = "#555555"
ERROR = "#b00020"
OK = "#1b7f3b"


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#D55E00"`` → ``(213, 94, 0)``, for translucent brushes."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
