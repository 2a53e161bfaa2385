"""Words a student understands in the derivative lab and in diff: holes named with their limit,
the seed's h=0.00000 explained, plurals that agree."""

from __future__ import annotations

import pytest

from explorer.core.derivative.difference import seed_limit_rows, seed_rounding_note
from explorer.core.derivative.from_sympy import KEPT_OURS
from explorer.core.derivative.model import prepare
from explorer.core.derivative.tangent import removable_limit, tangent_at
from explorer.core.text import counted


@pytest.mark.parametrize(
    ("text", "x0", "limit"), [("sin(x)/x", 0.0, "1"), ("(x^2 - 1)/(x - 1)", 1.0, "2")]
)
def test_a_removable_singularity_is_named_with_its_limit(text, x0, limit):
    tangent = tangent_at(prepare(text), x0)
    assert not tangent.differentiable
    assert "removable singularity" in tangent.reason
    assert f"→ {limit} from both sides" in tangent.reason


@pytest.mark.parametrize(("text", "x0"), [("1/x", 0.0), ("|x|/x", 0.0), ("sqrt(x)", -1.0)])
def test_poles_jumps_and_gaps_are_not_called_removable(text, x0):
    assert removable_limit(prepare(text), x0) is None
    assert "removable" not in tangent_at(prepare(text), x0).reason


def test_the_seeds_h_rows_are_explained():
    rows = seed_limit_rows(prepare("3x^2 - 4x").f, 1.0)
    assert [f"{h:.5f}" for h, _value in rows][2:] == ["0.00000"] * 3
    note = seed_rounding_note([h for h, _value in rows])
    assert "5 decimals" in note and "10⁻⁶ … 10⁻⁸" in note
    assert seed_rounding_note([0.1, 0.01]) == ""


def test_plurals_agree():
    assert counted(1, "more point") == "1 more point"
    assert counted(2, "more point") == "2 more points"
    assert counted(1, "more kink", "more kinks") == "1 more kink"


def test_a_kept_form_is_just_simplified():
    assert KEPT_OURS == "simplified"
