"""Worker task "derivative_steps": the derivation plus sympy's simplification, off the GUI thread.

The worker process kills the task when its time limit runs out; the panel then keeps showing the
unsimplified derivative it already computed on the fast path. The user's text is re-parsed here
with OUR parser; sympy only ever sees trees converted by ``tree_to_sympy``.
"""

from __future__ import annotations

from typing import Any

from explorer.core.worker import register_task


def sympy_one_line(expression: Any) -> str:
    """A one-line Unicode form of a sympy expression (sympy's own pretty print is multi-line)."""
    from sympy.printing.str import sstr

    text = sstr(expression)
    for old, new in (("**", "^"), ("*", "·"), ("-", "−"), ("log(", "ln("), ("Abs(", "abs(")):
        text = text.replace(old, new)
    return text


@register_task("derivative_steps", label="Working out the derivative's steps")
def derivative_steps(payload: dict) -> dict:
    """payload: text, variables, parameters (bool), var → steps, derivative, simplified form."""
    import sympy

    from explorer.core.derivative.steps import derive
    from explorer.core.expr import parse
    from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy

    variables = tuple(payload.get("variables") or ("x",))
    variable = payload.get("var") or variables[0]
    expression = parse(
        payload["text"], variables=variables, parameters=bool(payload.get("parameters"))
    )
    derivation = derive(expression.tree, variable)
    names = {variable, *variables, *expression.parameters}
    symbols = {name: real_symbol(name) for name in names}
    simplified = sympy.simplify(tree_to_sympy(derivation.derivative, symbols))
    return {
        "variable": variable,
        "steps": [step.to_dict() for step in derivation.steps],
        "lines": derivation.lines(),
        "notes": list(derivation.notes),
        "derivative": derivation.text,
        "derivative_latex": derivation.latex,
        "simplified": sympy_one_line(simplified),
        "simplified_latex": sympy.latex(simplified),
    }
