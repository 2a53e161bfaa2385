"""Type promotion follows PyTorch, not numpy: tensors with dimensions decide the dtype, 0-dim
tensors and Python numbers only when of a higher category; matmul refuses mixed dtypes.

Expected dtypes and texts are PyTorch 2.13's (run on the same expressions). The app's default
float is float64, so only cases that do not depend on the default are pinned.
"""

from __future__ import annotations

import re

import pytest

import explorer.autodiff as torch

f32, f64, i64 = torch.float32, torch.float64, torch.int64


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: torch.ones(2, dtype=f32) + torch.tensor(1.0, dtype=f64), f32),
        (lambda: torch.ones(2, dtype=i64) + torch.ones(2, dtype=f32), f32),  # numpy: float64
        (lambda: torch.ones(2, dtype=i64) + torch.tensor(1.5, dtype=f64), f64),
        (lambda: torch.ones(2, dtype=torch.int32) + torch.tensor(5), torch.int32),
        (lambda: torch.ones(2, dtype=torch.int32) + 2**40, torch.int32),
        (lambda: torch.ones(2, dtype=torch.float16) + torch.ones(2, dtype=i64), torch.float16),
        (lambda: torch.ones(2, dtype=torch.uint8) + torch.ones(2, dtype=torch.int8), torch.int16),
        (lambda: torch.ones(2, dtype=torch.bool) + torch.tensor(3), i64),
        (lambda: torch.tensor(1, dtype=torch.int32) + torch.tensor(1.0, dtype=f64), f64),
        (lambda: torch.tensor(1.0, dtype=f32) + torch.tensor(1.0, dtype=f64), f64),
        # two 0-dim tensors: of one dtype it stays, of two integer dtypes they promote
        (
            lambda: torch.tensor(1, dtype=torch.uint8) + torch.tensor(1, dtype=torch.int8),
            torch.int16,
        ),
        (
            lambda: torch.tensor(1.0, dtype=torch.float16) * torch.tensor(2.0, dtype=torch.float16),
            torch.float16,
        ),
        (lambda: torch.ones(2) + torch.tensor(1j, dtype=torch.complex64), torch.complex128),
        (lambda: torch.maximum(torch.ones(2, dtype=i64), torch.ones(2, dtype=f32)), f32),
        (
            lambda: torch.where(
                torch.tensor([True, False]), torch.ones(2, dtype=f32), torch.ones(2, dtype=f64)
            ),
            f64,
        ),  # fmt: skip
        (lambda: torch.ones(2, dtype=f32) * torch.ones(2, 2, dtype=f64), f64),
    ],
)
def test_result_dtypes_are_pytorchs(make, expected):
    assert make().dtype == expected


def test_a_float32_leaf_gets_a_float32_gradient_through_a_float64_op():
    x = torch.ones(2, dtype=f32, requires_grad=True)
    z = x * torch.ones(2, dtype=f64)
    z.sum().backward()
    assert (z.dtype, x.grad.dtype) == (f64, f32)


@pytest.mark.parametrize(
    ("left", "right", "message"),
    [
        ((2, 2), (2, 2), "expected m1 and m2 to have the same dtype, but got: float != double"),
        ((2,), (2, 2), "expected m1 and m2 to have the same dtype, but got: float != double"),
        (
            (2, 2),
            (2,),
            "addmv input tensors must have the same dtype, but got Double, Float, and Double",
        ),  # fmt: skip
        ((2,), (2,), "dot : expected both vectors to have same dtype, but found Float and Double"),
        ((3, 2, 2), (3, 2, 2), "expected scalar type Float but found Double"),
    ],
)
def test_matmul_refuses_mixed_dtypes_in_pytorchs_words(left, right, message):
    with pytest.raises(RuntimeError, match=f"^{re.escape(message)}$"):
        torch.ones(*left, dtype=f32) @ torch.ones(*right, dtype=f64)


def test_mm_with_a_long_matrix_names_it_as_c10_does():
    with pytest.raises(RuntimeError, match="but got: float != long int$"):
        torch.ones(2, 2, dtype=f32).mm(torch.ones(2, 2, dtype=i64))


def test_mv_size_mismatch_in_pytorchs_words():
    with pytest.raises(
        RuntimeError, match=re.escape("size mismatch, got input (2), mat (2x3), vec (2)")
    ):
        torch.mv(torch.ones(2, 3), torch.ones(2))
