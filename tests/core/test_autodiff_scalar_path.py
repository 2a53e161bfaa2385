"""Backward's scalar path (0-dim nodes) gives exactly what the array path gives, and stays cheap.

Every elementwise rule of one or two arguments in the registry is run twice on the same numbers:
as 0-dim tensors (the engine's scalar step) and as shape-(1,) tensors (the general step, which
broadcasts, unbroadcasts and multiplies into arrays). The gradients must agree bit for bit, in
float64 and in float32.
"""

from __future__ import annotations

import gc

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff import rules as R
from explorer.core.autodiff.apply import apply_elementwise
from explorer.core.functions import lookup

SECOND_BACKWARD_START = "Trying to backward through the graph a second time"

OPERATOR_RULES = {
    name: rule
    for name, rule in vars(R).items()
    if isinstance(rule, R.OpRule) and rule.partials is not None and len(rule.partials) <= 2
}
# Ordinary points, and the ones where a convention decides the partial: ties of maximum and
# minimum, a zero base of pow, a negative base with an integer exponent, a zero divisor.
PAIRS = [(1.3, 0.7), (0.9, 0.9), (0.0, 2.0), (-1.5, 3.0), (2.5, -0.75), (0.8, 0.0)]


def _gradients(rule: R.OpRule, numbers: tuple[float, ...], shape: tuple, dtype) -> list:
    leaves = [torch.tensor(np.full(shape, n), dtype=dtype, requires_grad=True) for n in numbers]
    out = apply_elementwise(rule, tuple(leaves))
    out.backward(torch.tensor(np.full(shape, 0.37), dtype=dtype))
    return [leaf.grad for leaf in leaves]


def _assert_same_gradients(rule: R.OpRule, numbers: tuple[float, ...], dtype) -> None:
    scalar = _gradients(rule, numbers, (), dtype)
    array = _gradients(rule, numbers, (1,), dtype)
    for from_scalar, from_array in zip(scalar, array, strict=True):
        assert from_scalar.shape == () and from_scalar.dtype == from_array.dtype == dtype
        np.testing.assert_array_equal(from_scalar.numpy().reshape(1), from_array.numpy())


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("name", sorted(OPERATOR_RULES))
def test_operator_rules_give_the_same_gradients_on_scalars_as_on_arrays(name, dtype):
    rule = OPERATOR_RULES[name]
    with np.errstate(all="ignore"):  # the inputs are built outside the engine
        for pair in PAIRS:
            _assert_same_gradients(rule, pair[: len(rule.partials)], dtype)


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("name", sorted(R.TABLE_RULES))
def test_table_rules_give_the_same_gradients_on_scalars_as_on_arrays(name, dtype):
    rng = np.random.default_rng(7)
    spec = lookup(name)
    for low, high in spec.test_domains:
        for numbers in rng.uniform(low, high, size=(3, spec.arity)):
            _assert_same_gradients(R.TABLE_RULES[name], tuple(map(float, numbers)), dtype)


def test_scalar_graph_with_fan_out_constants_and_interior_grads_matches_arrays():
    def run(shape):
        x = torch.tensor(np.full(shape, 0.6), requires_grad=True)
        w = torch.tensor(np.full(shape, -1.1), requires_grad=True)
        h = (x * w + 0.25).tanh()
        h.retain_grad()
        y = h * h + 3.0 / h - (h - x).exp() * 2  # h and x each used several times
        y.backward(torch.tensor(np.full(shape, 1.0)))
        return [t.grad.numpy().reshape(-1) for t in (x, w, h)]

    for from_scalar, from_array in zip(run(()), run((1,)), strict=True):
        np.testing.assert_array_equal(from_scalar, from_array)


def test_retain_graph_and_the_second_backward_error_on_a_scalar_graph():
    x = torch.tensor(2.0, requires_grad=True)
    y = (x * x).sin()
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.item() == pytest.approx(2 * np.cos(4.0) * 4.0, rel=1e-15)  # twice d sin(x²)/dx
    with pytest.raises(RuntimeError, match=SECOND_BACKWARD_START):
        y.backward()
    # Ops that save no values can be run backward again, as in PyTorch.
    z = x + x
    z.backward()
    z.backward()
    assert x.grad.item() == pytest.approx(2 * np.cos(4.0) * 4.0 + 2 * 2.0, rel=1e-15)


def test_float32_scalar_graph_keeps_float32_all_the_way():
    x = torch.tensor(0.5, dtype=torch.float32, requires_grad=True)
    y = (x * x + x).tanh() * 2.0
    y.backward()
    assert y.dtype == torch.float32 and x.grad.dtype == torch.float32
    u = 0.75
    expected = 2 * (1 - np.tanh(u) ** 2) * (2 * 0.5 + 1)
    assert x.grad.item() == pytest.approx(expected, rel=1e-6)


def test_backward_over_a_long_scalar_chain_sets_off_no_garbage_collection():
    # Sorting with a stack of (node, iterator) pairs left two containers per node, and the
    # collector then made repeated passes over the whole graph: more than half of backward.
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(30_000):
        y = (y * 0.999).tanh()
    collections = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        y.backward()
    finally:
        gc.callbacks.remove(count)
    assert len(collections) <= 1, collections
    assert np.isfinite(x.grad.item()) and x.grad.item() > 0
