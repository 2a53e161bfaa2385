"""What the Gradient panel draws on its field view: P, ∇f, the direction u, the level curve
through P with its tangent and right angle, the gradient field, critical points, |f − L| shading.

Everything is drawn through ``FieldView``'s keyed overlays; the numbers come from
``explorer.core.gradient``. A drag of P only moves a few short items and retraces one level.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QGraphicsItem

from explorer.core.gradient.critical import CriticalPoint
from explorer.core.gradient.point import PointAnalysis, right_angle_marker, tangent_segment
from explorer.core.gradient.vector_field import GradientField
from explorer.ui.field_view import FieldView
from explorer.ui.i18n import Context, core_text
from explorer.ui.plot import PALETTE
from explorer.ui.plot_style import TANGENT_STYLE

T = Context("GradientPanel")

GRADIENT_COLOR = PALETTE[1]  # vermilion, as tangents and derivatives elsewhere in the app
DIRECTION_COLOR = PALETTE[0]  # blue
LEVEL_COLOR = "#111111"
TANGENT_COLOR = "#111111"
EPSILON_COLOR = PALETTE[3]
TOLERANCE_TINT = "#ffffffb0"
# ∇f and u are drawn this share of the smaller view side long (their direction is what counts;
# |∇f| is printed beside the map).
ARROW_FRACTION = 0.16
RIGHT_ANGLE_FRACTION = 0.035
TANGENT_FRACTION = 0.22
CRITICAL_STYLE = {
    "minimum": ("o", "#009E73", T.mark("minimum (∇f = 0)")),
    "maximum": ("t1", "#D55E00", T.mark("maximum (∇f = 0)")),
    "saddle": ("x", "#CC79A7", T.mark("saddle (∇f = 0)")),
    "degenerate": ("s", "#999999", T.mark("∇f = 0, test inconclusive")),
}


class GradientMapLayer:
    """The Gradient panel's overlays on one ``FieldView`` (the view owns the items)."""

    def __init__(self, view: FieldView) -> None:
        self.view = view
        self.point_handle = view.add_handle(
            "P", color=GRADIENT_COLOR, tooltip=T("P: drag it (or type it above the map)")
        )
        self.direction_handle = view.add_handle(
            "u", color=DIRECTION_COLOR, tooltip=T("The head of u: drag it to turn the direction θ")
        )

    def arrow_length(self) -> float:
        (x0, x1), (y0, y1) = self.view.view_range()
        return ARROW_FRACTION * min(x1 - x0, y1 - y0)

    def direction_head(self, analysis: PointAnalysis, theta: float) -> tuple[float, float]:
        length = self.arrow_length()
        return analysis.x + length * math.cos(theta), analysis.y + length * math.sin(theta)

    # ----- P, ∇f, u -----------------------------------------------------------------------------

    def show_point(self, analysis: PointAnalysis, theta: float) -> None:
        """P, its gradient arrow, the direction u, the level curve's tangent and right angle."""
        view = self.view
        view.set_handle("P", analysis.x, analysis.y)
        length = self.arrow_length()
        if analysis.defined and not analysis.is_stationary:
            scale = length / analysis.norm
            view.set_arrows(
                "gradient",
                [analysis.x],
                [analysis.y],
                [analysis.df_dx * scale],
                [analysis.df_dy * scale],
                color=GRADIENT_COLOR,
                width=3.0,
                z_value=25,
            )
        else:
            view.set_arrows("gradient", [], [], [], [], color=GRADIENT_COLOR)
        self.show_direction(analysis, theta)
        tx, ty = tangent_segment(analysis, TANGENT_FRACTION / ARROW_FRACTION * length / 2)
        view.set_polyline(
            "tangent", tx, ty, color=TANGENT_COLOR, width=1.6, style=TANGENT_STYLE, name=None
        )
        rx, ry = right_angle_marker(analysis, RIGHT_ANGLE_FRACTION / ARROW_FRACTION * length)
        view.set_polyline("right angle", rx, ry, color=TANGENT_COLOR, width=1.2)
        self.show_level_curve(analysis)

    def show_direction(self, analysis: PointAnalysis, theta: float) -> None:
        head_x, head_y = self.direction_head(analysis, theta)
        self.view.set_arrows(
            "direction",
            [analysis.x],
            [analysis.y],
            [head_x - analysis.x],
            [head_y - analysis.y],
            color=DIRECTION_COLOR,
            width=2.4,
            z_value=24,
        )
        self.view.set_handle("u", head_x, head_y)

    def show_level_curve(self, analysis: PointAnalysis) -> None:
        """The level set f = f(P) on the current grid (contourpy, in the blocks it crosses),
        drawn bold."""
        grid = self.view.grid()
        if grid is None or not analysis.defined:
            self.view.set_polyline("level", [], [], color=LEVEL_COLOR)
            return
        line = grid.level_line(analysis.value)
        self.view.set_polyline(
            "level",
            line.x,
            line.y,
            color=LEVEL_COLOR,
            width=3.0,
            name=T("level curve through P (f = f(P))"),
        )

    def show_epsilon(self, analysis: PointAnalysis, epsilon: tuple[float, float]) -> None:
        position = None
        if analysis.defined:
            position = (analysis.x + epsilon[0], analysis.y + epsilon[1])
        self.view.set_point(
            "P + ε",
            position,
            color=EPSILON_COLOR,
            symbol="d",
            size=10,
            tooltip=T("P + ε: where the linear approximation is checked"),
        )

    # ----- whole-map overlays -------------------------------------------------------------------

    def show_field(self, field: GradientField | None) -> None:
        if field is None:
            self.view.set_arrows("field", [], [], [], [])
            return
        item = self.view.set_arrows(
            "field", field.x, field.y, field.u, field.v, magnitudes=field.magnitude, width=1.3
        )
        # The field changes with f and the view only: blitted on the repaints of a drag step.
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def show_critical_points(self, points: list[CriticalPoint] | None) -> None:
        for kind, (symbol, color, name) in CRITICAL_STYLE.items():
            chosen = [p for p in points or [] if p.kind == kind]
            self.view.set_markers(
                f"critical {kind}",
                [p.x for p in chosen],
                [p.y for p in chosen],
                color=color,
                symbol=symbol,
                size=13,
                tooltips=[core_text(p.describe()) for p in chosen],
                name=T(name),
            )

    def show_tolerance(self, mask: np.ndarray | None) -> None:
        self.view.set_shading("tolerance", mask, TOLERANCE_TINT)
