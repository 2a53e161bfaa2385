"""Graph introspection and graphs built from expression trees (what the graph view draws)."""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer import parse
from explorer.core.autodiff.check import check_grads
from explorer.core.autodiff.from_tree import build_graph
from explorer.core.autodiff.introspect import snapshot
from explorer.core.autodiff.rules import substitute
from explorer.core.expr.display import format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import BinaryOp, Call, Definition, Number, Program, Variable
from explorer.core.graph.cli_text import graph_text
from explorer.core.graph.readable import apply_template

W, X, Y, Z = (Variable(name) for name in "wxyz")


def _square(node):
    return BinaryOp("^", node, Number(2.0, "2"))


def _seed_program() -> Program:
    """The seed's four-variable chain, written as the user would type it, one line per name."""
    return Program(
        (
            Definition("a", _square(BinaryOp("+", BinaryOp("+", BinaryOp("+", W, X), Y), Z))),
            Definition("b", _square(BinaryOp("-", BinaryOp("-", BinaryOp("+", W, X), Y), Z))),
            Definition("u", _square(BinaryOp("+", Variable("a"), Variable("b")))),
            Definition("v", _square(BinaryOp("-", Variable("a"), Variable("b")))),
            Definition("f", _square(BinaryOp("+", Variable("u"), Variable("v")))),
        )
    )


def test_seed_program_gives_1024_and_minus_4096_with_named_nodes():
    built = build_graph(_seed_program(), {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0})
    assert built.output.item() == 1024.0
    assert built.output.name == "f" and built.output.grad_fn.name() == "PowBackward0"
    assert set(built.named) == {"a", "b", "u", "v", "f"}
    assert built.gradients() == {name: -4096.0 for name in "wxyz"}
    graph = snapshot(built.output)
    labels = {node.label: node for node in graph.nodes}
    assert labels["u"].formula == "(a + b)²"
    assert labels["a"].value == 4.0 and labels["b"].value == 0.0
    assert labels["u"].grad == 64.0 and labels["a"].grad == 1024.0
    # a and b each feed two consumers (u and v): fan-out shows as two outgoing edges.
    a_id = labels["a"].id
    assert len([edge for edge in graph.edges if edge.source == a_id]) == 2
    into_u = [edge for edge in graph.edges if edge.target == labels["u"].id]
    base_edge = next(
        edge for edge in graph.edges if edge.target == labels["u"].id and edge.argument_index == 0
    )
    assert len(into_u) == 2  # (a + b) and the constant 2
    assert base_edge.local_partial_formula == "2·(a + b)"
    assert base_edge.local_partial == 8.0
    assert base_edge.description == "∂(u^v)/∂u = v·u^(v − 1)"


def test_sub_stays_one_node_and_edges_carry_partials():
    tree = BinaryOp("-", Call("sin", (X,)), BinaryOp("*", X, Y))
    built = build_graph(tree, {"x": 0.5, "y": 3.0})
    graph = snapshot(built.output)
    assert [node.op for node in graph.nodes].count("sub") == 1
    sub_edges = [edge for edge in graph.edges if edge.target == graph.output_id]
    assert [edge.local_partial_formula for edge in sub_edges] == ["1", "−1"]
    sin_node = next(node for node in graph.nodes if node.op == "sin")
    sin_edge = next(edge for edge in graph.edges if edge.target == sin_node.id)
    assert sin_edge.local_partial_formula == "cos(x)"
    assert sin_edge.local_partial == pytest.approx(np.cos(0.5))
    assert built.gradients()["x"] == pytest.approx(np.cos(0.5) - 3.0)


def test_whole_grid_derivative_in_one_backward_pass():
    grid = np.linspace(-2, 2, 401)
    tree = BinaryOp("*", Call("tanh", (X,)), BinaryOp("^", X, Number(3.0, "3")))
    built = build_graph(tree, {"x": grid})
    slope = built.gradients()["x"]
    expected = (1 - np.tanh(grid) ** 2) * grid**3 + np.tanh(grid) * 3 * grid**2
    np.testing.assert_allclose(slope, expected, rtol=1e-12, atol=1e-15)


def test_constant_output_and_missing_value():
    built = build_graph(Number(3.0, "3"), {"x": 1.0})
    assert built.gradients() == {} and built.output.item() == 3.0
    with pytest.raises(ExprError, match="No value given for 'q'"):
        build_graph(Variable("q"), {"x": 1.0})


def test_snapshot_of_tensor_code_with_detach_and_reuse():
    x = torch.tensor(2.0, requires_grad=True)
    x.name = "x"
    y = x * x
    u = y.detach()
    z = u * x + y
    z.backward()
    graph = snapshot(z)
    assert graph.nodes[-1].id == graph.output_id
    order = {node.id: index for index, node in enumerate(graph.nodes)}
    assert all(order[edge.source] < order[edge.target] for edge in graph.edges)
    detached = [edge for edge in graph.edges if edge.detached]
    assert len(detached) == 1 and detached[0].local_partial is None
    x_node = next(node for node in graph.nodes if node.label == "x")
    assert x_node.grad == 4.0 + 4.0  # u + 2x
    square_edges = [
        edge for edge in graph.edges if edge.target == order_of(graph, "mul", first=True)
    ]
    assert len(square_edges) == 2  # x*x: one edge per use
    y_node = next(node for node in graph.nodes if node.id == square_edges[0].target)
    assert y_node.grad == 1.0 and y_node.grad_fn_name == "MulBackward0"


def order_of(graph, op, first):
    matches = [node.id for node in graph.nodes if node.op == op]
    return matches[0] if first else matches[-1]


def test_check_grads_catches_a_wrong_gradient():
    check_grads(lambda x: (x * x).sum(), np.array([1.0, 2.0]))
    with pytest.raises(AssertionError, match="central differences"):
        # detach() hides half of the derivative from reverse and forward mode alike.
        check_grads(lambda x: (x * x.detach()).sum(), np.array([1.0, 2.0]))


# ---- edge formulas over the operands' own texts ----------------------------------------------


def _edge_formulas(output: torch.Tensor) -> list[str | None]:
    return [edge.local_partial_formula for edge in snapshot(output).edges if edge.target != 0]


def test_unnamed_sum_is_written_over_its_operand_not_a_placeholder():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x.name = "x"
    y = x * x
    y.name = "y"
    torch.log(y.sum()).backward()
    assert apply_template("sum", ["y"]) == "Σy"
    assert apply_template("log", [apply_template("sum", ["y"])]) == "ln(Σy)"
    assert "Σu" not in repr(snapshot(y.sum()).nodes)


def test_graph_text_of_an_unnamed_sum_names_its_operand():
    source = "import torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\ny = x*x\n"
    text = graph_text(source + "torch.log(y.sum()).backward()\n")
    assert "∂ln(Σy)/∂x = [0.142857, 0.285714, 0.428571]" in text  # 2x/Σx² at x = 1, 2, 3
    assert "Σu" not in text and "(u)" not in text


def test_substitution_replaces_only_standalone_placeholders():
    assert substitute("Σu", ["x"]) == "Σx"
    assert substitute("uᵀ", ["a + b"]) == "(a + b)ᵀ"
    assert substitute("sum(u)·v", ["p", "q"]) == "sum(p)·q"  # the u of "sum" stays
    assert substitute("u_v + uv", ["p", "q"]) == "u_v + uv"  # identifiers, not placeholders


def test_integer_powers_in_edge_formulas_are_superscripts_as_the_display_writes_them():
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
