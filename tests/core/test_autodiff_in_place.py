"""In-place ops on tensors of a graph behave as in PyTorch 2.13: the same object (aliases and
lists holding it see the change) gets the new value and a new node (AddBackward0, CopySlices,
IndexPutBackward0); consumers made before keep the node they read; values saved for backward
and changed since make backward fail; a view shares its base's memory and version counter, and
a write through it changes the base's graph too (CopySlices); leaves that require grad, and
views of them, refuse. Expected values, node names and texts come from running the same
programs on PyTorch 2.13, except the writes through views, whose values and gradients are
worked by hand from PyTorch's view semantics (shared storage and version counter)."""

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


def test_writes_through_a_reshaped_view_change_the_base_and_its_gradient():
    x = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], requires_grad=True)
    y = x * 2
    v = y.view(2, 3)
    v.mul_(v)  # y = (2x)², so d(sum y)/dx = 8x; the product read v's old value
    assert y.tolist() == [4.0, 16.0, 36.0, 64.0, 100.0, 144.0] and node_name(y) == "CopySlices"
    assert v.tolist() == [[4.0, 16.0, 36.0], [64.0, 100.0, 144.0]]
    y.sum().backward()
    assert x.grad.tolist() == [8.0, 16.0, 24.0, 32.0, 40.0, 48.0]


def test_writes_through_a_view_of_a_transposed_view_reach_the_base():
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
    m = x * 1
    m.t()[0].mul_(3)  # the first column of m
    assert m.tolist() == [[3.0, 2.0, 3.0], [12.0, 5.0, 6.0]]
    (m * m).sum().backward()  # d/dx of (3x)² where tripled, x² elsewhere
    assert x.grad.tolist() == [[18.0, 4.0, 6.0], [72.0, 10.0, 12.0]]


@pytest.mark.parametrize(
    ("write", "value", "gradient"),
    [
        (lambda row: row.__setitem__(1, 5.0), [[1.0, 5.0], [3.0, 4.0]], [[1.0, 0.0], [1.0, 1.0]]),
        (lambda row: row.zero_(), [[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0], [1.0, 1.0]]),
        (lambda row: row.fill_(7.0), [[7.0, 7.0], [3.0, 4.0]], [[0.0, 0.0], [1.0, 1.0]]),
    ],
    ids=["setitem", "zero_", "fill_"],
)
def test_assignments_into_a_row_view_reach_the_base(write, value, gradient):
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    y = x * 1
    write(y[0])
    assert y.tolist() == value and node_name(y) == "CopySlices"
    y.sum().backward()  # an overwritten element no longer depends on x
    assert x.grad.tolist() == gradient


def test_a_view_shares_its_bases_version_counter():
    # PyTorch's rule: a view and its base count in-place writes together, so a value saved
    # through one and changed through the other fails backward instead of giving a wrong grad.
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    a = torch.tensor([10.0, 20.0], requires_grad=True)
    y = x * 1
    row = y[0]
    product = (row * a).sum()  # saves row for a's gradient
    with torch.no_grad():
        y[0, 0] = 100.0
    assert y._version == row._version == 1
    with pytest.raises(RuntimeError, match=re.escape("is at version 1; expected version 0")):
        product.backward()


def test_an_expanded_view_refuses_in_place_writes():
    y = torch.tensor([1.0, 2.0], requires_grad=True) * 1
    message = (
        "unsupported operation: more than one element of the written-to tensor refers to a "
        "single memory location. Please clone() the tensor before performing the operation."
    )
    with pytest.raises(RuntimeError, match=f"^{re.escape(message)}$"):
        y.expand(3, 2).add_(1)
