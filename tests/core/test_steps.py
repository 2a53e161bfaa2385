"""Derivation steps: every result equals sympy's derivative; each step names the rule it uses."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sympy

from explorer.core.derivative import algebra
from explorer.core.derivative.steps import derive, table_derivative
from explorer.core.expr import parse
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import Call, Number, Variable
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy
from explorer.core.functions import FUNCTIONS

SAMPLE_POINTS = (-2.3, -1.4, -0.7, -0.35, 0.3, 0.55, 0.8, 1.3, 1.7, 2.2, 2.9)


def _sympy_pair(text: str, variable: str = "x", params: tuple[str, ...] = ()):
    expression = parse(text, variables=(variable,), parameters=True)
    derivation = derive(expression.tree, variable)
    names = (variable, *expression.parameters, *params)
    symbols = {name: real_symbol(name) for name in names}
    ours = tree_to_sympy(derivation.derivative, symbols)
    reference = sympy.diff(tree_to_sympy(expression.tree, symbols), symbols[variable])
    return derivation, ours, reference, symbols


def assert_equals_sympy(text: str, points=SAMPLE_POINTS) -> None:
    """simplify(ours − sympy) == 0, or equal at sample points when simplify is inconclusive."""
    _, ours, reference, symbols = _sympy_pair(text)
    if sympy.simplify(ours - reference) == 0:
        return
    # lambdify is fine here: the test builds these expressions itself, never from user text.
    ordered = list(symbols.values())
    values = {s: 1.3 for s in ordered[1:]}
    ours_f = sympy.lambdify(ordered[0], ours.subs(values), "numpy")
    ref_f = sympy.lambdify(ordered[0], reference.subs(values), "numpy")
    compared = 0
    for point in points:
        with np.errstate(all="ignore"):
            a, b = complex(ours_f(point)), complex(ref_f(point))
        if np.isfinite(a) and np.isfinite(b) and a.imag == 0 and b.imag == 0:
            assert a.real == pytest.approx(b.real, rel=1e-9, abs=1e-9), (text, point)
            compared += 1
    assert compared >= 3, f"too few comparable points for {text}"


CASES = [
    "3x^2 - 4x",
    "x^2 sin(x)",
    "x^3 - 1/x",
    "sin(x)/x",
    "(x^2 + 1)/(x - 1)",
    "(x + 1)(x - 2)(x + 3)",
    "sin(cos(x^2))",
    "exp(sin(3x))",
    "log(log(x + 3))",
    "sqrt(1 + tanh(x)^2)",
    "x^2.5",
    "x^(1/3)",
    "x^pi",
    "(2x + 1)^(-1.5)",
    "2^x",
    "pi^(x^2)",
    "e^(2x)",
    "e^x",
    "10^(sin(x))",
    "log2(x)",
    "log10(3x)",
    "log(x)/log(3)",
    "|x|",
    "|x - 1| + x^2",
    "sigmoid(x)",
    "sigmoid(2x + 1)",
    "relu(x)",
    "relu(x^2 - 1)",
    "tanh(2x)",
    "tan(x)",
    "cot(x)",
    "sec(x)",
    "csc(2x)",
    "x^x",
    "sin(x)^cos(x)",
    "(x^2 + 1)^x",
    "-x^2 + 5",
    "-(x - 1)/(x + 1)",
    "atan(x^2)",
    "asin(x/3)",
    "softplus(x)*cosh(x)",
    "cbrt(x^2 + 1)",
    "x/x",
    "7",
    "pi^2 + e",
]


@pytest.mark.parametrize("text", CASES)
def test_final_derivative_equals_sympy(text: str) -> None:
    assert_equals_sympy(text)


@pytest.mark.parametrize(
    "spec", [s for s in FUNCTIONS if s.derivative_formula and s.arity == 1], ids=lambda s: s.name
)
def test_every_table_function_directly_and_through_the_chain_rule(spec) -> None:
    x = real_symbol("x")
    for argument in (Variable("x"), parse("2x + 0.25").tree):
        tree = Call(spec.name, (argument,))
        derivation = derive(tree, "x")
        ours = tree_to_sympy(derivation.derivative, {"x": x})
        reference = sympy.diff(tree_to_sympy(tree, {"x": x}), x)
        low, high = spec.test_domains[0]
        points = np.linspace(low, high, 7)
        if argument != Variable("x"):
            points = (points - 0.25) / 2
        ours_f = sympy.lambdify(x, ours, "numpy")
        ref_f = sympy.lambdify(x, reference, "numpy")
        for point in points:
            assert float(ours_f(point)) == pytest.approx(float(ref_f(point)), rel=1e-9, abs=1e-12)
        rule = derivation.steps[0].rule
        assert rule == ("table" if argument == Variable("x") else "chain")


def test_table_formulas_are_read_from_the_function_table() -> None:
    for name in ("tan", "cot", "sec", "csc"):
        spec = next(s for s in FUNCTIONS if s.name == name)
        step = derive(parse(f"{name}(x)").tree).steps[0]
        expected = format_unicode(parse(spec.derivative_formula.replace("u", "x")).tree)
        assert step.formula == f"({name}(x))′ = {expected}"
        assert step.after == expected
    assert table_derivative("sin") == parse("cos(u)", variables=("u",)).tree


def _rules(text: str) -> list[str]:
    return [step.rule for step in derive(parse(text, parameters=True).tree).steps]


def test_product_rule_step_reads_like_a_textbook() -> None:
    derivation = derive(parse("x^2 sin(x)").tree)
    first = derivation.steps[0]
    assert first.describe() == "Product rule: (u·v)′ = u′·v + u·v′ with u = x², v = sin(x)"
    assert first.before == "d/dx [x²·sin(x)]"
    assert derivation.text == "2x·sin(x) + x²·cos(x)"
    assert [s.rule for s in derivation.steps] == ["product", "power", "table"]
    assert derivation.steps[2].title == "Derivative of sin"


def test_seed_example_and_its_steps() -> None:
    derivation = derive(parse("3x^2 - 4x").tree)
    assert derivation.text == "6x − 4"
    assert [s.rule for s in derivation.steps] == [
        "difference",
        "constant_multiple",
        "power",
        "constant_multiple",
        "variable",
    ]
    assert derivation.steps[2].describe() == "Power rule: (xⁿ)′ = n·xⁿ⁻¹ with n = 2"


def test_quotient_rule() -> None:
    derivation = derive(parse("sin(x)/x").tree)
    assert derivation.steps[0].rule == "quotient"
    assert derivation.steps[0].formula == "(u/v)′ = (u′·v − u·v′)/v²"
    assert derivation.text == "(x·cos(x) − sin(x))/x²"


def test_nested_chain_names_each_layer() -> None:
    assert _rules("sin(cos(x^2))") == ["chain", "chain", "power"]
    step = derive(parse("sin(cos(x^2))").tree).steps[0]
    assert (
        step.describe()
        == "Chain rule with the derivative of sin: (sin(u))′ = cos(u)·u′ with u = cos(x²)"
    )


def test_power_rule_with_real_exponents_is_exact() -> None:
    assert derive(parse("x^2.5").tree).text == "2.5x^1.5"
    assert derive(parse("x^(1/3)").tree).text == "(1/3)·x^(−2/3)"
    assert derive(parse("x^-2").tree).text == "−2x⁻³"
    assert _rules("(x + 1)^3")[0] == "power_chain"


def test_exponentials_and_logarithms() -> None:
    assert _rules("2^x") == ["exponential"]
    assert derive(parse("2^x").tree).text == "2ˣ·ln(2)"
    assert _rules("e^x") == ["exponential_e"]
    assert derive(parse("e^x").tree).text == "eˣ"
    assert _rules("e^(3x)")[0] == "exponential_e_chain"
    assert _rules("exp(x)") == ["table"]
    assert derive(parse("exp(x)").tree).steps[0].title == "Exponential rule"
    assert derive(parse("log(x)").tree).steps[0].title == "Natural logarithm rule"
    log2 = derive(parse("log2(x)").tree)
    assert log2.steps[0].title == "Logarithm rule (base a)"
    assert log2.text == format_unicode(parse("1/(x*ln(2))").tree)


def test_general_power_uses_logarithmic_differentiation() -> None:
    derivation = derive(parse("x^x").tree)
    assert derivation.steps[0].rule == "general_power"
    assert derivation.text == "xˣ·(ln(x) + 1)"


def test_abs_mentions_its_kink_and_relu_too() -> None:
    derivation = derive(parse("|x|").tree)
    assert derivation.text == "sign(x)"
    assert derivation.notes == ("|x| has a kink where x = 0: no derivative there",)
    relu = derive(parse("relu(x - 1)").tree)
    assert "kink where x − 1 = 0" in relu.notes[0]


@pytest.mark.parametrize("name", ["floor", "ceil", "sign", "step"])
def test_piecewise_constant_functions(name: str) -> None:
    derivation = derive(parse(f"{name}(2x) + x").tree)
    assert derivation.text == "1"
    assert "piecewise_constant" in [s.rule for s in derivation.steps]
    assert any(
        "not differentiable at its jumps; its slope is 0 elsewhere" in n for n in derivation.notes
    )


def test_parameters_are_constants() -> None:
    derivation = derive(parse("a*x^2 + b", parameters=True).tree)
    assert derivation.text == "2a·x"
    constant = [s for s in derivation.steps if s.rule == "constant"][0]
    assert constant.note == "b does not depend on x: it is a constant here"


def test_constants_and_other_variables() -> None:
    assert derive(parse("pi^2").tree).text == "0"
    steps = derive(parse("x*y", variables=("x", "y")).tree, "y").steps
    assert steps[0].rule == "constant_multiple"
    assert derive(parse("x*y", variables=("x", "y")).tree, "y").text == "x"


def test_sum_of_many_terms_is_one_step() -> None:
    derivation = derive(parse("x^3 + 2x^2 - x + 5").tree)
    assert derivation.steps[0].rule == "sum_many"
    assert derivation.text == "3x² + 4x − 1"
    assert [name for name, _ in derivation.steps[0].bindings] == ["u₁", "u₂", "u₃", "u₄"]


def test_every_step_has_text_and_serialises() -> None:
    derivation = derive(parse("x^2 sin(x)/(1 + e^x)").tree)
    for step in derivation.steps:
        assert step.before and step.after and step.before_latex and step.after_latex
        assert step.formula and step.title
    json.dumps([s.to_dict() for s in derivation.steps])
    assert derivation.lines()[0].startswith("1. Quotient rule")


def test_long_sums_do_not_recurse_per_term() -> None:
    text = "+".join(["x"] * 240)
    assert derive(parse(text).tree).text == "240"


class TestTidying:
    x = Variable("x")

    def test_zero_and_one(self) -> None:
        zero, one = algebra.ZERO, algebra.ONE
        assert algebra.mul(zero, self.x) == zero
        assert algebra.mul(one, self.x) == self.x
        assert algebra.add(self.x, zero) == self.x
        assert algebra.sub(zero, self.x) == algebra.neg(self.x)
        assert algebra.power(self.x, one) == self.x
        assert algebra.div(self.x, one) == self.x
        assert algebra.div(self.x, self.x) == one

    def test_constant_folding_is_exact(self) -> None:
        two, three = Number(2.0, "2"), Number(3.0, "3")
        assert algebra.mul(two, three) == Number(6.0, "6")
        assert format_unicode(algebra.div(two, three)) == "2/3"
        assert (
            format_unicode(algebra.sub(algebra.div(Number(1.0, "1"), three), algebra.ONE)) == "−2/3"
        )
        assert format_unicode(algebra.mul(Number(0.5, "0.5"), two)) == "1"
        assert algebra.power(two, Number(10.0, "10")) == Number(1024.0, "1024")

    def test_signs_and_coefficients_move_to_the_front(self) -> None:
        two = Number(2.0, "2")
        assert format_unicode(algebra.mul(self.x, two)) == "2x"
        assert format_unicode(algebra.neg(algebra.mul(two, Call("sin", (self.x,))))) == "−2sin(x)"
        assert algebra.add(self.x, algebra.neg(self.x)) == algebra.ZERO
        assert algebra.sub(self.x, self.x) == algebra.ZERO


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # f″ of x³ − 1/x: (x²)² becomes x⁴ and 2x/x⁴ cancels to 2/x³.
        ("3x^2 + 1/x^2", "6x − 2/x³"),
        ("1/(2sqrt(x))", "−1/(4√(x)³)"),
        # From whole numbers a constant stays an exact fraction, from decimals a decimal.
        ("asin(x/2)", "1/(2√(1 − (x/2)²))"),
        ("(x/2)^3", "(3/2)·(x/2)²"),
        ("0.5*x^3", "1.5x²"),
    ],
)
def test_tidy_derivative_text(text: str, expected: str) -> None:
    expression = parse(text, variables=("x",))
    derivation = derive(expression.tree, "x")
    assert derivation.text == expected
    x = sympy.Symbol("x", positive=True)
    ours = tree_to_sympy(derivation.derivative, {"x": x})
    reference = sympy.diff(tree_to_sympy(expression.tree, {"x": x}), x)
    assert sympy.simplify(ours - reference) == 0


def test_powers_cancel_only_while_the_base_stays_in_the_denominator() -> None:
    # x²/x would become x, which is defined at 0 where x²/x is not: it must stay a quotient.
    from explorer.core.derivative.algebra import cancel_common_powers

    x = parse("x", variables=("x",)).tree
    assert cancel_common_powers(parse("x^2", variables=("x",)).tree, x) is None
    top, bottom = cancel_common_powers(x, parse("x^4", variables=("x",)).tree)
    assert (format_unicode(top), format_unicode(bottom)) == ("1", "x³")
