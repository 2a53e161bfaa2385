"""Every parser-decided case of the shared bad-inputs catalogue behaves as listed.

Entries about plot ranges (``xmin=…``) and gradient descent (``[GD]``) belong to other panels and
are skipped here; ``[2D]`` entries use the variables x and y. Where a note gives the wording or
the column, both are checked.
"""

from __future__ import annotations

import numpy as np
import pytest
from shared_data import load_json, missing_param, shared_file

from explorer import ExprError
from explorer.core.expr import parse

CATALOGUE = "bad_inputs.json"
ENTRIES = load_json(CATALOGUE) if shared_file(CATALOGUE) is not None else []
NOT_THE_PARSERS = {"huge_range", "gradient_descent"}

# Wording (substring) and 1-based column where the catalogue's note names them.
NOTED: dict[str, tuple[str, int | None]] = {
    "": ("Enter an expression, e.g. x^2 - 3x", None),
    "x = 2": ("'=' is only allowed in a leading 'y =' or 'f(x) =' prefix", 3),
    "log(x, 2)": ("'log' takes 1 argument, got 2 — for a base-2 log write log(x)/log(2)", 1),
    "x+1)": ("Unmatched ')'", 4),
    "2 3": ("Two numbers in a row; add an operator", 3),
    "x/0": ("Division by zero", 2),
    "x!": ("Factorial", 2),
    "()": ("Empty parentheses", 1),
    "2..5": ("Two numbers in a row", 3),
    "3x^2 - ": ("Expression ends too early", 6),
    "1/": ("Missing a value after '/'", 2),
    "sin x": ("write sin(x)", 1),
    "sin()": ("'sin' needs an argument, e.g. sin(x)", 1),
    "sinx": ("Unknown name 'sinx'. Did you mean sin(x)?", 1),
    "X^2": ("did you mean x?", 1),
    "a*x^2": ("Unknown name 'a'", 1),
    "Sin(x)": ("did you mean sin?", 1),
    "xy": ("Unknown name 'xy'. Write x*y for a product", 1),
    "E^x": ("e^x or exp(x)", 1),
    "x # comment": ("'#'", 3),
    "x; import os": ("';'", 2),
    "[i for i in range(10**9)]": ("Use round brackets ( )", 1),
    "x.__class__": ("'.'", 2),
    "x.__class__.__new__.__globals__['__builtins__']['__import__']('os').getcwd()": ("'.'", 2),
    "9^9^9^9": ("too large (more than 300 digits)", 4),
    "π x": ("(GREEK SMALL LETTER PI) is not allowed; type pi", 1),
    "2×x": ("(MULTIPLICATION SIGN) is not allowed; type '*'", 2),
    "𝑥^2": ("MATHEMATICAL ITALIC SMALL X", 1),
    "x − 1": ("(MINUS SIGN) is not allowed; type '-'", 3),
    "x‐1": ("(HYPHEN)", 2),
    "е^x": ("CYRILLIC SMALL LETTER IE", 1),
    "ｘ+1": ("FULLWIDTH LATIN SMALL LETTER X", 1),
    "√x": ("type sqrt(...)", 1),
    "(-8)^(1/3)": ("no real value; use cbrt(-8)", 5),
    "0/0": ("Division by zero", 2),
    "1/(x-x)": ("Division by zero", 2),
    "tan(pi/2)": ("undefined", 1),
    "log(0)": ("undefined", 1),
    "x^2 + y^2": ("This panel uses x; the expression also contains y", 7),
    "x*y*z": ("contains z", 5),
}
NOTED_BY_PREFIX = {
    "9999": ("Number has too many digits", 1),
    "((((": ("nested too deeply (max 40 levels)", 41),
    "----": ("nested too deeply (max 40 levels)", 41),
}


def _cases() -> list:
    if not ENTRIES:
        return [missing_param(CATALOGUE, arguments=4)]
    cases = []
    for entry in ENTRIES:
        text, variables = entry["input"], ("x",)
        if entry["category"] in NOT_THE_PARSERS:
            continue
        if text.startswith("[2D] "):
            text, variables = text[len("[2D] ") :], ("x", "y")
        label = f"{entry['category']}:{text[:24]!r}"
        cases.append(pytest.param(text, variables, entry["expect"], entry["category"], id=label))
    return cases


@pytest.mark.parametrize(("text", "variables", "expect", "category"), _cases())
def test_catalogue_entry(text: str, variables: tuple[str, ...], expect: str, category: str) -> None:
    if category == "sympy_internal_error":
        # Valid for plotting; sympy itself fails later, which must be an ExprError, not a traceback.
        expression = parse(text, variables)
        with pytest.raises(ExprError, match="Could not process this expression"):
            expression.to_sympy()
        return
    if text == "log(-x^2)":
        # Valid text; "No real values in this range" is the sampler's message, not the parser's.
        values = parse(text, variables).evaluate(x=np.linspace(-3, 3, 601))
        assert not np.isfinite(values).any()
        return
    if expect == "error":
        with pytest.raises(ExprError) as caught:
            parse(text, variables)
        noted = NOTED.get(text) or next(
            (v for prefix, v in NOTED_BY_PREFIX.items() if text.startswith(prefix)), None
        )
        if text.startswith("x+x+x"):
            noted = ("Expression is too long (599 characters, max 500)", 501)
        if noted is not None:
            message, column = noted
            assert message in caught.value.message
            assert caught.value.column == column
        return
    expression = parse(text, variables)
    grid = np.linspace(-3, 3, 601)
    values = expression.numpy_function()(**{name: grid for name in variables})
    assert values.shape == grid.shape
    assert np.isfinite(values).any()


def test_catalogue_was_found_and_covers_every_category() -> None:
    categories = {entry["category"] for entry in load_json(CATALOGUE)}
    assert {"syntax", "unknown_name", "dos_size", "unicode_lookalike"} <= categories
