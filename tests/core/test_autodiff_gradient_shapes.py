"""A gradient always has its leaf's shape: broadcasting in binary ops and matmul batches is summed
back, and the values agree with central differences (PyTorch 2.13's contract)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import explorer.autodiff as torch

BINARY_OPERATIONS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: a**b,
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "where": lambda a, b: torch.where(a > b, a, b),
    "clamp": lambda a, b: torch.clamp(a, min=b),
}


def central_difference_grad(function, arrays, index, step=1e-6):
    """∂ sum(function(*arrays)) / ∂ arrays[index], element by element."""
    base = arrays[index]
    grad = np.zeros_like(base)
    for position in np.ndindex(base.shape):
        shifted = []
        for sign in (1, -1):
            moved = [a.copy() for a in arrays]
            moved[index][position] += sign * step
            shifted.append(float(function(*[torch.tensor(m) for m in moved]).sum()))
        grad[position] = (shifted[0] - shifted[1]) / (2 * step)
    return grad


def check_gradients(function, arrays):
    leaves = [torch.tensor(a, requires_grad=True) for a in arrays]
    function(*leaves).sum().backward()
    for index, (leaf, array) in enumerate(zip(leaves, arrays, strict=True)):
        assert leaf.grad.shape == array.shape
        expected = central_difference_grad(function, arrays, index)
        np.testing.assert_allclose(leaf.grad.numpy(), expected, rtol=1e-5, atol=1e-5)


def values(shape):
    # Positive and apart from each other, so pow's base is valid and no max/min ties occur.
    return hnp.arrays(np.float64, shape, elements=st.floats(0.5, 2.0), unique=True)


@settings(max_examples=12, deadline=None)
@given(shapes=hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3),
       name=st.sampled_from(sorted(BINARY_OPERATIONS)), data=st.data())  # fmt: skip
def test_binary_op_gradients_have_the_leaf_shapes(shapes, name, data):
    a = data.draw(values(shapes.input_shapes[0]))
    b = data.draw(values(shapes.input_shapes[1]))
    assume(not np.isin(a, b).any())  # no ties: max, min, where and clamp have kinks there
    check_gradients(BINARY_OPERATIONS[name], [a, b])


@st.composite
def matmul_shapes(draw):
    n, k, m = (draw(st.integers(1, 3)) for _ in range(3))
    batch = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=2))
    left = (*batch.input_shapes[0], n, k) if draw(st.booleans()) else (k,)
    right = (*batch.input_shapes[1], k, m) if draw(st.booleans()) else (k,)
    return left, right


@settings(max_examples=25, deadline=None)
@given(shapes=matmul_shapes(), data=st.data())
def test_matmul_gradients_have_the_leaf_shapes(shapes, data):
    arrays = [data.draw(hnp.arrays(np.float64, s, elements=st.floats(-2, 2))) for s in shapes]
    check_gradients(torch.matmul, arrays)


def test_broadcast_batch_of_matmul_is_summed_back():
    # PyTorch 2.13: A.grad has A's shape (1, 2, 3), each entry the sum over the batch of two.
    a = torch.ones(1, 2, 3, requires_grad=True)
    b = torch.ones(2, 3, 2, requires_grad=True)
    (a @ b).sum().backward()
    assert a.grad.shape == (1, 2, 3) and b.grad.shape == (2, 3, 2)
    assert a.grad.tolist() == [[[4.0, 4.0, 4.0], [4.0, 4.0, 4.0]]]
