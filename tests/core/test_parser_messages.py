"""Messages a learner reads: lookalike letters, sin^-1, unclosed brackets, incomplete numbers."""

from __future__ import annotations

import math
import unicodedata

import pytest
from shared_data import load_json, missing_param, shared_file

from explorer.core.expr import ExprError, parse, parse_program

# -- a non-ASCII letter is named at its column, wherever it is ------------------------------------

LOOKALIKES = ["siп(x)", "lоg(x)", "cоs(x)", "pі", "sіn(x)", "tαn(x)", "x + еxp(x)", "1/0 + sіn(x)"]


def _foreign(text: str) -> tuple[int, str]:
    index = next(i for i, ch in enumerate(text) if not ch.isascii())
    return index + 1, unicodedata.name(text[index])


@pytest.mark.parametrize("text", LOOKALIKES)
@pytest.mark.parametrize("parameters", [False, True])
def test_lookalike_letter_inside_a_word_is_named(text: str, parameters: bool) -> None:
    column, name = _foreign(text)
    with pytest.raises(ExprError) as caught:
        parse(text, parameters=parameters)
    assert f"({name})" in caught.value.message
    assert "Unknown" not in caught.value.message and "This panel" not in caught.value.message
    assert caught.value.column == column


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_letter_in_a_program_is_named_at_its_line(text: str) -> None:
    column, name = _foreign(text)
    with pytest.raises(ExprError) as caught:
        parse_program(f"a = x\nb = {text}")
    assert f"({name})" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, column + 4)


def test_lookalike_in_a_definition_name_is_named() -> None:
    with pytest.raises(ExprError, match="CYRILLIC SMALL LETTER A") as caught:
        parse_program("а = x\nb = 2")  # Cyrillic а, on a line that is not the last
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_the_plain_letter_to_type_is_suggested() -> None:
    with pytest.raises(ExprError, match="type the plain letter 'o' instead"):
        parse("lоg(x)")


# -- sin^-1 is the inverse function, sin^2 a power ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("sin^-1(x)", "write asin(x) for the inverse function, or 1/sin(x)", "^2"),
        ("cos^-1(x)", "write acos(x) for the inverse function", "^2"),
        ("tan^(-1)(x)", "write atan(x) for the inverse function", "^2"),
        ("log^-1(x)", "write 1/log(x) for the reciprocal", "inverse"),
        ("sin^2(x)", "write sin(x)^2 for a power", "asin"),
        ("sin^3 x", "write sin(x)^3 for a power", "asin"),
        ("cos^-2(x)", "write cos(x)^(-2) for a power", "acos"),
    ],
)
def test_power_written_on_a_function_name(text: str, expected: str, not_expected: str) -> None:
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert expected in caught.value.message
    assert not_expected not in caught.value.message
    assert caught.value.column == 1


def test_the_suggested_inverse_parses_and_is_the_inverse() -> None:
    assert parse("asin(x)").evaluate(x=0.5) == pytest.approx(math.asin(0.5))


# -- one position per message ---------------------------------------------------------------------

UNCLOSED = [("(x+1", 1), ("sin(x", 4), ("sin((x)", 4), ("2*(x+(1)", 3), ("|x", 1), ("(|x)", 2)]


@pytest.mark.parametrize(("text", "column"), UNCLOSED)
def test_unclosed_bracket_is_reported_once_at_its_opener(text: str, column: int) -> None:
    with pytest.raises(ExprError) as caught:
        parse(text)
    error = caught.value
    assert error.message.startswith("Missing ")
    assert error.column == column and text[column - 1] in "(|"
    assert str(error).count("column") == 1


def test_unclosed_bracket_in_a_program_names_line_and_column_once() -> None:
    with pytest.raises(ExprError) as caught:
        parse_program("a = x\nb = (a + 1")
    assert str(caught.value) == "Missing ')' for the '(' (line 2, column 5)"


CATALOGUE = "bad_inputs.json"


def _catalogue_inputs() -> list:
    if shared_file(CATALOGUE) is None:
        return [missing_param(CATALOGUE)]
    return [case["input"] for case in load_json(CATALOGUE)]


@pytest.mark.parametrize(
    "text",
    [*_catalogue_inputs(), "sin(x", "(x+1", "|x|+|x", "1e", "2e-x", "sin^-1(x)", "(-2)^x"],
)
def test_every_message_shows_at_most_one_column(text: str) -> None:
    try:
        parse(text, ("x", "y"))
    except ExprError as error:
        assert str(error).count("column") <= 1, str(error)


# -- numbers with e -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "literal", "column"),
    [
        ("1e", "1e", 1),
        ("2e", "2e", 1),
        ("1.5e", "1.5e", 1),
        ("2E", "2E", 1),
        ("x + 2e", "2e", 5),
        ("2e-x", "2e-", 1),
        ("1e-", "1e-", 1),
        ("2e+(x)", "2e+", 1),
    ],
)
def test_incomplete_scientific_notation_is_refused(text: str, literal: str, column: int) -> None:
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert caught.value.message.startswith(f"Incomplete number '{literal}': add exponent digits")
    assert caught.value.column == column
    assert caught.value.end_column == column + len(literal)


def test_incomplete_number_names_both_readings() -> None:
    with pytest.raises(ExprError) as caught:
        parse("1e")
    assert caught.value.message == "Incomplete number '1e': add exponent digits (1e3) or write 1*e"
    with pytest.raises(ExprError, match=r"\(2e-3\) or write 2\*e - … for 2 times e"):
        parse("2e-x")


def test_incomplete_number_ends_a_program_line_too() -> None:
    with pytest.raises(ExprError, match="Incomplete number '1e'") as caught:
        parse_program("a = 1e\nb = a + x")
    assert (caught.value.line, caught.value.column) == (1, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2e-3", 0.002),
        ("2e+3", 2000.0),
        ("2E3", 2000.0),
        ("1e-3x", 0.001 * 1.5),
        ("2e^x", 2 * math.e**1.5),
        ("2e*x", 2 * math.e * 1.5),
        ("2e x", 2 * math.e * 1.5),
        ("(2e)", 2 * math.e),
        ("2e - x", 2 * math.e - 1.5),
        ("2e/x", 2 * math.e / 1.5),
        ("e", math.e),
    ],
)
def test_numbers_next_to_e_read_as_documented(text: str, expected: float) -> None:
    assert parse(text).evaluate(x=1.5) == pytest.approx(expected, rel=1e-12)


def test_display_of_a_number_times_e_reads_back() -> None:
    for text in ("2e^x", "(2e)", "x*2*e"):
        shown = parse(text).display().replace("·", "*").replace("ˣ", "^x")
        assert parse(shown).tree == parse(text).tree, shown
