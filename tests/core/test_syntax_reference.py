"""The syntax list holds everything the parser accepts, each example parses, each rule is right."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.expr import parse
from explorer.core.expr.reference import CATEGORIES, derivative_rule, syntax_entries
from explorer.core.functions import CONSTANTS, FUNCTIONS

U = sympy.Symbol("u", real=True)
ENTRIES = syntax_entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.write)
def test_every_example_is_accepted_by_the_input(entry):
    parse(entry.example, variables=("x",), parameters=True)


def test_every_function_alias_constant_and_operator_is_listed():
    written = " ".join(entry.write for entry in ENTRIES).split()
    also = {alias for entry in ENTRIES for alias in entry.also}
    for spec in FUNCTIONS:
        assert f"{spec.name}({', '.join(spec.placeholders)})" in " ".join(written)
        assert set(spec.aliases) <= also
    assert set(CONSTANTS) <= set(written)
    # The tokenizer's operators and groupings (explorer.core.expr.tokens._scan_operator).
    for operator in ("+", "-", "*", "/", "^", "**", "(", ")", "|"):
        assert operator in written, operator
    assert {entry.category for entry in ENTRIES} == set(CATEGORIES)
    assert all(entry.meaning for entry in ENTRIES)  # the table describes every function


@pytest.mark.parametrize(
    "spec", [s for s in FUNCTIONS if s.differentiable and s.arity == 1], ids=lambda s: s.name
)
def test_each_function_rule_is_the_derivative_sympy_finds(spec):
    # The rule shows the table's formula; sympy differentiates the table's sympy form itself,
    # compared where the function is smooth (the table's test domains).
    shown = parse(spec.derivative_formula, variables=("u",))
    expected = sympy.diff(spec.sympy(sympy, U), U)
    for low, high in spec.test_domains:
        for point in np.linspace(low, high, 7):
            exact = float(expected.subs(U, sympy.Float(point, 30)).evalf(30))
            assert shown.evaluate(u=point) == pytest.approx(exact, rel=1e-9), (spec.name, point)
    assert shown.display() in derivative_rule(spec)


def test_rules_read_as_the_chain_rule_and_say_where_there_is_none():
    rules = {entry.write: entry.derivative_rule for entry in ENTRIES}
    assert rules["sin(u)"] == "sin(u)′ = cos(u)·u′"
    assert rules["tanh(u)"] == "tanh(u)′ = (1 − tanh(u)²)·u′"
    assert rules["relu(u)"] == "relu(u)′ = step(u)·u′, none where u = 0"
    assert rules["floor(u)"].startswith("none — it is piecewise constant")
    assert rules["atan2(u, v)"] == (
        "atan2(u, v)′ = v/(u² + v²)·u′ − u/(u² + v²)·v′, none where u = v = 0"
    )


def test_search_matches_every_word_in_any_column_and_the_aliases():
    found = [entry.write for entry in ENTRIES if entry.matches("ln")]
    assert "log(u)" in found  # by its alias
    assert [entry.write for entry in ENTRIES if entry.matches("inverse hyperbolic TANGENT")] == [
        "atanh(u)"
    ]
    assert all(entry.matches("") for entry in ENTRIES)
    assert not any(entry.matches("zzz") for entry in ENTRIES)
