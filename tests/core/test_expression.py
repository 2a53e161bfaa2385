"""Expression objects and converters: numpy agrees with sympy, broadcasting, derivatives."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import ExprError
from explorer.core.expr import parse, parse_program
from explorer.core.expr.display import format_latex, format_unicode
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable, walk
from explorer.core.expr.to_numpy import tree_to_numpy
from explorer.core.expr.to_sympy import tree_to_sympy

X = sympy.Symbol("x", real=True)

# -- numpy evaluation equals sympy evaluation on random trees ---------------------------------

SMOOTH_FUNCTIONS = [
    "sin", "cos", "atan", "tanh", "exp", "log", "sqrt", "cbrt", "abs", "sigmoid", "softplus",
    "relu", "asin", "sinh", "log2", "log10",
]  # fmt: skip
LEAVES = st.one_of(
    st.just(Variable("x")),
    st.sampled_from([Constant("pi"), Constant("e")]),
    st.integers(0, 9).map(lambda n: Number(float(n), str(n))),
    st.sampled_from(["0.5", "1.25"]).map(lambda text: Number(float(text), text)),
)


def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.builds(BinaryOp, st.sampled_from("+-*/"), children, children),
        st.builds(BinaryOp, st.just("^"), children, LEAVES),
        st.builds(UnaryOp, st.just("-"), children),
        st.builds(
            lambda name, arg: Call(name, (arg,)), st.sampled_from(SMOOTH_FUNCTIONS), children
        ),
    )


TREES = st.recursive(LEAVES, extend, max_leaves=7)
POINTS = st.one_of(st.just(0.0), st.floats(1e-3, 2.5), st.floats(-2.5, -1e-3))
# The operands of one node's own operation, as sympy symbols (substituted by float64 values).
OPERANDS = (sympy.Symbol("a", real=True), sympy.Symbol("b", real=True))
FLOAT64_MAX = float(np.finfo(np.float64).max)


def own_operation(node: Node) -> Node:
    """``node`` with its children replaced by the operands a and b (a leaf stays itself)."""
    a, b = Variable("a"), Variable("b")
    if isinstance(node, BinaryOp):
        return BinaryOp(node.op, a, b)
    if isinstance(node, UnaryOp):
        return UnaryOp(node.op, a)
    if isinstance(node, Call):
        return Call(node.name, (a,))
    return node


def exact_number(value: float) -> sympy.Expr:
    """A float64 as sympy holds it exactly enough: whole numbers as integers (so (-2)^2 stays
    real), the rest with 30 significant digits."""
    if value.is_integer() and abs(value) < 2.0**63:
        return sympy.Integer(int(value))
    return sympy.Float(value, 30)


def exact_real(expression: sympy.Expr) -> float | None:
    """The real value of a numeric sympy expression; None where it has none (0/0, 1/0,
    log(0), sqrt(-1)). Values beyond float64's range come back as ±inf."""
    value = expression.evalf(30)
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return None
    real, imaginary = value.as_real_imag()
    if imaginary != 0:
        return None
    return float(real)


def exact_step(node: Node, point: float, operand_values: list[float]) -> float | None:
    """What ``node``'s own operation gives, computed exactly by sympy (30 digits) on the very
    float64 values numpy handed it: the reference for one step of the numpy evaluation."""
    expression = tree_to_sympy(own_operation(node), {"x": X, "a": OPERANDS[0], "b": OPERANDS[1]})
    values = {X: exact_number(point)}
    values.update(zip(OPERANDS, map(exact_number, operand_values), strict=False))
    # All at once: substituting a first would let sympy simplify 0/b to 0 before b is 0.
    return exact_real(expression.xreplace(values))


@settings(max_examples=120)
@given(TREES, st.lists(POINTS, min_size=1, max_size=4))
def test_numpy_evaluation_matches_sympy(tree: Node, points: list[float]) -> None:
    """Every node of the tree, evaluated by numpy, equals sympy's exact result of that node's
    operation on the float64 values of its children: the same number where that is real and
    finite, no finite number (NaN or ±inf) where it is undefined (x/√x at 0 is 0/0 in the tree,
    although sympy's x/√x is √x). Judging each step on its own inputs leaves float64 rounding
    nothing to accumulate, so no point needs to be excused as ill-conditioned.
    """
    for point in points:
        for node in walk(tree):
            ours = float(tree_to_numpy(node)(x=point))
            operands = [float(tree_to_numpy(child)(x=point)) for child in node.children()]
            if not all(math.isfinite(value) for value in operands):
                continue  # IEEE rules for inf and NaN operands; the step that made them is judged
            exact = exact_step(node, point, operands)
            where = (format_unicode(node), point, operands)
            if exact is None:
                assert not math.isfinite(ours), where
            elif abs(exact) > FLOAT64_MAX:
                assert ours == math.copysign(math.inf, exact), where
            else:
                assert ours == pytest.approx(exact, rel=1e-9, abs=1e-300), where


def test_a_removable_hole_of_the_tree_stays_a_hole() -> None:
    # The example hypothesis found against the old oracle: sympy turns x/√x into √x, which is
    # 0 at 0; the tree divides 0 by 0 there, and the plot keeps that hole.
    tree = parse("x/sqrt(x)").tree
    assert tree_to_sympy(tree, {"x": X}) == sympy.sqrt(X)
    assert math.isnan(tree_to_numpy(tree)(x=0.0))
    assert exact_step(tree, 0.0, [0.0, 0.0]) is None


# -- broadcasting and the evaluation API ------------------------------------------------------


def test_constants_broadcast_to_the_grid() -> None:
    grid = np.linspace(-1, 1, 7)
    for text, expected in [("pi", math.pi), ("x - x", 0.0), ("2^(1/10^50)", 1.0), ("e", math.e)]:
        values = parse(text).numpy_function()(x=grid)
        assert values.shape == grid.shape and values.dtype == np.float64
        np.testing.assert_allclose(values, expected)
        values[0] = 5.0  # a full, writable array, not a broadcast view


def test_two_dimensional_panel_broadcasts_over_the_mesh() -> None:
    xs, ys = np.meshgrid(np.linspace(-1, 1, 4), np.linspace(0, 2, 3))
    expression = parse("x^2", ("x", "y"))
    values = expression.numpy_function()(x=xs, y=ys)
    assert values.shape == (3, 4)
    np.testing.assert_allclose(values, xs**2)
    surface = parse("x*y + sin(y)", ("x", "y")).evaluate(x=xs, y=ys)
    np.testing.assert_allclose(surface, xs * ys + np.sin(ys))


def test_principal_roots_and_gaps_are_nan_not_complex() -> None:
    values = parse("x^(1/3)").evaluate(x=np.array([-8.0, 8.0]))
    assert np.isnan(values[0]) and values[1] == pytest.approx(2.0)
    np.testing.assert_allclose(parse("cbrt(x)").evaluate(x=np.array([-8.0, 8.0])), [-2.0, 2.0])
    assert np.isnan(parse("sqrt(x)").evaluate(x=-1.0))
    assert np.isnan(parse("x/x").evaluate(x=0.0))  # our tree keeps the hole at 0
    assert parse("x/x").to_sympy() == 1  # sympy simplifies x/x on construction (documented)


def test_evaluate_returns_float_for_scalars_and_checks_names() -> None:
    assert parse("3x^2 - 4x").evaluate(x=1.0) == pytest.approx(-1.0)
    function = parse("a*x + b", parameters=True).numpy_function()
    np.testing.assert_allclose(function(x=np.arange(3.0), a=2.0, b=1.0), [1.0, 3.0, 5.0])
    with pytest.raises(TypeError, match="missing value for a"):
        function(x=1.0, b=2.0)
    assert function(x=1.0, a=1.0, b=2.0, c=np.zeros(4)).shape == (4,)  # unused: broadcast only


def test_warnings_are_silenced(recwarn: pytest.WarningsRecorder) -> None:
    parse("log(x) + 1/x").evaluate(x=np.array([-1.0, 0.0, 1.0]))
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_evaluation_of_a_very_deep_tree_does_not_recurse() -> None:
    tree: Node = Variable("x")
    for _ in range(50_000):
        tree = BinaryOp("+", tree, Number(1.0, "1"))
    np.testing.assert_allclose(tree_to_numpy(tree)(x=np.zeros(2)), [50_000.0, 50_000.0])
    assert format_unicode(tree).count("+") == 50_000


# -- sympy form and derivatives ---------------------------------------------------------------


def test_symbols_are_real_so_abs_differentiates_to_sign() -> None:
    expression = parse("|x|")
    assert all(symbol.is_real for symbol in expression.to_sympy().free_symbols)
    assert expression.derivative("x") == sympy.sign(X)


def test_literals_are_exact() -> None:
    assert parse("0.5x").to_sympy() == X / 2
    assert parse("x^0.5").to_sympy() == sympy.sqrt(X)
    assert parse("1e-3").to_sympy() == sympy.Rational(1, 1000)


DERIVATIVE_CASES = [
    "3x^2 - 4x", "sin(x)^2 + 3x - 1/(x-1)", "x*exp(-x^2)", "log(x^2 + 1)", "sqrt(x^2 + 1)",
    "tanh(x)", "sigmoid(2x)", "cbrt(x^2 + 1)", "2^x", "x^x", "e^(sin(x))", "atan(x)/x",
    "log2(x^2 + 2)", "softplus(x)", "1/2x",
]  # fmt: skip


@pytest.mark.parametrize("text", DERIVATIVE_CASES)
def test_derivative_matches_central_differences(text: str) -> None:
    expression = parse(text)
    derivative = sympy.lambdify(X, expression.derivative("x"), modules="numpy")
    points = np.array([0.3, 0.9, 1.7, 2.4])
    h = 1e-6
    f = expression.numpy_function()
    central = (f(x=points + h) - f(x=points - h)) / (2 * h)
    np.testing.assert_allclose(derivative(points), central, rtol=1e-5, atol=1e-6)


def test_derivative_by_a_parameter_and_of_two_variables() -> None:
    assert parse("a*x^2", parameters=True).derivative("a") == X**2
    y = sympy.Symbol("y", real=True)
    assert parse("x^2*y", ("x", "y")).derivative("y") == X**2 + 0 * y


def test_sympy_failures_become_expr_errors() -> None:
    expression = parse("sec(pi + cosh(x))")  # sympy 1.14 raises AttributeError building this
    assert np.isfinite(expression.evaluate(x=np.linspace(-1, 1, 5))).all()
    with pytest.raises(ExprError, match="Could not process this expression symbolically"):
        expression.derivative("x")


def test_tree_to_sympy_substitutes_given_expressions() -> None:
    tree = parse("a + 1", ("a",)).tree
    assert tree_to_sympy(tree, {"a": X**2}) == X**2 + 1


def test_tree_to_sympy_refuses_huge_exact_powers_of_hand_built_trees() -> None:
    tree = BinaryOp("^", Number(10.0, "10"), Number(100000.0, "100000"))
    with pytest.raises(ExprError, match="too large"):
        tree_to_sympy(tree)
    small_base = BinaryOp("^", Number(1.00001, "1.00001"), Number(1000.0, "1000"))
    assert float(tree_to_sympy(small_base)) == pytest.approx(1.00001**1000)


# -- display ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unicode", "latex"),
    [
        ("1/2x", "(1/2)·x", r"\frac{1}{2} \cdot x"),
        ("-x^2", "−x²", "-x^{2}"),
        ("(-x)^2", "(−x)²", r"\left(-x\right)^{2}"),
        ("2^-1", "2⁻¹", "2^{-1}"),
        ("x*(1/2)", "x·(1/2)", r"x \cdot \frac{1}{2}"),
        ("x - (x - 1)", "x − (x − 1)", r"x - \left(x - 1\right)"),
        ("3x^2 - 4x", "3x² − 4x", "3 x^{2} - 4 x"),
        ("2(x+1)", "2(x + 1)", r"2 \left(x + 1\right)"),
        ("sqrt(x)/|x|", "√(x)/|x|", r"\frac{\sqrt{x}}{\left|x\right|}"),
        ("e^(x/2)", "e^(x/2)", r"e^{\frac{x}{2}}"),
        ("x^(1/3)", "x^(1/3)", r"x^{\frac{1}{3}}"),
        ("ln(x) + log10(x)", "ln(x) + log₁₀(x)", r"\ln\left(x\right) + \log_{10}\left(x\right)"),
        ("2pi x", "2π·x", r"2 \pi \cdot x"),
        (".5x", "0.5x", "0.5 x"),
        ("1e-3x", "1e-3·x", r"1 \cdot 10^{-3} \cdot x"),
        ("x + -1", "x + (−1)", r"x + \left(-1\right)"),
    ],
)
def test_display_and_latex(text: str, unicode: str, latex: str) -> None:
    expression = parse(text)
    assert expression.display() == unicode
    assert expression.latex() == latex


def test_latex_of_program_names() -> None:
    program = parse_program("h_1 = w1*x\nloss = (h_1 - 1)^2")
    assert (
        format_latex(program.tree)
        == r"h_{1} = w_{1} \cdot x \\ \mathrm{loss} = \left(h_{1} - 1\right)^{2}"
    )


# -- programs ---------------------------------------------------------------------------------

SEED_PROGRAM = (
    "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
)


def test_seed_program_gives_the_seed_numbers() -> None:
    program = parse_program(SEED_PROGRAM)
    symbols = program.symbols()
    at = {symbols["w"]: -1, symbols["x"]: 0, symbols["y"]: -2, symbols["z"]: 1}
    output = program.to_sympy()
    assert output.subs(at) == 1024
    assert [sympy.diff(output, symbols[name]).subs(at) for name in "wxyz"] == [-4096] * 4
    assert program.numpy_function()(w=-1.0, x=0.0, y=-2.0, z=1.0) == pytest.approx(1024.0)
    definitions = program.definition_sympy()
    assert list(definitions) == ["a", "b", "u", "v", "f"]
    assert definitions["a"] == (symbols["w"] + symbols["x"] + symbols["y"] + symbols["z"]) ** 2
    assert tree_to_sympy(program.tree) == output


def test_program_display_echoes_each_line() -> None:
    assert parse_program(SEED_PROGRAM).display().splitlines()[0] == "a = (w + x + y + z)²"


def test_program_numpy_broadcasts_inputs() -> None:
    program = parse_program("a = x*y\nout = a + 1")
    values = program.numpy_function()(x=np.arange(3.0), y=2.0)
    np.testing.assert_allclose(values, [1.0, 3.0, 5.0])
