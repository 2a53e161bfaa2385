"""The real antiderivative: ln|u| where sympy writes ln(u) but the integrand also lives where u < 0.

sympy integrates over the complex numbers, so it answers ∫ 1/x dx = log(x), which has no real
value for x < 0 although 1/x has one there; a learner integrating over [−3, −1] needs ln|x|.
Since d/dx ln|u| = u′/u = d/dx ln(u) wherever u ≠ 0, putting the absolute value in keeps the
formula an antiderivative and makes it real on both sides. A log whose argument is negative only
where the integrand itself has no real value keeps sympy's form, as a textbook writes it
(∫ ln x dx = x ln x − x). The result is checked without sympy: the derivative lab's derivative of
the new formula must equal the integrand wherever the absolute value changed anything.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy

from explorer.core.derivative.evaluate import RealFunction, bind
from explorer.core.derivative.from_sympy import OutsideLanguage, sympy_to_tree
from explorer.core.derivative.model import PreparedFunction

# Where the integrand and the logs' arguments are sampled: the usual view, offset so that no
# sample sits exactly on a simple zero or pole, and both tails out to 10⁴ (1/(x + 50) has its
# negative side far left).
_GRID = np.concatenate(
    [
        np.linspace(-10.0, 10.0, 801) + 0.0123,
        np.logspace(-3.0, 4.0, 141),
        -np.logspace(-3.0, 4.0, 141),
    ]
)
_TOLERANCE = 1e-7


def with_absolute_logs(antiderivative: Any, integrand: RealFunction, x: Any) -> Any:
    """``antiderivative`` (a sympy expression in the symbol ``x``) with ln(u) → ln|u| for each log
    whose argument is negative somewhere the ``integrand`` (vectorised, NaN where it has no real
    value) has a value; unchanged when no log needs it, or when the check of the new formula
    fails or cannot be made (a formula outside the app's language)."""
    with np.errstate(all="ignore"):
        lives = np.isfinite(np.asarray(integrand(_GRID), dtype=float))
    changed = np.zeros_like(lives)
    needing = set()
    for log in antiderivative.atoms(sympy.log):
        negative = _values(log.args[0], x) < 0
        if np.any(negative & lives):
            needing.add(log)
            changed |= negative & lives
    if not needing:
        return antiderivative
    candidate = _replaced(antiderivative, needing)
    try:
        slope = PreparedFunction(sympy_to_tree(candidate), x.name).fprime
    except (OutsideLanguage, ValueError, TypeError, AttributeError):
        return antiderivative
    with np.errstate(all="ignore"):
        slopes = np.asarray(slope(_GRID[changed]), dtype=float)
        expected = np.asarray(integrand(_GRID[changed]), dtype=float)
    if not np.all(np.abs(slopes - expected) <= _TOLERANCE * np.maximum(1.0, np.abs(expected))):
        return antiderivative
    return candidate


def _values(expression: Any, x: Any) -> np.ndarray:
    """``expression`` on the grid (NaN everywhere when it is outside the app's language)."""
    try:
        tree = sympy_to_tree(expression)
    except (OutsideLanguage, ValueError, TypeError, AttributeError):
        return np.full_like(_GRID, np.nan)
    with np.errstate(all="ignore"):
        return np.broadcast_to(np.asarray(bind(tree, x.name, {})(_GRID), dtype=float), _GRID.shape)


def _replaced(expression: Any, logs: set) -> Any:
    """``expression`` with each log in ``logs`` (matched before its own argument is rebuilt, so
    ln(ln x) and its inner ln x are decided separately) taking the absolute value."""
    if not expression.args:
        return expression
    arguments = [_replaced(argument, logs) for argument in expression.args]
    if expression in logs:
        return sympy.log(sympy.Abs(arguments[0]))
    if arguments == list(expression.args):
        return expression
    return expression.func(*arguments)
