"""Benchmark: ``((w*x + b)**2).sum()`` forward + backward on 1,000,000-element arrays.

Budget (issue 11): at most 1.3x the hand-written numpy forward + backward, with the allocator's
defaults, measured in the same run. The two sides run in alternation (a load that comes and goes
slows both), and a verdict is the median of the paired ratios.

What a call costs depends on the heap it starts from. A fresh 8 MB array costs about a millisecond
of page faults here, as much as the arithmetic on it, and glibc gives heap memory back to the
system whenever a free leaves more than its trim threshold free at the top of the heap (twice the
largest block it has freed from mmap so far: 16 MB here). So the same call pays from 0 to about
2,000 faults, depending on which arrays other code still holds and where they lie. The benchmark
prints the two sides from four heap states:

- **same heap (the verdict)**: before every timed call only the inputs are alive, and each call's
  result is dropped before the next call. Both sides start from one and the same heap, whatever
  ran before, and each pays for the memory it needs: the hand-written code holds four arrays at
  its peak (``residual``, ``d_residual`` and the two products), the autodiff three, as it frees
  ``w*x`` after ``+ b`` and the saved residual once its backward step ran (it still allocates
  one array more in all: numpy reuses ``w*x``'s temporary for ``+ b``, deciding by reference
  count, which the autodiff may not do).
- **same heap, trimmed**: the same, with glibc asked to return every free page first
  (``malloc_trim(0)``, for both sides). Whether the heap a call finds otherwise is warm (its
  pages still mapped) or cold depends on where small allocations made earlier happen to lie;
  this prints the cold start for certain, where each side pays a fault per page it touches.
- **training loop**: each timed call follows an untimed call of the same side, whose result is
  still alive, as in a loop that rebinds its gradients after each step.
- **results kept**: each side's previous result stays alive while the other side runs (this
  benchmark's earlier design). The heap then depends on which side ran just before: the faults
  (printed for every state by the side that ran before) measure how the two sides' arrays
  interleave, not either side's code.

The verdict is the same-heap state as the allocator leaves it: it is the design where both sides
start from the same heap, nothing the other side left behind decides a figure, and the benchmark
calls nothing in the allocator. Warm or cold, the autodiff holds less memory at its peak there
than the hand-written code (three arrays against four); the trimmed cold start is printed beside
it. The states but the trimmed one are then repeated with heap trimming off (the
same setting for both sides), where neither side pays page faults and the ratio is that of the
arithmetic and the autodiff's bookkeeping. Results are checked against each other once, before
the timing; the load average is printed with the figures.
Run: python tests/benchmarks/bench_autodiff_vector.py
"""

from __future__ import annotations

import ctypes
import gc
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import explorer.autodiff as ad  # noqa: E402

SIZE = 1_000_000
ROUNDS = 41
BUDGET = 1.3


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


SIDES: dict[str, Callable[..., Any]] = {"hand": by_hand, "ours": with_autodiff}


def check_results(w, x, b) -> None:
    hand, ours = by_hand(w, x, b), with_autodiff(w, x, b)
    assert math.isclose(ours[0], hand[0], rel_tol=1e-12)
    for mine, reference in zip(ours[1:], hand[1:], strict=True):
        np.testing.assert_allclose(mine, reference, rtol=1e-12)


def paired_times(state: str, rounds: int, w, x, b) -> dict[str, Any]:
    """Time the two sides in alternation (which goes first alternates too), each call starting
    from the heap ``state`` names (see the module docstring)."""
    runs: dict[str, Any] = {side: [] for side in SIDES}
    runs.update({f"{side}_faults": [] for side in SIDES}, after={side: {} for side in SIDES})
    held: dict[str, Any] = {}  # results alive during the next timed call
    previous = None
    for index in range(rounds):
        order = list(SIDES) if index % 2 == 0 else list(reversed(SIDES))
        for side in order:
            function = SIDES[side]
            if state != "results kept":
                held.clear()
            if state == "training loop":
                held["step before"] = function(w, x, b)
            gc.collect()
            if state == "same heap, trimmed":
                _trim_heap()
            faults = _page_faults()
            start = time.perf_counter()
            result = function(w, x, b)
            runs[side].append(time.perf_counter() - start)
            runs[f"{side}_faults"].append(_page_faults() - faults)
            runs["after"][side].setdefault(previous, []).append(runs[f"{side}_faults"][-1])
            if state == "results kept":
                held[side] = result
            del result
            previous = side
    held.clear()
    return runs


def _page_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _can_trim() -> bool:
    try:
        return hasattr(ctypes.CDLL("libc.so.6"), "malloc_trim")
    except OSError:
        return False


def _trim_heap() -> None:
    ctypes.CDLL("libc.so.6").malloc_trim(0)


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


def report(state: str, runs: dict[str, Any], verdict: bool) -> float:
    pair_ratios = [o / h for o, h in zip(runs["ours"], runs["hand"], strict=True)]
    median_ratio = statistics.median(pair_ratios)
    print(f"  {state}{' (the verdict)' if verdict else ''}")
    for label, side in (("hand-written numpy", "hand"), ("explorer.autodiff ", "ours")):
        times, faults = runs[side], runs[f"{side}_faults"]
        best, median = min(times) * 1e3, statistics.median(times) * 1e3
        by_predecessor = ", ".join(
            f"after {before} {statistics.median(counts):.0f}"
            for before, counts in sorted(runs["after"][side].items(), key=str)
            if before is not None
        )
        print(
            f"    {label}: best {best:6.2f} ms, median {median:6.2f} ms, "
            f"page faults per call (median) {statistics.median(faults):5.0f} ({by_predecessor})"
        )
    mark = ("OK" if median_ratio <= BUDGET else "OVER") if verdict else ""
    print(
        f"    ratio: median of paired runs {median_ratio:.2f}x"
        f"{f' (budget <= {BUDGET}x) {mark}' if verdict else ''}, "
        f"best / best {min(runs['ours']) / min(runs['hand']):.2f}x"
    )
    return median_ratio


STATES = ("same heap", "same heap, trimmed", "training loop", "results kept")


def main() -> None:
    rng = np.random.default_rng(0)
    w, x, b = (rng.standard_normal(SIZE) for _ in range(3))
    check_results(w, x, b)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"((w*x + b)**2).sum() on {SIZE:,} elements, forward + backward, {ROUNDS} paired "
          f"rounds per heap state; load average {load}")  # fmt: skip
    print(" allocator defaults")
    for state in STATES if _can_trim() else (STATES[0], *STATES[2:]):
        report(state, paired_times(state, ROUNDS, w, x, b), verdict=state == STATES[0])
    if _stop_heap_trimming():
        print(" heap trimming off (both sides)")
        for state in (STATES[0], *STATES[2:]):
            report(state, paired_times(state, ROUNDS, w, x, b), verdict=False)


if __name__ == "__main__":
    main()
