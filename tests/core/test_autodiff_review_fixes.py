"""PyTorch behaviours a second review found missing or different: f-string formatting of tensors,
placeholder-free edge formulas, all/any/allclose/square/logsumexp, dimension and ragged-list
errors, per-node grad_fn classes and ``.data`` assignment.

Expected values are PyTorch's documented outputs (or its exact error words) and numpy/sympy.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff.creation import GradFn


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


def _edge_formulas(output: torch.Tensor) -> list[str | None]:
    from explorer.core.autodiff.introspect import snapshot

    return [edge.local_partial_formula for edge in snapshot(output).edges if edge.target != 0]


def test_unnamed_sum_is_written_over_its_operand_not_a_placeholder():
    from explorer.core.autodiff.introspect import snapshot
    from explorer.core.graph.readable import apply_template

    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x.name = "x"
    y = x * x
    y.name = "y"
    torch.log(y.sum()).backward()
    assert apply_template("sum", ["y"]) == "Σy"
    assert apply_template("log", [apply_template("sum", ["y"])]) == "ln(Σy)"
    assert "Σu" not in repr(snapshot(y.sum()).nodes)


def test_graph_text_of_an_unnamed_sum_names_its_operand():
    from explorer.core.graph.cli_text import graph_text

    source = "import torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\ny = x*x\n"
    text = graph_text(source + "torch.log(y.sum()).backward()\n")
    assert "∂ln(Σy)/∂x = [0.142857, 0.285714, 0.428571]" in text  # 2x/Σx² at x = 1, 2, 3
    assert "Σu" not in text and "(u)" not in text


def test_substitution_replaces_only_standalone_placeholders():
    from explorer.core.autodiff.rules import substitute

    assert substitute("Σu", ["x"]) == "Σx"
    assert substitute("uᵀ", ["a + b"]) == "(a + b)ᵀ"
    assert substitute("sum(u)·v", ["p", "q"]) == "sum(p)·q"  # the u of "sum" stays
    assert substitute("u_v + uv", ["p", "q"]) == "u_v + uv"  # identifiers, not placeholders


def test_integer_powers_in_edge_formulas_are_superscripts_as_the_display_writes_them():
    from explorer import parse
    from explorer.core.expr.display import format_unicode

    p = torch.tensor(0.5, requires_grad=True)
    q = torch.tensor(2.0, requires_grad=True)
    p.name, q.name = "p", "q"
    product = p * q
    product.name = "p·q"
    tanh_formula = _edge_formulas(torch.tanh(product))[-1]
    assert (
        tanh_formula
        == "1 − tanh(p·q)²"
        == format_unicode(parse("1 - tanh(p*q)^2", ("p", "q")).tree)
    )
    assert _edge_formulas(p**3) == ["3·p²", "p³·ln(p)"]
    assert _edge_formulas(p**-1)[0] == "−1·p⁻²"
    assert _edge_formulas(p**2.5)[0] == "2.5·p^1.5"  # not an integer power: as written
    assert _edge_formulas(torch.reciprocal(p)) == ["−1/p²"]


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


def test_all_any_on_bools_numbers_and_along_a_dim():
    grid = torch.tensor([[1.0, 0.0], [2.0, 3.0]])
    assert repr(torch.all(grid > -1)) == "tensor(True)" and repr(grid.all()) == "tensor(False)"
    assert grid.any().item() is True and (grid > 5).any().item() is False
    assert grid.all(dim=1).tolist() == [False, True]
    assert torch.any(grid == 0, dim=0, keepdim=True).tolist() == [[False, True]]
    assert torch.tensor([0, 2]).all().dtype == torch.bool


def test_isclose_and_allclose_use_pytorchs_test_and_dtype_rule():
    a = torch.tensor([1.0, 1e-9, float("nan")])
    b = torch.tensor([1.0 + 1e-6, 0.0, float("nan")])
    assert torch.isclose(a, b).tolist() == [True, True, False]
    assert torch.isclose(a, b, equal_nan=True).tolist() == [True, True, True]
    assert torch.allclose(a[:2], b[:2]) is True and a[:2].allclose(b[:2] + 1e-3) is False
    with pytest.raises(RuntimeError, match="^Long did not match Double$"):
        torch.allclose(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))


def test_square_is_a_power_of_two():
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    y = torch.square(x)
    assert repr(y) == "tensor([1., 4., 9.], grad_fn=<PowBackward0>)"
    x.square().sum().backward()
    assert x.grad.tolist() == [2.0, -4.0, 6.0]


def test_logsumexp_value_and_gradient_is_the_softmax():
    values = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, -np.inf]])
    x = torch.tensor(values, requires_grad=True)
    y = torch.logsumexp(x, dim=1)
    assert repr(y.grad_fn).startswith("<LogsumexpBackward0")
    # log(e + e² + e³) from the definition; log(2·e¹⁰⁰⁰) without overflow.
    assert y[0].item() == pytest.approx(math.log(math.e + math.e**2 + math.e**3), rel=1e-15)
    assert y[1].item() == pytest.approx(1000 + math.log(2), rel=1e-15)
    weights = torch.tensor([[0.5], [2.0]])
    (x.logsumexp(1, keepdim=True) * weights).sum().backward()
    softmax = np.exp(values - values.max(axis=1, keepdims=True))
    softmax /= softmax.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(x.grad.numpy(), softmax * [[0.5], [2.0]], rtol=1e-12)
    # The central difference agrees with the gradient at a random point.
    point = np.random.default_rng(3).normal(size=4)
    step = 1e-6
    leaf = torch.tensor(point, requires_grad=True)
    torch.logsumexp(leaf, 0).backward()
    for i in range(4):
        shift = np.eye(4)[i] * step
        plus = torch.logsumexp(torch.tensor(point + shift), 0).item()
        minus = torch.logsumexp(torch.tensor(point - shift), 0).item()
        assert leaf.grad[i].item() == pytest.approx((plus - minus) / (2 * step), rel=1e-7)
    assert torch.tensor([1, 2]).logsumexp(0).dtype == torch.float64  # integers promoted


def test_logsumexp_forward_mode_matches_reverse_mode():
    point = torch.tensor([0.3, -1.2, 2.0])
    direction = torch.tensor([1.0, 0.5, -2.0])
    _, tangent = torch.func.jvp(lambda t: torch.logsumexp(t, 0), (point,), (direction,))
    leaf = point.clone().requires_grad_(True)
    torch.logsumexp(leaf, 0).backward()
    assert tangent.item() == pytest.approx(float((leaf.grad * direction).sum()), rel=1e-14)


def test_math_constants_as_pytorch_exports_them():
    assert (torch.pi, torch.e, torch.inf) == (math.pi, math.e, math.inf)
    assert math.isnan(torch.nan) and isinstance(torch.pi, float)


def _node_tree(node, depth=0):
    """The graph behind a grad_fn as PyTorch 2.13 walks it: (class name, name()) per line."""
    lines = [" " * depth + f"{type(node).__name__} {node.name()}"]
    for child, slot in node.next_functions:
        assert slot == 0
        lines += _node_tree(child, depth + 1) if child else [" " * (depth + 1) + "None"]
    return lines


def test_grad_fn_classes_are_named_like_pytorchs_nodes():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([3.0, 4.0])
    y = ((x * c).exp() + x).sum()
    node = y.grad_fn
    assert type(node).__name__ == node.name() == "SumBackward0"
    assert repr(node).startswith("<SumBackward0 object at 0x")
    assert isinstance(node, GradFn) and type((x * c).grad_fn) is type((c * x).grad_fn)
    # Printed by PyTorch 2.13 for the same code.
    assert _node_tree(node) == [
        "SumBackward0 SumBackward0",
        " AddBackward0 AddBackward0",
        "  ExpBackward0 ExpBackward0",
        "   MulBackward0 MulBackward0",
        "    AccumulateGrad torch::autograd::AccumulateGrad",
        "    None",
        "  AccumulateGrad torch::autograd::AccumulateGrad",
    ]
    assert node.next_functions[0][0].next_functions[1][0].variable is x


def test_data_assignment_takes_only_tensors_as_pytorch():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    for wrong, name in ((None, "NoneType"), ([1.0, 2.0], "list"), (3.0, "float")):
        with pytest.raises(TypeError, match=f"^Variable data has to be a tensor, but got {name}$"):
            x.data = wrong
    with pytest.raises(RuntimeError, match="must be floating point or complex dtype"):
        x.data = torch.tensor([1, 2])
    x.data = torch.zeros(3)  # the shape may change, as in PyTorch
    assert repr(x) == "tensor([0., 0., 0.], requires_grad=True)" and x.is_leaf
    (x * x).sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 0.0]
    constant = torch.tensor([1.0])
    constant.data = torch.tensor([5, 6])  # no grad required: any dtype
    assert repr(constant) == "tensor([5, 6])"
