"""Parser tests: one-line expected trees (minipratt style), error messages with columns, limits."""

from __future__ import annotations

import time

import pytest

from explorer import ExprError
from explorer.core.expr import parse, parse_program
from explorer.core.expr.nodes import BinaryOp, Call


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("x**2", "(^ x 2)"),
        ("-x^2", "(- (^ x 2))"),
        ("2^-1", "(^ 2 (- 1))"),
        ("2^-x^2", "(^ 2 (- (^ x 2)))"),
        ("--x", "(- (- x))"),
        ("+x", "(+ x)"),
        ("-2x", "(* (- 2) x)"),
        ("-x*y", "(* (- x) y)"),
        ("1/2x", "(* (/ 1 2) x)"),
        ("3x", "(* 3 x)"),
        ("3x^2", "(* 3 (^ x 2))"),
        ("2^3x", "(* (^ 2 3) x)"),
        ("2pi", "(* 2 pi)"),
        ("2e^x", "(* 2 (^ e x))"),
        ("2(x+1)", "(* 2 (+ x 1))"),
        ("(x+1)(x-1)", "(* (+ x 1) (- x 1))"),
        ("x(x+1)", "(* x (+ x 1))"),
        ("x sin(x)", "(* x (sin x))"),
        ("x^2 y", "(* (^ x 2) y)"),
        (".5x", "(* .5 x)"),
        ("1e-3x", "(* 1e-3 x)"),
        ("2.", "2."),
        ("|x|", "(abs x)"),
        ("||x|-1|", "(abs (- (abs x) 1))"),
        ("2|x|", "(* 2 (abs x))"),
        ("|x - 1| + |x + 1|", "(+ (abs (- x 1)) (abs (+ x 1)))"),
        ("|x|(x+1)", "(* (abs x) (+ x 1))"),
        ("|-|x||", "(abs (- (abs x)))"),
        ("abs(x)", "(abs x)"),
        ("ln(x)", "(log x)"),
        ("arcsin(x) + sgn(x)", "(+ (asin x) (sign x))"),
        ("sin(x)^2 + 3x - 1/(x-1)", "(- (+ (^ (sin x) 2) (* 3 x)) (/ 1 (- x 1)))"),
        ("e^x", "(^ e x)"),
        ("x/x", "(/ x x)"),
    ],
)
def test_tree(text: str, tree: str) -> None:
    assert parse(text, ("x", "y")).tree.sexpr() == tree


@pytest.mark.parametrize(
    ("text", "variables", "tree"),
    [
        ("y = x^2", ("x",), "(^ x 2)"),
        ("f(x) = 3x", ("x",), "(* 3 x)"),
        ("g(x, y) = x*y", ("x", "y"), "(* x y)"),
        ("z = x*y", ("x", "y"), "(* x y)"),
    ],
)
def test_leading_prefix_is_skipped(text: str, variables: tuple[str, ...], tree: str) -> None:
    assert parse(text, variables).tree.sexpr() == tree


def test_implicit_multiplication_is_marked() -> None:
    tree = parse("3x*x").tree
    assert isinstance(tree, BinaryOp) and not tree.implicit
    assert isinstance(tree.left, BinaryOp) and tree.left.implicit


def test_spans_point_into_the_stripped_text() -> None:
    expression = parse("  x + sin(x)  ")
    assert expression.text == "x + sin(x)"
    tree = expression.tree
    assert isinstance(tree, BinaryOp) and isinstance(tree.right, Call)
    assert tree.span == (0, 10)
    assert tree.right.span == (4, 10)
    assert parse("(x + 1)^2").tree.left.span == (0, 7)  # brackets belong to the operand


def test_program_of_the_seed() -> None:
    program = parse_program(
        "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
    )
    assert program.inputs == ("w", "x", "y", "z")
    assert program.output_name == "f"
    assert [d.name for d in program.definitions] == ["a", "b", "u", "v", "f"]
    assert program.tree.sexpr() == (
        "(= a (^ (+ (+ (+ w x) y) z) 2)) (= b (^ (- (- (+ w x) y) z) 2)) "
        "(= u (^ (+ a b) 2)) (= v (^ (- a b) 2)) (= f (^ (+ u v) 2))"
    )


def test_program_bare_last_line_is_named_out_and_inputs_follow_first_use() -> None:
    program = parse_program("h = x_2 * w1\n\nh + x")
    assert program.output_name == "out"
    assert program.inputs == ("x_2", "w1", "x")
    assert parse_program("x^2").tree.sexpr() == "(= out (^ x 2))"


def test_program_with_declared_variables() -> None:
    program = parse_program("a = x + y\nb = a*x", ("x", "y"))
    assert program.inputs == ("x", "y")
    with pytest.raises(ExprError, match="uses x and y; the expression also contains z"):
        parse_program("a = x + z", ("x", "y"))


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("a = 1\nb = a + c\nc = 2", "'c' is defined later (line 3)", 2, 9),
        ("a = a + 1", "'a' is used in its own definition", 1, 5),
        ("a = x\na = 2", "'a' is already defined on line 1", 2, 1),
        ("a = x; b = 2", "';' is not allowed", 1, 6),
        ("a, b = x, y\nf = a", "Write one definition per line", 1, 2),
        ("a = x\nb\nc = 1", "Only the last line may be a bare expression", 2, 1),
        ("sin = x", "'sin' is a function", 1, 1),
        ("e = x", "'e' is the constant e", 1, 1),
        ("a = xy", "Write x*y for a product", 1, 5),
        ("a = 9^9\nb = 9^a", "9^387420489 is too large", 2, 6),
        ("a = x - x\nb = 1/a", "Division by zero", 2, 6),
        ("a = (x+1)^1000\nb = a^1000", "combine to an exponent of 1000000", 2, 6),
        ("a = x\nb = (a + 1", "Missing ')' for the '('", 2, 5),
        ("a =\nb = 1", "Missing a value after '='", 1, 3),
    ],
)
def test_program_errors(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(ExprError) as caught:
        parse_program(text)
    assert message in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)


def test_program_input_variable_cannot_be_redefined() -> None:
    with pytest.raises(ExprError, match="'x' is an input variable"):
        parse_program("x = 2\nf = x", ("x",))


ERRORS = [
    ("", "Enter an expression", None),
    ("   \n", "Enter an expression", None),
    ("y =", "Enter an expression after '='", 4),
    ("x = 2", "'=' is only allowed in a leading 'y =' or 'f(x) =' prefix", 3),
    ("x^2 = y", "'=' is only allowed", 5),
    ("x == 1", "'==' comparisons are not supported", 3),
    (
        "log(x, 2)",
        "'log' takes 1 argument, got 2 — for a base-2 log write log(x)/log(2) or log2(x)",
        1,
    ),
    ("sin(x, 2)", "'sin' takes 1 argument, got 2", 1),
    ("x+1)", "Unmatched ')'", 4),
    (")", "Unmatched ')'", 1),
    # The one position of an unclosed bracket is the opener that needs its partner.
    ("(x+1", "Missing ')' for the '('", 1),
    ("sin(x", "Missing ')' for the '('", 4),
    ("|x", "Missing '|' to close the '|'", 1),
    ("(|x)", "Missing '|' to close the '|'", 2),
    ("2 3", "Two numbers in a row; add an operator", 3),
    ("2..5", "Two numbers in a row", 3),
    ("x 2", "Missing an operator before '2'", 3),
    ("(x+1)2", "Missing an operator before '2'", 6),
    ("()", "Empty parentheses", 1),
    ("3x^2 - ", "Expression ends too early", 6),
    ("1/", "Missing a value after '/'", 2),
    ("x^3 - 1/", "Missing a value after '/'", 8),
    ("2*", "Missing a value after '*'", 2),
    ("x**", "Missing a value after '**'", 2),
    ("*x", "Missing a value before '*'", 1),
    ("x+*2", "Missing a value after '+'", 3),
    ("(x+)", "Missing a value after '+'", 4),
    ("sin()", "'sin' needs an argument, e.g. sin(x)", 1),
    ("sin x", "'sin' needs parentheses: write sin(x)", 1),
    ("sin^2(x)", "write sin(x)^2", 1),
    ("sin", "'sin' needs an argument in parentheses", 1),
    ("x, 1", "',' only separates the arguments of a function", 2),
    ("x!", "Factorial '!' is not supported", 2),
    ("x # comment", "'#' is not allowed", 3),
    ("x; import os", "';' is not allowed", 2),
    ("[x]", "Use round brackets", 1),
    ("'x'", "Quotes are not allowed", 1),
    ('"x"', "Quotes are not allowed", 1),
    ("x.__class__", "'.' cannot follow a name", 2),
    ("x < 1", "Inequalities", 3),
    ("x // 2", "'//' (integer division) is not supported", 3),
    ("x % 2", "'%' is not supported", 3),
    ("_x", "A name cannot start with '_'", 1),
    ("lambda: 1", "'lambda' is Python", 1),
    ("open('/etc/passwd').read()", "'open' is Python", 1),
    ("factorial(10^10)", "Unknown function 'factorial'", 1),
    ("sqr(x)", "Unknown function 'sqr'. Did you mean sqrt?", 1),
    ("Sin(x)", "Unknown function 'Sin'. Names are case-sensitive: did you mean sin?", 1),
    ("sinx", "Unknown name 'sinx'. Did you mean sin(x)?", 1),
    ("cos2x", "Did you mean cos(2x)?", 1),
    ("X^2", "Names are case-sensitive: did you mean x?", 1),
    ("PI*x", "did you mean pi?", 1),
    ("E^x", "Euler's number is written e", 1),
    ("I*x", "Complex numbers are not supported", 1),
    ("nan", "'nan' is not a number", 1),
    ("oo", "'oo' is not a number", 1),
    ("N", "Unknown name 'N'", 1),
    ("a*x^2", "Unknown name 'a'", 1),
    ("xy", "Unknown name 'xy'. Write x*y for a product", 1),
    ("pix", "Write pi*x for a product", 1),
    ("x2", "Write x^2 for a power or 2x for a product", 1),
    ("x^2 + y^2", "This panel uses x; the expression also contains y", 7),
    ("x/0", "Division by zero", 2),
    ("0/0", "Division by zero", 2),
    ("1/(x-x)", "Division by zero: x-x is always 0", 2),
    ("1/(0*x)", "Division by zero", 2),
    ("1/sin(x-x)", "Division by zero", 2),
    ("0^-1", "Division by zero: 0 to a negative power", 2),
    ("(x-x)^-2", "Division by zero", 6),
    ("tan(pi/2)", "tan(pi/2) is undefined", 1),
    ("cot(0)", "cot(0) is undefined", 1),
    ("log(0)", "log(0) is undefined", 1),
    ("sqrt(-1)", "sqrt(-1) has no real value", 1),
    ("asin(2)", "asin(2) has no real value", 1),
    ("(-8)^(1/3)", "(-8)^(1/3) has no real value; use cbrt(-8)", 5),
    ("(-8)^0.5", "has no real value", 5),
    ("9^9^9^9", "9^387420489 is too large (more than 300 digits)", 4),
    ("10^10^8", "is too large", 3),
    ("10^-10^10", "is too small", 3),
    ("((9^9)^9999)^9999", "387420489^9999 is too large", 7),
    ("2^2^2^2^2", "2^65536 is too large", 2),
    ("exp(800)", "exp(800) is too large", 1),
    ("exp(-700)", "exp(-700) is too small", 1),
    ("1e200*1e200", "is too large", 6),
    ("1e-200*1e-200", "is too small", 7),
    ("(x+1)^1000000", "Exponent 1000000 is too large (max 1000)", 6),
    ("x^(10^100)", "Exponent 1e+100 is too large (max 1000)", 2),
    ("(x^100)^100", "combine to an exponent of 10000", 8),
    ("9" * 31, "Number has too many digits (31, max 30)", 1),
    ("1e100000000", "Number is too large", 1),
    ("1e400", "Number is too large", 1),
    ("1e-400", "Number is too small", 1),
    ("x − 1", "Character '−' (MINUS SIGN) is not allowed; type '-' instead", 3),
    ("2×x", "(MULTIPLICATION SIGN) is not allowed; type '*' instead", 2),
    ("√x", "(SQUARE ROOT) is not allowed; type sqrt(...) instead", 1),
    ("π x", "(GREEK SMALL LETTER PI) is not allowed; type pi instead", 1),
    ("𝑥^2", "(MATHEMATICAL ITALIC SMALL X) is not allowed; type the plain letter 'x'", 1),
    ("ｘ+1", "(FULLWIDTH LATIN SMALL LETTER X)", 1),
    ("е^x", "(CYRILLIC SMALL LETTER IE) is not allowed; type the plain letter 'e'", 1),
    ("x²", "(SUPERSCRIPT TWO) is not allowed; type '^2' instead", 2),
    ("x\u200b+1", "U+200B ZERO WIDTH SPACE", 2),
    ("θ", "(GREEK SMALL LETTER THETA) is not allowed; names use the plain letters", 1),
]


@pytest.mark.parametrize(("text", "message", "column"), ERRORS)
def test_error_message_and_column(text: str, message: str, column: int | None) -> None:
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert message in caught.value.message
    assert caught.value.column == column


def test_two_dimensional_panel_names_its_variables() -> None:
    with pytest.raises(ExprError, match="This panel uses x and y; the expression also contains z"):
        parse("x*y*z", ("x", "y"))
    assert parse("x^2", ("x", "y")).variables == ("x",)


def test_parameters_become_sliders_only_when_allowed() -> None:
    expression = parse("a*x^2 + b*x + c", parameters=True)
    assert expression.parameters == ("a", "b", "c")
    assert expression.variables == ("x",)
    assert parse("k*e^x", parameters=True).parameters == ("k",)
    with pytest.raises(ExprError, match="Unknown name 'a'"):
        parse("a*x^2")
    with pytest.raises(ExprError, match="Write a\\*b for a product"):
        parse("ab*x", parameters=True)


@pytest.mark.parametrize(
    "text",
    [
        "x\u00a0+\u00a01",  # NBSP from web pages
        "x^2\n",
        "\tx^2 \u2003",
        "2^(1/10^50)",
        "x+" * 199 + "x",
        "(" * 40 + "x" + ")" * 40,
        "-" * 40 + "x",
        "x^(1/3)",
        "x^1000",
        "(x^10)^100",
        "1e300",
        "1e-300",
        "0e999999",
        "exp(-600)",
        "tan(1.5)",
        "2^900/2^899",
        "exp(690)",
        "123456789012345678901234567890",
    ],
)
def test_accepted(text: str) -> None:
    parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "(" * 41 + "x" + ")" * 41,
        "-" * 41 + "x",
        "|" * 41 + "x" + "|" * 41,
        "sin(" * 41 + "x" + ")" * 41,
        "x^" * 41 + "x",
    ],
)
def test_nesting_is_capped_at_40(text: str) -> None:
    with pytest.raises(ExprError, match="nested too deeply \\(max 40 levels\\)") as caught:
        parse(text)
    assert caught.value.column is not None and caught.value.column <= 4 * 41


def test_too_long_reports_the_length_or_an_earlier_problem() -> None:
    with pytest.raises(ExprError) as caught:
        parse("x+" * 299 + "x")
    assert caught.value.message == "Expression is too long (599 characters, max 500)"
    assert caught.value.column == 501
    with pytest.raises(ExprError, match="Number has too many digits") as caught:
        parse("9" * 5000)
    assert caught.value.column == 1
    with pytest.raises(ExprError, match="nested too deeply") as caught:
        parse("(" * 260 + "x" + ")" * 260)
    assert caught.value.column == 41


@pytest.mark.parametrize(
    "text",
    [
        "9^9^9^9",
        "10^10^8",
        "10^-10^10",
        "((9^9)^9999)^9999",
        "2^2^2^2^2",
        "1e100000000",
        "(x+1)^1000000",
        "x^(10^100)",
        "9" * 100_000,
        "(" * 100_000,
        "-" * 100_000 + "x",
        "x+" * 100_000 + "x",
        "|" * 100_000,
    ],
)
def test_hostile_input_answers_in_milliseconds(text: str) -> None:
    # CPU time of this thread, not the wall clock: other processes on a busy machine do not count.
    started = time.thread_time()
    with pytest.raises(ExprError):
        parse(text)
    assert time.thread_time() - started < 0.5


def test_errors_mark_the_span_of_the_offending_token() -> None:
    with pytest.raises(ExprError) as caught:
        parse("x + sinx")
    assert (caught.value.column, caught.value.end_column) == (5, 9)
    with pytest.raises(ExprError) as caught:
        parse("2 × x")
    assert (caught.value.column, caught.value.end_column) == (3, 4)


def test_errors_survive_pickling_with_their_position() -> None:
    import pickle

    with pytest.raises(ExprError) as caught:
        parse_program("a = 1\nb = a +")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.message, copy.line, copy.column) == (
        caught.value.message,
        caught.value.line,
        caught.value.column,
    )
