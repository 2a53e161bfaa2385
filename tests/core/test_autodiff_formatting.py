"""Tensors in f-strings format as PyTorch 2.13's do: a 0-dim tensor as its Python number (format
specs allowed), any other as its repr (a format spec refused)."""

from __future__ import annotations

import pytest

import explorer.autodiff as torch


def test_zero_dim_tensors_format_as_their_python_number():
    loss = torch.tensor(0.12573022, requires_grad=True) * 1
    assert f"a: {loss}" == f"a: {0.12573022!r}"
    assert f"{loss:.3f}" == "0.126"
    assert f"{torch.tensor(819200.0)}" == "819200.0"
    assert f"{torch.tensor(3)}" == "3" and f"{torch.tensor(3):03d}" == "003"
    assert f"{torch.tensor(True)}" == "True"


def test_other_tensors_format_as_their_repr_and_refuse_a_spec():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    assert f"{x}" == "tensor([1., 2.], requires_grad=True)"
    for tensor in (x, torch.ones(1)):  # one element is not enough: PyTorch wants 0-dim
        with pytest.raises(TypeError, match=r"unsupported format string passed to Tensor"):
            f"{tensor:.2f}"
