"""Worker task "derivative_steps": the derivation plus sympy's simplification, off the GUI thread.

The worker process kills the task when its time limit runs out; the panel and the CLI then keep
the derivative our steps engine derived. The user's text is re-parsed here with OUR parser; sympy
only ever sees trees converted by ``tree_to_sympy``. sympy's result comes back converted into our
own tree (``from_sympy``) and printed like every other formula, or our form is kept, with the
reason, when sympy's is outside the language, not smaller, or not equal to ours.
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
    """payload: text, variables, parameters (bool), var → steps, derivative, simplified form.

    ``simplified`` / ``simplified_latex`` are the form to show, in our notation;
    ``simplified_source`` says whose it is ("sympy" or "ours") and ``simplified_reason`` why ours
    was kept; ``sympy_form`` is sympy's own result as text, for a tooltip.
    """
    import sympy

    from explorer.core.derivative.from_sympy import choose_derivative_form
    from explorer.core.derivative.steps import derive
    from explorer.core.expr import parse
    from explorer.core.expr.display import format_latex, format_unicode
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
    chosen = choose_derivative_form(expression.tree, derivation.derivative, simplified, variable)
    return {
        "variable": variable,
        "steps": [step.to_dict() for step in derivation.steps],
        "lines": derivation.lines(),
        "notes": list(derivation.notes),
        "derivative": derivation.text,
        "derivative_latex": derivation.latex,
        "simplified": format_unicode(chosen.tree),
        "simplified_latex": format_latex(chosen.tree),
        "simplified_source": chosen.source,
        "simplified_reason": chosen.reason,
        "sympy_form": sympy_one_line(simplified),
        "sympy_latex": sympy.latex(simplified),
    }
