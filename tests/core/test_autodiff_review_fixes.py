"""PyTorch behaviours a second review found missing or different: f-string formatting of tensors,
placeholder-free edge formulas, all/any/allclose/square/logsumexp, dimension and ragged-list
errors, per-node grad_fn classes and ``.data`` assignment.

Expected values are PyTorch's documented outputs (or its exact error words) and numpy/sympy.
"""

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
