"""Axes for PlotView: tick labels with true values (shared power of ten), edge ticks kept."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLineF
from PySide6.QtGui import QPainter, QPicture

from explorer.core.text import superscript, typographic_minus
from explorer.ui.hairlines import draw_lines

# Room (px) beyond each end of an axis for the labels of ticks that sit exactly on the view's
# edge; the plot's layout margins match, so those labels are never cut off.
EDGE_LABEL_ROOM_X = 16
EDGE_LABEL_ROOM_Y = 10
# Tick labels switch to "m×10ᵉ" outside this range of magnitudes (the largest tick decides).
SCIENTIFIC_FROM = 1e5
SCIENTIFIC_BELOW = 1e-3
# A log axis labels every decade while each label gets this many pixels (else every 2nd, …).
DECADE_ROOM_X = 40
DECADE_ROOM_Y = 24
# Never more mantissa digits than this, even when neighbouring ticks differ further down.
MAX_TICK_DIGITS = 12


def _scaled_down(value: float, exponent: int) -> float:
    """``value / 10**exponent`` without 10**exponent underflowing for exponents below −300."""
    if exponent < -300:
        return (value * 1e300) / 10.0 ** (exponent + 300)
    return value / 10.0**exponent


def format_ticks(values: Sequence[float], spacing: float) -> list[str]:
    """Tick labels for ``values`` that are ``spacing`` apart, with the typographic minus.

    Ordinary magnitudes get fixed decimals (as many as the spacing needs). Huge or tiny ones
    share one power of ten, written out on every label ("0", "1×10³²", "2×10³²"), so the
    labels need no separate multiplier in the axis title that could disagree with them.
    """
    finite = [abs(v) for v in values if math.isfinite(v)]
    largest = max(finite, default=0.0)
    spacing = abs(spacing) if math.isfinite(spacing) and spacing != 0 else max(largest, 1.0)
    if largest == 0 or SCIENTIFIC_BELOW <= largest < SCIENTIFIC_FROM:
        places = min(MAX_TICK_DIGITS, max(0, math.ceil(-math.log10(spacing))))
        texts = [f"{v:.{places}f}" for v in values]
    else:
        exponent = math.floor(math.log10(largest))
        digits = min(MAX_TICK_DIGITS, max(0, exponent - math.floor(math.log10(spacing))))
        power = f"×10{superscript(exponent)}"
        texts = [
            "0" if v == 0 else f"{_scaled_down(v, exponent):.{digits}f}{power}" for v in values
        ]
    # "-0.0" is zero; the minus sign would suggest a tiny negative tick.
    texts = [
        text[1:] if text.startswith("-") and float(text.split("×")[0]) == 0 else text
        for text in texts
    ]
    return [typographic_minus(text) for text in texts]


def format_log_ticks(values: Sequence[float]) -> list[str]:
    """Tick labels for a log axis, whose ``values`` are log₁₀ of the data: every decade is
    ``10ⁿ`` (``10⁻⁸`` … ``10⁰``, never ``1e-08`` or ``0.01``), a tick between decades is
    ``m×10ⁿ`` (``2×10⁻³``; just ``m`` in the decade 1…10)."""
    texts = []
    for value in values:
        if not math.isfinite(value):
            texts.append("")
            continue
        exponent = math.floor(value + 1e-9)
        mantissa = round(10.0 ** (value - exponent), 6)
        if mantissa >= 10:  # 9.9999999 rounded up: the next decade
            exponent, mantissa = exponent + 1, 1.0
        if mantissa == 1:
            texts.append(f"10{superscript(exponent)}")
            continue
        digits = f"{mantissa:g}"
        texts.append(digits if exponent == 0 else f"{digits}×10{superscript(exponent)}")
    return texts


class EdgeLabelAxis(pg.AxisItem):
    """An axis that also labels the ticks at the very ends of the range ("−5" and "5" on −5…5),
    negative ticks with the typographic minus, a log axis' decades as ``10ⁿ``.

    pyqtgraph hides every tick label that pokes out of the axis' bounding rect, and with the
    grid on that rect ends exactly at the view's edges (``hideOverlappingLabels`` is not
    consulted then), so a label centred on the last tick always lost. Widening the rect by a
    few pixels along the axis is enough.
    """

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        # pyqtgraph's automatic "(x1e+27)" multiplier in the axis title is replaced by the power
        # of ten on each tick label (format_ticks), so title and ticks cannot contradict.
        self.enableAutoSIPrefix(False)
        # The axis line and ticks (with the grid on, the grid lines) of the current picture.
        self._lines: list[tuple] = []

    def paint(self, p, opt, widget):  # noqa: ARG002 - pyqtgraph's signature
        """As pyqtgraph draws an axis (its line, the ticks, then the labels, from specs made
        again only when the axis changes), but the lines are drawn directly, the grid's
        translucent hairlines filled as the pixels Qt would cover (explorer.ui.hairlines):
        the same picture, without ~5 ms of pixel-by-pixel blending each time it is redrawn.
        The labels stay a recorded picture, as pyqtgraph keeps them."""
        if self.picture is None:
            picture = QPicture()
            painter = QPainter(picture)
            try:
                if self.style["tickFont"]:
                    painter.setFont(self.style["tickFont"])
                specs = self.generateDrawSpecs(painter)
                self._lines = []
                if specs is not None:
                    axis_spec, tick_specs, text_specs = specs
                    self._lines = [axis_spec, *tick_specs]
                    self._record_labels(painter, text_specs)
            finally:
                painter.end()
            self.picture = picture
        p.save()
        # The hints pyqtgraph's drawPicture sets before the lines.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for pen, lines in _runs_of_one_pen(self._lines):
            draw_lines(p, pen, lines)
        p.restore()
        self.picture.play(p)

    def _record_labels(self, painter: QPainter, text_specs: list) -> None:
        """The labels as pyqtgraph's drawPicture draws them after the lines."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if self.style["tickFont"] is not None:
            painter.setFont(self.style["tickFont"])
        painter.setPen(self.textPen())
        painter.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in text_specs:
            painter.drawText(rect, int(flags), text)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        if self.logMode:
            return format_log_ticks([v + math.log10(scale) for v in values])
        return format_ticks([v * scale for v in values], spacing * scale)

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 - pyqtgraph override
        # pyqtgraph labels every 2nd or 5th decade when it could label each; a learner reading
        # an error plot wants each power of ten. Only when they would collide is one skipped.
        first, last = math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9)
        decades = list(range(first, last + 1))
        room = DECADE_ROOM_X if self.orientation in ("bottom", "top") else DECADE_ROOM_Y
        fits = max(1, int(size // room))
        step = max(1, math.ceil(len(decades) / fits))
        labelled = [d for d in decades if d % step == 0]
        ticks = [(float(step), labelled)]
        if step == 1:
            # The 2…9 multiples: grid lines between decades, labelled only where they fit
            # (pyqtgraph's rule for a finer level), which is within a decade or two.
            low, high = math.floor(minVal), math.ceil(maxVal)
            minor = [d + math.log10(m) for d in range(low, high) for m in range(2, 10)]
            ticks.append((None, [v for v in minor if minVal < v < maxVal]))
        return ticks

    def boundingRect(self):  # noqa: N802 - Qt override
        rect = super().boundingRect()
        if self.orientation in ("bottom", "top"):
            return rect.adjusted(-EDGE_LABEL_ROOM_X, 0, EDGE_LABEL_ROOM_X, 0)
        return rect.adjusted(0, -EDGE_LABEL_ROOM_Y, 0, EDGE_LABEL_ROOM_Y)


def _runs_of_one_pen(specs: list[tuple]) -> list[tuple]:
    """(pen, p1, p2) specs, in order, as (pen, lines) for each run of one pen."""
    runs: list[tuple] = []
    for pen, start, end in specs:
        if runs and runs[-1][0] is pen:
            runs[-1][1].append(QLineF(start, end))
        else:
            runs.append((pen, [QLineF(start, end)]))
    return runs
