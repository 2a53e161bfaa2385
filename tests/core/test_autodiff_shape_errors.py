"""Dimension and nested-list errors in PyTorch 2.13's words (IndexError with the allowed range, the
ragged-list ValueError/TypeError), and a 0-dim tensor taking dims 0 and -1 as PyTorch does."""

from __future__ import annotations

import pytest

import explorer.autodiff as torch

# PyTorch 2.13's messages, for a 1-dim tensor (dims -1..0) and with extra = 1 for a new dim.
_DIM_CASES = [
    (lambda x: x.sum(dim=1), "[-1, 0], but got 1"),
    (lambda x: x.mean(1), "[-1, 0], but got 1"),
    (lambda x: x.max(dim=2), "[-1, 0], but got 2"),
    (lambda x: x.argmax(dim=-2), "[-1, 0], but got -2"),
    (lambda x: torch.softmax(x, 1), "[-1, 0], but got 1"),
    (lambda x: torch.cat([x, x], 1), "[-1, 0], but got 1"),
    (lambda x: torch.stack([x, x], 3), "[-2, 1], but got 3"),
    (lambda x: x.squeeze(1), "[-1, 0], but got 1"),
    (lambda x: x.unsqueeze(-3), "[-2, 1], but got -3"),
    (lambda x: x.norm(dim=1), "[-1, 0], but got 1"),
    (lambda x: x.var(1), "[-1, 0], but got 1"),
    (lambda x: x.prod(1), "[-1, 0], but got 1"),
    (lambda x: x.cumsum(1), "[-1, 0], but got 1"),
    (lambda x: x.amax(1), "[-1, 0], but got 1"),
    (lambda x: x.transpose(0, 1), "[-1, 0], but got 1"),
    (lambda x: x.sum(dim=(0, 1)), "[-1, 0], but got 1"),
]


@pytest.mark.parametrize(("call", "expected"), _DIM_CASES)
def test_dims_out_of_range_raise_pytorchs_index_error(call, expected):
    message = "Dimension out of range (expected to be in range of " + expected + ")"
    with pytest.raises(IndexError) as raised:
        call(torch.ones(3))
    assert str(raised.value) == message


def test_a_zero_dim_tensor_accepts_dim_0_and_minus_1_as_pytorch():
    z = torch.tensor(2.0, requires_grad=True)
    assert repr(z.sum(0)) == "tensor(2., grad_fn=<SumBackward1>)"
    assert z.sum(dim=-1, keepdim=True).shape == ()
    assert z.argmax(0).item() == 0 and z.max(0).indices.item() == 0
    assert z.unsqueeze(-1).shape == (1,) and z.cumsum(0).shape == ()
    with pytest.raises(IndexError, match=r"\[-1, 0\], but got 1"):
        z.sum(1)


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        ([[1, 2], [3]], ValueError, "expected sequence of length 2 at dim 1 (got 1)"),
        ([[1, 2], [3, 4, 5]], ValueError, "expected sequence of length 2 at dim 1 (got 3)"),
        ([[[1], [2]], [[3]]], ValueError, "expected sequence of length 2 at dim 1 (got 1)"),
        ([[1, 2], 3], TypeError, "not a sequence"),
        ([1, [2, 3]], TypeError, "'list' object cannot be interpreted as an integer"),
        ([1.0, [2, 3]], TypeError, "must be real number, not list"),
    ],
)
def test_ragged_lists_fail_with_pytorchs_message(data, error, message):
    with pytest.raises(error) as raised:
        torch.tensor(data)
    assert str(raised.value) == message
