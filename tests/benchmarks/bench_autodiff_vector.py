"""Benchmark: ``((w*x + b)**2).sum()`` forward + backward on 1,000,000-element arrays.

Budget (issue 3): at most 1.3x the hand-written numpy forward + backward measured in the same run.
Run: python tests/benchmarks/bench_autodiff_vector.py
"""

from __future__ import annotations

import gc
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import explorer.autodiff as ad  # noqa: E402

SIZE = 1_000_000
ROUNDS = 15


def by_hand(w, x, b):
    """What a careful person writes with numpy: the loss and its three gradients."""
    residual = w * x + b
    loss = np.sum(residual**2)
    d_residual = 2.0 * residual
    return loss, d_residual * x, d_residual * w, d_residual


def with_autodiff(w, x, b):
    wt = ad.from_numpy(w).requires_grad_(True)
    xt = ad.from_numpy(x).requires_grad_(True)
    bt = ad.from_numpy(b).requires_grad_(True)
    loss = ((wt * xt + bt) ** 2).sum()
    loss.backward()
    return loss.item(), wt.grad.numpy(), xt.grad.numpy(), bt.grad.numpy()


def best_time(function, *args) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    rng = np.random.default_rng(0)
    w, x, b = (rng.standard_normal(SIZE) for _ in range(3))
    # Interleave the two so a busy machine slows both alike.
    hand_time, hand = best_time(by_hand, w, x, b)
    ours_time, ours = best_time(with_autodiff, w, x, b)
    hand_time = min(hand_time, best_time(by_hand, w, x, b)[0])
    ours_time = min(ours_time, best_time(with_autodiff, w, x, b)[0])
    assert math.isclose(ours[0], hand[0], rel_tol=1e-12)
    for mine, reference in zip(ours[1:], hand[1:], strict=True):
        np.testing.assert_allclose(mine, reference, rtol=1e-12)
    ratio = ours_time / hand_time
    print(f"((w*x + b)**2).sum() on {SIZE:,} elements, forward + backward, best of {2 * ROUNDS}")
    print(f"  hand-written numpy: {hand_time * 1e3:7.2f} ms")
    print(f"  explorer.autodiff : {ours_time * 1e3:7.2f} ms")
    verdict = "OK" if ratio <= 1.3 else "OVER"
    print(f"  ratio             : {ratio:.2f}x (budget <= 1.3x) {verdict}")


if __name__ == "__main__":
    main()
