"""Backward's gradient buffers: shared records, in-place accumulation, never a user's array.

Every test here runs with the economies on and off (tests/core/conftest.py); the numbers must not
depend on the switch.
"""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff.economies import keeping_values
from explorer.core.autodiff.introspect import snapshot

SECOND_BACKWARD_START = "Trying to backward through the graph a second time"
LARGE = 70_003


def _node_grads(graph, op: str) -> list[np.ndarray]:
    return [node.grad for node in graph.nodes if node.op == op]


def _affine_square(size: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    w, x, b = (torch.tensor(rng.standard_normal(size), requires_grad=True) for _ in range(3))
    loss = ((w * x + b) ** 2).sum()
    residual = w.detach().numpy() * x.detach().numpy() + b.detach().numpy()
    return w, x, b, loss, residual


@pytest.mark.parametrize("size", [5, LARGE])
@pytest.mark.parametrize(
    "write",
    [
        lambda grad: grad.zero_(),
        lambda grad: grad.data.zero_(),
        lambda grad: grad.detach().zero_(),
        lambda grad: grad.fill_(7.0),
        lambda grad: grad.__setitem__(0, 5.0),
    ],
)
def test_writing_a_leaf_gradient_leaves_the_recorded_interior_gradients_alone(size, write):
    # b.grad is the very array the + node passed through; writing it must not change the graph
    # view's record of ∂loss/∂(w*x + b) = 2·(w*x + b).
    with keeping_values():  # as the Graph tab records (large results are released otherwise)
        w, x, b, loss, residual = _affine_square(size)
    loss.backward()
    write(b.grad)
    graph = snapshot(loss)
    for recorded in _node_grads(graph, "add") + _node_grads(graph, "mul"):
        np.testing.assert_allclose(recorded, 2 * residual, rtol=1e-12)
    np.testing.assert_allclose(w.grad.numpy(), 2 * residual * x.detach().numpy(), rtol=1e-12)


def test_numpy_shares_memory_with_the_gradient_as_in_pytorch():
    w, x, b, loss, residual = _affine_square(6)
    loss.backward()
    taken = b.grad.numpy()
    assert np.shares_memory(taken, b.grad.numpy())
    b.grad.zero_()
    assert taken.tolist() == [0.0] * 6


def test_a_gradient_equal_to_a_value_is_a_copy_of_it():
    # d(sum(exp x))/dx is exp(x) itself, d(sum(w*x))/dw is x itself: the gradients must not be
    # those arrays, or writing a gradient would change a value.
    x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    y = x.exp()
    y.sum().backward()
    x.grad.numpy()[:] = 0.0
    x.grad.zero_()
    np.testing.assert_allclose(y.detach().numpy(), np.exp([0.5, -1.0, 2.0]))

    w = torch.tensor([1.0, 2.0], requires_grad=True)
    v = torch.tensor([3.0, 4.0], requires_grad=True)
    (w * v).sum().backward()
    w.grad.numpy()[:] = -1.0
    assert v.tolist() == [3.0, 4.0]


def test_accumulation_is_in_place_as_in_pytorch():
    # PyTorch 2.13 accumulates into .grad's memory: an array taken earlier sees the sum, and
    # the .grad tensor stays the same object. The graph view keeps that backward's values.
    x = torch.tensor(np.linspace(-1.0, 1.0, 7), requires_grad=True)
    (x.sin() * 3).sum().backward()
    first, grad = x.grad.numpy(), x.grad
    graph = snapshot((x.sin() * 3).sum())
    (x.sin() * 3).sum().backward()
    cosines = np.cos(np.linspace(-1.0, 1.0, 7))
    np.testing.assert_allclose(first, 6 * cosines, rtol=1e-12)
    assert x.grad is grad
    np.testing.assert_allclose(x.grad.numpy(), 6 * cosines, rtol=1e-12)
    assert graph.nodes[0].grad is not None
    np.testing.assert_allclose(graph.nodes[0].grad, 3 * cosines, rtol=1e-12)


def test_a_seed_gradient_is_never_the_leafs_grad():
    b = torch.ones(3, requires_grad=True)
    seed = torch.ones(3)
    (b + 0).backward(seed)
    b.grad.zero_()
    assert seed.tolist() == [1.0, 1.0, 1.0]  # PyTorch 2.13: the seed keeps its values


def test_fan_out_of_arrays_adds_every_contribution():
    values = np.linspace(-2.0, 2.0, 9)
    x = torch.tensor(values, requires_grad=True)
    h = x.sin()
    (h * h + h.cos() * 2 + h + h.exp()).sum().backward()
    s, c = np.sin(values), np.cos(values)
    expected = (2 * s - 2 * np.sin(s) + 1 + np.exp(s)) * c
    np.testing.assert_allclose(x.grad.numpy(), expected, rtol=1e-12)


def test_tensors_the_user_holds_keep_their_values_after_backward():
    rng = np.random.default_rng(2)
    w = torch.tensor(rng.standard_normal(LARGE), requires_grad=True)
    x = torch.tensor(rng.standard_normal(LARGE))
    product = w * x
    squared = product**2
    squared.sum().backward()
    np.testing.assert_array_equal(product.detach().numpy(), w.detach().numpy() * x.numpy())
    np.testing.assert_array_equal(squared.detach().numpy(), product.detach().numpy() ** 2)


def test_second_backward_follows_pytorch():
    rng = np.random.default_rng(4)
    a, b, c = (torch.tensor(rng.standard_normal(LARGE), requires_grad=True) for _ in range(3))
    total = ((a + b) - c).sum()  # nothing saved: a second backward is allowed
    total.backward()
    total.backward()
    assert a.grad.tolist()[:3] == [2.0, 2.0, 2.0]
    assert c.grad.tolist()[:3] == [-2.0, -2.0, -2.0]

    squared = ((a * b) ** 2).sum()
    squared.backward()
    with pytest.raises(RuntimeError, match=SECOND_BACKWARD_START):
        squared.backward()
