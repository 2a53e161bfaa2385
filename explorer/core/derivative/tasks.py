"""Worker tasks "derivative_steps" (f′) and "second_derivative" (f″): sympy's tidier forms.

The worker process kills a task when its time limit runs out; the panel and the CLI then keep
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


def _parsed(payload: dict) -> tuple[Any, str, tuple[str, ...]]:
    """The payload's expression (our parser), the variable, and every name sympy needs."""
    from explorer.core.expr import parse

    variables = tuple(payload.get("variables") or ("x",))
    variable = payload.get("var") or variables[0]
    expression = parse(
        payload["text"], variables=variables, parameters=bool(payload.get("parameters"))
    )
    return expression, variable, (variable, *variables, *expression.parameters)


def _simplified_fields(source: Any, ours: Any, variable: str, names: tuple[str, ...]) -> dict:
    """sympy.simplify of ``ours`` (a derivative of the tree ``source``), judged by
    ``choose_derivative_form``: the form to show, whose it is, and sympy's own text."""
    import sympy

    from explorer.core.derivative.from_sympy import choose_derivative_form
    from explorer.core.expr.display import format_input, format_latex, format_unicode
    from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy

    symbols = {name: real_symbol(name) for name in names}
    simplified = sympy.simplify(tree_to_sympy(ours, symbols))
    chosen = choose_derivative_form(source, ours, simplified, variable)
    return {
        "simplified": format_unicode(chosen.tree),
        "simplified_input": format_input(chosen.tree),
        "simplified_latex": format_latex(chosen.tree),
        "simplified_source": chosen.source,
        "simplified_reason": chosen.reason,
        "sympy_form": sympy_one_line(simplified),
        "sympy_latex": sympy.latex(simplified),
    }


@register_task("derivative_steps", label="Working out the derivative's steps")
def derivative_steps(payload: dict) -> dict:
    """payload: text, variables, parameters (bool), var → steps, derivative, simplified form.

    ``simplified`` / ``simplified_latex`` are the form to show, in our notation;
    ``simplified_source`` says whose it is ("sympy" or "ours") and ``simplified_reason`` why ours
    was kept; ``sympy_form`` is sympy's own result as text, for a tooltip.
    """
    from explorer.core.derivative.steps import derive

    expression, variable, names = _parsed(payload)
    derivation = derive(expression.tree, variable)
    return {
        "variable": variable,
        "steps": [step.to_dict() for step in derivation.steps],
        "lines": derivation.lines(),
        "notes": list(derivation.notes),
        "derivative": derivation.text,
        "derivative_latex": derivation.latex,
        **_simplified_fields(expression.tree, derivation.derivative, variable, names),
    }


@register_task("second_derivative", label="Simplifying the second derivative")
def second_derivative(payload: dict) -> dict:
    """payload as for "derivative_steps" → f″ as our rules derive it (from our f′, so it reads
    exactly as the panel's "by the rules" f″) and the simplified form, with the same fields."""
    from explorer.core.derivative.steps import derive

    expression, variable, names = _parsed(payload)
    first = derive(expression.tree, variable).derivative
    second = derive(first, variable)
    return {
        "variable": variable,
        "derivative": second.text,
        "derivative_latex": second.latex,
        **_simplified_fields(first, second.derivative, variable, names),
    }
