"""The graph keeps only what backward reads, as PyTorch's does: ``w * x`` in ``w * x + b`` is
freed once the sum has read it, a value saved for backward is freed after the backward that read
it, and the peak memory of ``((w*x + b)**2).sum()`` forward + backward is no more than that of
the hand-written numpy gradient.

Runs with the economies on and off (tests/core/conftest.py): off, every node keeps everything.
"""

from __future__ import annotations

import gc
import tracemalloc
import weakref

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff.economies import Retention, keeping_values
from explorer.core.autodiff.introspect import snapshot

LARGE = 20_000  # over Retention.small_elements: released with the economies on


def _leaves(seed: int = 0, size: int = LARGE):
    rng = np.random.default_rng(seed)
    return [torch.tensor(rng.standard_normal(size), requires_grad=True) for _ in range(3)]


def test_an_intermediate_no_backward_formula_reads_is_freed_with_its_tensor(economies):
    w, x, b = _leaves()
    product = w * x
    value = weakref.ref(product._value)
    total = product + b  # the sum's backward reads neither argument
    del product
    gc.collect()
    assert (value() is None) == (economies == "economies on")
    total.sum().backward()
    np.testing.assert_array_equal(w.grad.numpy(), x.detach().numpy())
    np.testing.assert_array_equal(b.grad.numpy(), np.ones(LARGE))


def test_a_saved_value_is_freed_after_the_backward_that_read_it(economies):
    w, x, b = _leaves()
    residual = w * x + b
    value = weakref.ref(residual._value)
    loss = (residual**2).sum()  # the square's backward reads the residual
    del residual
    gc.collect()
    assert value() is not None
    loss.backward()
    gc.collect()
    assert (value() is None) == (economies == "economies on")
    expected = 2 * (w.detach().numpy() * x.detach().numpy() + b.detach().numpy())
    np.testing.assert_allclose(b.grad.numpy(), expected, rtol=1e-12)


def test_a_value_two_graphs_saved_stays_until_both_backwards_ran(economies):
    w, _, b = _leaves(1)
    total = w + b  # its own backward reads nothing, so a second backward through it may run
    squares, cubes = (total**2).sum(), (total**3).sum()
    del total
    squares.backward()
    cubes.backward()  # PyTorch 2.13 runs this too: each power saved the sum itself
    r = w.detach().numpy() + b.detach().numpy()
    np.testing.assert_allclose(b.grad.numpy(), 2 * r + 3 * r**2, rtol=1e-12)
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        squares.backward()


def test_peak_memory_is_no_more_than_the_hand_written_gradient(economies):
    rng = np.random.default_rng(2)
    w, x, b = (rng.standard_normal(LARGE * 10) for _ in range(3))

    def by_hand():
        residual = w * x + b
        loss = np.sum(residual**2)
        d_residual = 2.0 * residual
        return loss, d_residual * x, d_residual * w, d_residual

    def with_autodiff():
        leaves = [torch.from_numpy(a).requires_grad_(True) for a in (w, x, b)]
        loss = ((leaves[0] * leaves[1] + leaves[2]) ** 2).sum()
        loss.backward()
        return (loss.item(), *(leaf.grad.numpy() for leaf in leaves))

    peaks, results = [], []
    for function in (by_hand, with_autodiff):
        gc.collect()
        tracemalloc.start()
        results.append(function())
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    for ours, theirs in zip(results[1], results[0], strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12)
    if economies == "economies on":  # off, every intermediate is kept (the square, w*x, …)
        assert peaks[1] <= peaks[0] + w.nbytes // 10  # numbers and small objects aside


def test_drawing_a_released_graph_says_how_to_keep_it(economies):
    w, x, b = _leaves(3)
    loss = ((w * x + b) ** 2).sum()
    if economies == "economies on":
        with pytest.raises(ValueError, match="keeping_values"):
            snapshot(loss)
    with keeping_values():
        kept = ((w * x + b) ** 2).sum()
    kept.backward()
    graph = snapshot(kept)
    product = next(node for node in graph.nodes if node.op == "mul")
    np.testing.assert_array_equal(product.value, w.detach().numpy() * x.detach().numpy())
    np.testing.assert_allclose(product.grad, 2 * (product.value + b.detach().numpy()))
    assert Retention.keep_all is False  # the switch is restored on leaving
