"""``check_grads`` in the HIPS/autograd style: reverse mode, forward mode and central differences
must agree on random directional derivatives, or an AssertionError says which and by how much."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.autodiff.creation import tensor
from explorer.core.autodiff.forward import jvp
from explorer.core.autodiff.tensor import Tensor


@dataclass(frozen=True)
class GradCheck:
    """The three estimates of the same directional derivative uᵀ·J·v."""

    reverse: float
    forward: float
    central_difference: float


def _evaluate(f: Callable[..., Tensor], arrays: list[np.ndarray]) -> np.ndarray:
    return np.asarray(f(*[tensor(a) for a in arrays])._value, dtype=np.float64)


def check_grads(
    f: Callable[..., Tensor],
    *args: Any,
    eps: float = 1e-6,
    rtol: float = 1e-5,
    atol: float = 1e-6,
    seed: int = 0,
) -> GradCheck:
    """Compare reverse mode, forward mode and central differences of ``f`` at ``args``.

    ``f`` takes tensors and returns a tensor of any shape. A random input direction ``v`` and a
    random output weighting ``u`` reduce everything to one number, uᵀ·J·v, computed three ways.
    """
    rng = np.random.default_rng(seed)
    arrays = [np.array(a._value if isinstance(a, Tensor) else a, dtype=np.float64) for a in args]
    directions = [rng.standard_normal(a.shape) for a in arrays]
    output_shape = _evaluate(f, arrays).shape
    weights = rng.standard_normal(output_shape)

    leaves = [tensor(a, requires_grad=True) for a in arrays]
    output = f(*leaves)
    if output.requires_grad:
        output.backward(gradient=weights)
    reverse = sum(
        float(np.sum(np.asarray(leaf._grad._value) * v)) if leaf._grad is not None else 0.0
        for leaf, v in zip(leaves, directions, strict=True)
    )

    _, tangent = jvp(f, tuple(arrays), tuple(directions))
    forward = float(np.sum(weights * np.asarray(tangent._value)))

    plus = _evaluate(f, [a + eps * v for a, v in zip(arrays, directions, strict=True)])
    minus = _evaluate(f, [a - eps * v for a, v in zip(arrays, directions, strict=True)])
    central = float(np.sum(weights * (plus - minus))) / (2 * eps)

    result = GradCheck(reverse, forward, central)
    _assert_close("reverse mode", reverse, "forward mode", forward, rtol, atol)
    _assert_close("reverse mode", reverse, "central differences", central, rtol, atol)
    return result


def _assert_close(name_a: str, a: float, name_b: str, b: float, rtol: float, atol: float) -> None:
    if not np.isclose(a, b, rtol=rtol, atol=atol):
        raise AssertionError(
            f"{name_a} gives {a!r} but {name_b} gives {b!r} "
            f"(difference {abs(a - b):.3g}, allowed {atol + rtol * abs(b):.3g})"
        )
