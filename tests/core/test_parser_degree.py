"""The exponent and degree caps: sympy never receives a polynomial of degree above 1000."""

from __future__ import annotations

import time

import pytest
import sympy

from explorer import ExprError, parse
from explorer.core.expr.checks import MAX_SYMBOLIC_DEGREE
from explorer.core.expr.program import parse_program

x = sympy.Symbol("x", real=True)

REFUSED = [
    # Equal bases add their exponents (sympy collects them): same message as nested powers.
    ("(x+1)^1000*(x+1)^1000", "The powers combine to an exponent of 2000 (max 1000)", 11),
    ("x^600*x^600", "The powers combine to an exponent of 1200 (max 1000)", 6),
    ("x^600*y*x^600", "combine to an exponent of 1200", 8),
    ("x^-600/x^600", "combine to an exponent of -1200", 7),
    # Different bases: the degree estimate (sum over a product, n times over a power) caps them.
    ("(x+1)^600*(x+2)^600", "The powers multiply out to degree 1200 (max 1000)", 10),
    ("((x+1)^30 + 1)^40", "The powers multiply out to degree 1200 (max 1000)", 15),
    ("sin(x^40)^30", "degree 1200", 10),
    ("x*(x+1)^1000", "degree 1001", 2),
]


@pytest.mark.parametrize(("text", "message", "column"), REFUSED)
def test_combined_exponents_and_degrees_are_capped(text: str, message: str, column: int) -> None:
    with pytest.raises(ExprError) as caught:
        parse(text, ("x", "y"))
    assert message in caught.value.message
    assert caught.value.column == column


def test_sympy_would_collect_equal_bases_into_one_large_power() -> None:
    # The premise of the same-base rule, from sympy alone.
    assert sympy.Mul((x + 1) ** 1000, (x + 1) ** 1000) == (x + 1) ** 2000
    assert sympy.degree(x**600 * x**600, x) == 1200


@pytest.mark.parametrize(
    ("text", "degree"),
    [("(x+1)^1000", 1000), ("x^500*x^500", 1000), ("(x+1)^500*(x-1)^500", 1000), ("x^999*x", 1000)],
)
def test_degree_up_to_the_cap_is_allowed(text: str, degree: int) -> None:
    factors = parse(text).to_sympy().as_powers_dict()  # sympy's own product, without expanding
    total = sum(sympy.degree(base, x) * power for base, power in factors.items())
    assert total == degree <= MAX_SYMBOLIC_DEGREE


def test_cancelled_powers_do_not_count() -> None:
    # sympy cancels x^1000/x^1000 to 1 itself, so the estimate does not add the two.
    assert parse("x^1000/x^1000 + x").to_sympy() == x + 1


def test_twenty_factors_fail_fast() -> None:
    # CPU time of this thread, not the wall clock: other processes on a busy machine do not count.
    start = time.thread_time()
    with pytest.raises(ExprError, match="combine to an exponent of 2000"):
        parse("*".join(["(x+1)^1000"] * 20))
    assert time.thread_time() - start < 0.5


def test_degree_carries_over_program_definitions() -> None:
    with pytest.raises(ExprError, match="degree 1200") as caught:
        parse_program("a = (x+1)^600\nb = (x+2)^600\nf = a*b")
    assert (caught.value.line, caught.value.column) == (3, 6)
