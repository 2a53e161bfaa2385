"""The app's general symbolic worker tasks (imported in the worker process, not by the GUI).

Each task re-parses the user's text with our own parser and hands sympy only the converted tree;
the worker's time limit stops a simplification that runs away.
"""

from __future__ import annotations

from explorer.core.worker import register_task


def _one_line(expression) -> str:
    """A one-line Unicode form of a sympy result (sympy's pretty printer draws several lines)."""
    from explorer.core.derivative.tasks import sympy_one_line

    return sympy_one_line(expression)


@register_task("simplify_derivative", label="Simplifying the derivative")
def simplify_derivative(payload: dict) -> dict:
    """payload: text, variables, parameters (bool), var → the derivative, raw and simplified.

    Returns ``derivative`` / ``derivative_latex`` (sympy.diff as it comes) and ``simplified`` /
    ``simplified_latex`` (after sympy.simplify), plus the ``variable`` used.
    """
    import sympy

    from explorer.core.expr import parse

    variables = tuple(payload.get("variables") or ("x",))
    variable = payload.get("var") or variables[0]
    expression = parse(
        str(payload["text"]), variables=variables, parameters=bool(payload.get("parameters"))
    )
    derivative = expression.derivative(variable)
    simplified = sympy.simplify(derivative)
    return {
        "variable": variable,
        "derivative": _one_line(derivative),
        "derivative_latex": sympy.latex(derivative),
        "simplified": _one_line(simplified),
        "simplified_latex": sympy.latex(simplified),
    }
