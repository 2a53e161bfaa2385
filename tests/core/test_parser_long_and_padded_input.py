"""Over-long input is "too long" before any name is looked up; columns count leading spaces."""

from __future__ import annotations

import pytest

from explorer.core.expr import ExprError, parse


def test_a_3000_letter_unknown_word_is_too_long_not_unknown():
    with pytest.raises(ExprError) as caught:
        parse("a" * 3000, parameters=True)
    assert caught.value.message == "Expression is too long (3000 characters, max 500)"
    assert caught.value.column == 501


def test_unknown_names_inside_an_over_long_text_are_not_looked_up():
    with pytest.raises(ExprError) as caught:
        parse("sinx + " * 80)
    assert caught.value.message.startswith("Expression is too long")


def test_structural_problems_within_the_limit_still_say_more_than_too_long():
    with pytest.raises(ExprError, match="nested too deeply") as caught:
        parse("(" * 260 + "x" + ")" * 260)
    assert caught.value.column == 41


@pytest.mark.parametrize(
    ("text", "column", "marked"),
    [("   3x^", 6, "^"), ("3x^", 3, "^"), ("\u00a0 sinx", 3, "s"), ("  1/", 4, "/")],
)
def test_error_columns_count_in_the_text_as_typed(text, column, marked):
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert caught.value.column == column
    assert text[column - 1] == marked
