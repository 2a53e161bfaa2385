"""The seed's five vector rules, each computed on the autodiff core and beside its formula.

For a seeded random A and x of the chosen sizes, every rule's gradient is taken by reverse mode
(a vector-valued function one output at a time, which is what ∇ of a vector means here: the
gradient of output j is column j, so ∇ₓ(Ax) is n × m) and compared with the closed form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

import explorer.core.autodiff as ad

MAX_SIZE = 8  # the same bound as GradientState.rule_sizes


@dataclass(frozen=True)
class VectorRuleCheck:
    """One rule: its name, the autodiff gradient, the formula's value and their largest gap."""

    key: str
    rule: str
    shapes: str
    autodiff: np.ndarray
    formula: np.ndarray
    inputs: tuple[tuple[str, np.ndarray], ...] = ()

    @property
    def max_difference(self) -> float:
        return float(np.max(np.abs(self.autodiff - self.formula)))


def _leaf(values: np.ndarray) -> ad.Tensor:
    return ad.tensor(values, dtype=ad.float64, requires_grad=True)


def _gradient_columns(function: Callable[[ad.Tensor], ad.Tensor], x: np.ndarray) -> np.ndarray:
    """∇ₓ of a vector-valued function: column j is the gradient of output j (reverse mode)."""
    leaf = _leaf(x)
    output = function(leaf)
    columns = []
    for index in range(output.shape[0]):
        (gradient,) = ad.autograd.grad(output[index], leaf, retain_graph=True)
        columns.append(gradient.numpy())
    return np.stack(columns, axis=1)


def _scalar_gradient(function: Callable[[ad.Tensor], ad.Tensor], x: np.ndarray) -> np.ndarray:
    leaf = _leaf(x)
    function(leaf).backward()
    return leaf.grad.numpy()


def check_vector_rules(n: int = 3, m: int = 2, seed: int = 0) -> list[VectorRuleCheck]:
    """The five rules for x ∈ ℝⁿ and A of the sizes each rule needs (m × n, n × m, n × n)."""
    if not (1 <= n <= MAX_SIZE and 1 <= m <= MAX_SIZE):
        raise ValueError(f"sizes must be between 1 and {MAX_SIZE}")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    a_mn = rng.standard_normal((m, n))
    a_nm = rng.standard_normal((n, m))
    a_nn = rng.standard_normal((n, n))
    big_x = rng.standard_normal((m, n))

    def times(matrix: np.ndarray) -> Callable[[ad.Tensor], ad.Tensor]:
        constant = ad.tensor(matrix, dtype=ad.float64)
        return lambda v: ad.matmul(constant, v)

    def transposed_times(matrix: np.ndarray) -> Callable[[ad.Tensor], ad.Tensor]:
        constant = ad.tensor(matrix, dtype=ad.float64)
        return lambda v: ad.matmul(v, constant)

    square = ad.tensor(a_nn, dtype=ad.float64)
    return [
        VectorRuleCheck(
            "Ax",
            "∇ₓ Ax = Aᵀ",
            f"A: {m}×{n}, x: {n}",
            _gradient_columns(times(a_mn), x),
            a_mn.T,
            (("A", a_mn), ("x", x)),
        ),
        VectorRuleCheck(
            "xTA",
            "∇ₓ xᵀA = A",
            f"A: {n}×{m}, x: {n}",
            _gradient_columns(transposed_times(a_nm), x),
            a_nm,
            (("A", a_nm), ("x", x)),
        ),
        VectorRuleCheck(
            "xTAx",
            "∇ₓ xᵀAx = (A + Aᵀ)x",
            f"A: {n}×{n}, x: {n}",
            _scalar_gradient(lambda v: ad.dot(v, ad.matmul(square, v)), x),
            (a_nn + a_nn.T) @ x,
            (("A", a_nn), ("x", x)),
        ),
        VectorRuleCheck(
            "norm",
            "∇ₓ ‖x‖² = 2x",
            f"x: {n}",
            _scalar_gradient(lambda v: ad.dot(v, v), x),
            2 * x,
            (("x", x),),
        ),
        VectorRuleCheck(
            "frobenius",
            "∇_X ‖X‖²_F = 2X",
            f"X: {m}×{n}",
            _scalar_gradient(lambda v: (v * v).sum(), big_x),
            2 * big_x,
            (("X", big_x),),
        ),
    ]
