"""The seed's five vector rules on the autodiff core agree with their closed forms."""

import numpy as np
import pytest

from explorer.core.gradient.vector_rules import check_vector_rules


@pytest.mark.parametrize(("n", "m", "seed"), [(1, 1, 0), (3, 2, 0), (5, 4, 7), (8, 8, 123)])
def test_rules_agree_with_their_formulas(n, m, seed):
    checks = check_vector_rules(n, m, seed)
    assert [c.rule for c in checks] == [
        "∇ₓ Ax = Aᵀ",
        "∇ₓ xᵀA = A",
        "∇ₓ xᵀAx = (A + Aᵀ)x",
        "∇ₓ ‖x‖² = 2x",
        "∇_X ‖X‖²_F = 2X",
    ]
    shapes = [c.autodiff.shape for c in checks]
    assert shapes == [(n, m), (n, m), (n,), (n,), (m, n)]
    for check in checks:
        assert check.max_difference < 1e-12
        assert check.formula.shape == check.autodiff.shape


def test_the_formula_side_is_independent_of_autodiff():
    # The same seed gives the same A and x: recompute the closed forms here with numpy alone.
    rng = np.random.default_rng(4)
    x = rng.standard_normal(3)
    a_mn = rng.standard_normal((2, 3))
    checks = check_vector_rules(3, 2, 4)
    assert np.allclose(checks[0].formula, a_mn.T)
    assert np.allclose(checks[3].autodiff, 2 * x)


def test_sizes_are_checked():
    with pytest.raises(ValueError):
        check_vector_rules(0, 2)
    with pytest.raises(ValueError):
        check_vector_rules(3, 99)


def test_each_rule_shows_the_inputs_it_used():
    checks = {c.key: c for c in check_vector_rules(4, 3, 11)}
    inputs = {key: dict(check.inputs) for key, check in checks.items()}
    assert inputs["Ax"]["A"].shape == (3, 4) and inputs["xTA"]["A"].shape == (4, 3)
    a, x = inputs["xTAx"]["A"], inputs["xTAx"]["x"]
    assert np.allclose(checks["xTAx"].formula, (a + a.T) @ x)
    assert np.allclose(checks["frobenius"].formula, 2 * inputs["frobenius"]["X"])
