"""In-place ops on tensors of a graph behave as in PyTorch 2.13: the same object (aliases and
lists holding it see the change) gets the new value and a new node (AddBackward0, CopySlices,
IndexPutBackward0); consumers made before keep the node they read; values saved for backward
and changed since make backward fail; leaves that require grad, and views of them, refuse.
Expected values, node names and texts come from running the same programs on PyTorch 2.13."""

from __future__ import annotations

import re

import pytest

import explorer.autodiff as torch

LEAF = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF = (
    "a view of a leaf Variable that requires grad is being used in an in-place operation."
)


def node_name(tensor) -> str:
    return type(tensor.grad_fn).__name__


def test_in_place_ops_change_the_object_aliases_and_lists_hold():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    alias, held = y, [y]
    y += 1
    assert node_name(y) == "AddBackward0"
    y.mul_(2)
    assert node_name(y) == "MulBackward0"
    y[0] = 5
    assert alias is y and held[0] is y
    assert y.tolist() == [5.0, 10.0] and held[0].tolist() == [5.0, 10.0]
    assert node_name(y) == "CopySlices"
    assert [type(f).__name__ for f, _ in y.grad_fn.next_functions] == ["MulBackward0", "NoneType"]
    y.sum().backward()
    assert x.grad.tolist() == [0.0, 4.0]


def test_a_mask_assignment_records_index_put():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * 2
    y[y > 3] = 0
    assert node_name(y) == "IndexPutBackward0"
    y.sum().backward()
    assert x.grad.tolist() == [2.0, 0.0, 0.0]


def test_a_consumer_made_before_the_change_keeps_the_node_it_read():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    z = y + 3  # add saves nothing: its gradient still reaches x through the old y
    y.mul_(3)
    z.sum().backward()
    assert x.grad.tolist() == [2.0, 2.0]


def test_a_saved_value_changed_in_place_fails_naming_the_current_op():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    z = y * y
    y.add_(1)
    message = (
        "[torch.DoubleTensor [2]], which is output 0 of Add, is at version 1; expected version 0"
    )
    with pytest.raises(RuntimeError, match=re.escape(message)):
        z.sum().backward()


def test_slices_of_a_graph_tensor_change_it_and_its_gradient():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 1
    v = y[0]
    v.mul_(2)
    assert y.tolist() == [2.0, 2.0] and node_name(y) == "CopySlices"
    y.sum().backward()
    assert x.grad.tolist() == [2.0, 1.0]


def test_assigning_tracked_values_into_a_constant_builds_a_graph():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.zeros(3)
    c[1] = x[0] * 3
    c[2] = x[1]
    assert c.requires_grad and not c.is_leaf and node_name(c) == "CopySlices"
    (c * c).sum().backward()
    assert x.grad.tolist() == [18.0, 4.0]


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        (lambda x, w: (x * 1).mul_(w), ([3.0, 4.0], [1.0, 2.0])),
        (lambda x, w: (x * 1).clamp_(min=1.5), ([0.0, 1.0], None)),
        (lambda x, w: (x * 2).sub_(1).div_(2).pow_(2), ([1.0, 3.0], None)),
        (lambda x, w: (x * 2).zero_(), ([0.0, 0.0], None)),
        (lambda x, w: (x * 3).add_(x), ([4.0, 4.0], None)),
    ],
)
def test_in_place_methods_give_pytorchs_gradients(program, expected):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    w = torch.tensor([3.0, 4.0], requires_grad=True)
    program(x, w).sum().backward()
    assert x.grad.tolist() == expected[0]
    if expected[1] is not None:
        assert w.grad.tolist() == expected[1]


def test_zero_dim_in_place_add_of_its_own_leaf():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    y += x
    y.backward()
    assert x.grad.item() == 4.0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda x: x.add_(1), LEAF),
        (lambda x: x.__setitem__(0, 5.0), LEAF),
        (lambda x: x[0].mul_(2), VIEW_OF_LEAF),
        (lambda x: x.view(-1).add_(2), VIEW_OF_LEAF),
    ],
)
def test_leaves_that_require_grad_and_their_views_refuse(change, message):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=f"^{re.escape(message)}$"):
        change(x)


def test_under_no_grad_a_leaf_is_written_and_keeps_being_a_leaf():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.no_grad():
        x += 1
        x[0] = 7
    assert x.is_leaf and x.tolist() == [7.0, 3.0] and x._version == 2
