"""Benchmark: ``((w*x + b)**2).sum()`` forward + backward on 1,000,000-element arrays.

Budget (issue 11): at most 1.3x the hand-written numpy forward + backward measured in the same run.
The two run in alternation, and the verdict is the median of the paired ratios. A fresh 8 MB array
costs milliseconds of page faults on some machines, far more than the arithmetic, and whether a
call pays them depends on when glibc last gave heap memory back; so the figures are printed twice,
with the allocator's defaults and with heap trimming off (the same setting for both sides).
Run: python tests/benchmarks/bench_autodiff_vector.py
"""

from __future__ import annotations

import ctypes
import gc
import math
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import explorer.autodiff as ad  # noqa: E402

SIZE = 1_000_000
ROUNDS = 41


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


def paired_times(rounds: int, w, x, b) -> dict[str, Any]:
    """Time the two side by side, alternating which goes first, so a busy machine slows both."""
    runs: dict[str, Any] = {"hand": [], "ours": [], "hand_faults": [], "ours_faults": []}
    for index in range(rounds):
        order = (("hand", by_hand), ("ours", with_autodiff))
        for side, function in order if index % 2 == 0 else reversed(order):
            gc.collect()
            faults = _page_faults()
            start = time.perf_counter()
            result = function(w, x, b)
            runs[side].append(time.perf_counter() - start)
            runs[f"{side}_faults"].append(_page_faults() - faults)
            runs[f"{side}_result"] = result
            del result
    return runs


def _page_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _stop_heap_trimming() -> bool:
    """Keep freed memory in glibc's heap (the same for both sides), so neither pays page faults
    for memory the allocator just gave back. False where glibc's mallopt is not available."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        trim_threshold, mmap_threshold = -1, -3  # M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        return bool(libc.mallopt(trim_threshold, 1 << 30)) and bool(
            libc.mallopt(mmap_threshold, 1 << 26)
        )
    except (OSError, AttributeError):
        return False


def report(title: str, runs: dict[str, Any]) -> float:
    hand, ours = runs["hand_result"], runs["ours_result"]
    assert math.isclose(ours[0], hand[0], rel_tol=1e-12)
    for mine, reference in zip(ours[1:], hand[1:], strict=True):
        np.testing.assert_allclose(mine, reference, rtol=1e-12)
    pair_ratios = [o / h for o, h in zip(runs["ours"], runs["hand"], strict=True)]
    median_ratio = statistics.median(pair_ratios)
    print(f"  {title}")
    for label, side in (("hand-written numpy", "hand"), ("explorer.autodiff ", "ours")):
        times, faults = runs[side], runs[f"{side}_faults"]
        best, median = min(times) * 1e3, statistics.median(times) * 1e3
        print(
            f"    {label}: best {best:6.2f} ms, median {median:6.2f} ms, "
            f"page faults per call (median) {statistics.median(faults):6.0f}"
        )
    print(f"    ratio, best / best           : {min(runs['ours']) / min(runs['hand']):.2f}x")
    verdict = "OK" if median_ratio <= 1.3 else "OVER"
    print(f"    ratio, median of paired runs : {median_ratio:.2f}x (budget <= 1.3x) {verdict}")
    return median_ratio


def main() -> None:
    rng = np.random.default_rng(0)
    w, x, b = (rng.standard_normal(SIZE) for _ in range(3))
    print(f"((w*x + b)**2).sum() on {SIZE:,} elements, forward + backward, {ROUNDS} paired rounds")
    report("allocator defaults", paired_times(ROUNDS, w, x, b))
    if _stop_heap_trimming():
        report("heap trimming off (both sides)", paired_times(ROUNDS, w, x, b))


if __name__ == "__main__":
    main()
