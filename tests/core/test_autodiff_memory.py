"""Backward's memory economies keep every number right: shared records, in-place, releases."""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff.introspect import snapshot
from explorer.core.autodiff.memory import RELEASE_MIN_ELEMENTS, ReleasedValue

SECOND_BACKWARD_START = "Trying to backward through the graph a second time"
LARGE = RELEASE_MIN_ELEMENTS + 3  # big enough to be released after backward


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


def test_accumulation_keeps_arrays_taken_earlier_and_adds_up():
    x = torch.tensor(np.linspace(-1.0, 1.0, 7), requires_grad=True)
    (x.sin() * 3).sum().backward()
    first = x.grad.numpy()
    graph = snapshot((x.sin() * 3).sum())
    (x.sin() * 3).sum().backward()
    cosines = np.cos(np.linspace(-1.0, 1.0, 7))
    np.testing.assert_allclose(first, 3 * cosines, rtol=1e-12)  # an earlier look stays as it was
    np.testing.assert_allclose(x.grad.numpy(), 6 * cosines, rtol=1e-12)
    assert graph.nodes[0].grad is not None
    np.testing.assert_allclose(graph.nodes[0].grad, 3 * cosines, rtol=1e-12)


def test_fan_out_of_arrays_adds_every_contribution():
    values = np.linspace(-2.0, 2.0, 9)
    x = torch.tensor(values, requires_grad=True)
    h = x.sin()
    (h * h + h.cos() * 2 + h + h.exp()).sum().backward()
    s, c = np.sin(values), np.cos(values)
    expected = (2 * s - 2 * np.sin(s) + 1 + np.exp(s)) * c
    np.testing.assert_allclose(x.grad.numpy(), expected, rtol=1e-12)


def test_released_values_come_back_for_the_graph_view():
    w, x, b, loss, residual = _affine_square(LARGE, seed=1)
    loss.backward()
    square = loss._inputs[0]
    assert isinstance(square._value, ReleasedValue)  # released, as PyTorch frees saved values
    del square
    released = snapshot(loss)

    w2, x2, b2, loss2, _ = _affine_square(LARGE, seed=1)
    loss2.backward(retain_graph=True)  # keeps everything
    kept = snapshot(loss2)
    assert [node.op for node in released.nodes] == [node.op for node in kept.nodes]
    for mine, reference in zip(released.nodes, kept.nodes, strict=True):
        np.testing.assert_array_equal(mine.value, reference.value)
        np.testing.assert_array_equal(mine.grad, reference.grad)
    for mine, reference in zip(released.edges, kept.edges, strict=True):
        np.testing.assert_array_equal(mine.local_partial, reference.local_partial)


def test_tensors_the_user_holds_are_never_released():
    rng = np.random.default_rng(2)
    w = torch.tensor(rng.standard_normal(LARGE), requires_grad=True)
    x = torch.tensor(rng.standard_normal(LARGE))
    product = w * x
    squared = product**2
    squared.sum().backward()
    np.testing.assert_array_equal(product.detach().numpy(), w.detach().numpy() * x.numpy())
    np.testing.assert_array_equal(squared.detach().numpy(), product.detach().numpy() ** 2)


def test_a_value_whose_inputs_changed_in_place_is_shown_as_nan_not_as_a_wrong_number():
    rng = np.random.default_rng(3)
    w = torch.tensor(rng.standard_normal(LARGE), requires_grad=True)
    x = torch.tensor(rng.standard_normal(LARGE))
    loss = ((w * x) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad  # a gradient step: w's memory is overwritten
    graph = snapshot(loss)
    product = next(node for node in graph.nodes if node.op == "mul")
    assert np.isnan(product.value).all()


def test_second_backward_after_release_follows_pytorch():
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
