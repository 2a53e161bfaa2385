"""Property tests: any text parses or gives an ExprError, never a crash; display() reads back."""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from explorer import ExprError
from explorer.core.expr import parse, parse_program
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable
from explorer.core.text import SUPERSCRIPT_LETTERS

FAST = settings(max_examples=200)

TOKENS = [
    "x", "y", "x_1", "w1", "a", "1", "2.5", ".5", "1e3", "2e-3", "0", "9", "e", "pi", "sin",
    "log", "ln", "abs", "sqrt", "cbrt", "tan", "floor", "(", ")", "|", ",", "+", "-", "*", "/",
    "^", "**", " ", "=", "!", "#", ";", ".", "xy", "sinx", "X", "E", "nan", "lambda", "−", "×",
    "π", "√", "²", "\u00a0", "\n", "9^9", "^9", "10^", "(x", "x)", "||", "[", "'",
]  # fmt: skip


def parse_or_error(text: str, **options) -> None:
    try:
        parse(text, **options)
    except ExprError as error:
        assert error.message
        assert error.column is None or 1 <= error.column <= len(text) + 1


@FAST
@given(st.text(max_size=80))
def test_any_unicode_text_gives_an_expression_or_an_error(text: str) -> None:
    parse_or_error(text)


@FAST
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.booleans())
def test_token_soup_gives_an_expression_or_an_error(pieces: list[str], parameters: bool) -> None:
    parse_or_error("".join(pieces), variables=("x", "y"), parameters=parameters)


@FAST
@given(st.lists(st.sampled_from([*TOKENS, "\n", "a = ", "b = ", "f = "]), max_size=50))
def test_program_soup_gives_a_program_or_an_error(pieces: list[str]) -> None:
    try:
        parse_program("".join(pieces))
    except ExprError as error:
        assert error.message


@settings(max_examples=60)
@given(st.sampled_from(["(", "-", "|", "sin(", "x^", "2^", "+", "((x)"]), st.integers(1, 400))
def test_long_repetitions_never_recurse_or_hang(piece: str, count: int) -> None:
    parse_or_error(piece * count + "x")


# -- display() echoes the tree: reading its text back gives the same tree ------------------------

LEAVES = st.one_of(
    st.sampled_from([Variable("x"), Variable("y"), Constant("pi"), Constant("e")]),
    st.integers(0, 12).map(lambda n: Number(float(n), str(n))),
    st.sampled_from(["0.5", "2.25"]).map(lambda text: Number(float(text), text)),
)
FUNCTION_NAMES = ["sin", "exp", "abs", "sqrt", "log", "floor", "ceil", "sigmoid", "log2", "cbrt"]


def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.builds(BinaryOp, st.sampled_from("+-*/^"), children, children),
        st.builds(UnaryOp, st.just("-"), children),
        st.builds(lambda name, arg: Call(name, (arg,)), st.sampled_from(FUNCTION_NAMES), children),
    )


TREES = st.recursive(LEAVES, extend, max_leaves=8)
_SUPERSCRIPTS = str.maketrans(
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁻" + "".join(SUPERSCRIPT_LETTERS.values()),
    "0123456789-" + "".join(SUPERSCRIPT_LETTERS),
)
_DISPLAY_TO_INPUT = [
    ("−", "-"), ("·", "*"), ("π", "pi"), ("√(", "sqrt("), ("∛(", "cbrt("), ("σ(", "sigmoid("),
    ("log₂(", "log2("), ("⌊", "floor("), ("⌋", ")"), ("⌈", "ceil("), ("⌉", ")"),
]  # fmt: skip
SEMANTIC_ERRORS = (
    "Division by zero",
    "no real value",
    "too large",
    "too small",
    "undefined",
    # (x^π)^exp(6): the combined exponent 1267 is over the cap.
    "powers combine to an exponent",
)


def display_to_input(text: str) -> str:
    for shown, typed in _DISPLAY_TO_INPUT:
        text = text.replace(shown, typed)
    raised = "⁻⁰¹²³⁴⁵⁶⁷⁸⁹" + "".join(SUPERSCRIPT_LETTERS.values())
    return re.sub(f"[{raised}]+", lambda m: "^" + m.group().translate(_SUPERSCRIPTS), text)


_EXP6 = Call("exp", (Number(6.0, "6"),))


@FAST
@given(TREES)
# Counterexamples found under other seeds: exponents over the cap, refused for that reason.
@example(BinaryOp("^", Variable("x"), BinaryOp("^", Constant("pi"), _EXP6)))
@example(BinaryOp("^", BinaryOp("^", Variable("x"), Constant("pi")), _EXP6))
def test_display_reads_back_as_the_same_tree(tree: Node) -> None:
    typed = display_to_input(format_unicode(tree))
    try:
        parsed = parse(typed, ("x", "y")).tree
    except ExprError as error:
        # Random trees may divide by a constant 0 or overflow; the parser rightly refuses those.
        assume(not any(reason in error.message for reason in SEMANTIC_ERRORS))
        raise
    assert parsed == tree, typed
