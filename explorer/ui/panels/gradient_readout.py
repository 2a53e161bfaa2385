"""The Gradient panel's numbers as rich text: f(P), the partials with their formulas, ∇f, |∇f|,
the steepest descent, D_u f(P), and the linear approximation against f(P + ε)."""

from __future__ import annotations

import html
import math

from explorer.core.derivative.formatting import format_number
from explorer.core.gradient.point import (
    LinearApproximation,
    PointAnalysis,
    directional_derivative,
)
from explorer.core.gradient.report import pair_text
from explorer.core.gradient.surface import Surface

_MUTED = "#555555"
_GRADIENT = "#D55E00"
_DIRECTION = "#0072B2"


def _row(label: str, value: str, color: str | None = None) -> str:
    style = f" style='color:{color};'" if color else ""
    return f"<tr><td{style}>{label}</td><td{style}>{value}</td></tr>"


def numbers_html(surface: Surface | None, analysis: PointAnalysis | None, theta: float) -> str:
    """The table beside the map; every number from the core's analysis of P."""
    if surface is None or analysis is None:
        return ""
    point = html.escape(pair_text(analysis.x, analysis.y))
    if not analysis.defined:
        return (
            f"<p>P = {point}: <b style='color:#b00020;'>f is undefined here</b> (no value, "
            "no gradient). Drag P into the coloured region.</p>"
        )
    formulas = surface.partial_formulas
    rows = [
        _row("f(P) =", format_number(analysis.value)),
        _row(
            "∂f/∂x =",
            f"{html.escape(formulas['x'])} = <b>{format_number(analysis.df_dx)}</b>",
        ),
        _row(
            "∂f/∂y =",
            f"{html.escape(formulas['y'])} = <b>{format_number(analysis.df_dy)}</b>",
        ),
        _row("∇f(P) =", html.escape(pair_text(*analysis.gradient)), _GRADIENT),
        _row("|∇f(P)| =", format_number(analysis.norm), _GRADIENT),
    ]
    descent = analysis.steepest_descent
    if descent is None:
        rows.append(_row("∇f(P) = 0:", "P is a critical point; no uphill direction"))
    else:
        rows.append(_row("steepest descent", f"−∇f/|∇f| = {html.escape(pair_text(*descent))}"))
    degrees = format_number(math.degrees(theta) % 360, 4)
    u = html.escape(pair_text(math.cos(theta), math.sin(theta)))
    d_u = format_number(directional_derivative(analysis, theta))
    rows.append(_row(f"D_u f(P), θ = {degrees}°:", f"∇f·u = <b>{d_u}</b>, u = {u}", _DIRECTION))
    return (
        f"<p style='margin:0;'><b>At P = {point}</b></p>"
        f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"
    )


def linear_html(linear: LinearApproximation | None) -> str:
    """L = f(P) + ε·∇f(P) against f(P + ε), with the seed's printed line."""
    if linear is None:
        return f"<span style='color:{_MUTED};'>No linear approximation where f is undefined.</span>"
    approximation = format_number(linear.approximation)
    true_value = format_number(linear.true_value)
    difference = format_number(linear.difference, 3)
    return (
        f"L = <b>{approximation}</b>, f(P + ε) = <b>{true_value}</b>, difference {difference}"
        f"<br><code>{html.escape(linear.seed_text())}</code>"
    )
