"""format_input writes a tree in the input language: it parses back to the very same tree."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from test_parser_properties import SEMANTIC_ERRORS, TREES

from explorer import ExprError
from explorer.core.expr import parse
from explorer.core.expr.display import format_input


@settings(max_examples=200)
@given(TREES)
def test_input_text_reads_back_as_the_same_tree(tree):
    typed = format_input(tree)
    assert typed.isascii(), typed
    try:
        parsed = parse(typed, ("x", "y")).tree
    except ExprError as error:
        # Random trees may divide by a constant 0 or overflow; the parser rightly refuses those.
        assume(not any(reason in error.message for reason in SEMANTIC_ERRORS))
        raise
    assert parsed == tree, typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3x^2 - 4x", "3x^2 - 4x"),
        ("-x^2", "-x^2"),
        ("1/2x", "(1/2)*x"),
        ("|x| + sqrt(x)/(2pi)", "abs(x) + sqrt(x)/(2pi)"),
        ("sigmoid(x)*(1 - sigmoid(x))", "sigmoid(x)*(1 - sigmoid(x))"),
        ("2^-1 + e^x", "2^(-1) + e^x"),
        ("ln(x)", "log(x)"),
    ],
)
def test_input_text_is_what_a_learner_would_type(text, expected):
    assert format_input(parse(text).tree) == expected
