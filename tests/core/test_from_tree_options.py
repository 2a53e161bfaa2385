"""``build_graph``'s options: ``requires_grad`` (one flag or per input), ``detach`` and
``formulas`` (the nodes' texts, left out where only numbers are read).

Expected gradients come from sympy: a detached definition is a constant (its value at the point)
in every later line, exactly what ``.detach()`` means in PyTorch.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.autodiff import from_tree
from explorer.core.autodiff.from_tree import build_graph
from explorer.core.autodiff.introspect import ordered_tensors
from explorer.core.expr import parse_program
from explorer.core.expr.errors import ExprError
from explorer.core.gradient.surface import Surface
from explorer.core.graph.building import build_tensors

X, Y = sympy.symbols("x y", real=True)
AT = {"x": 1.5, "y": -0.75}


def _grads(source: str, **options) -> dict[str, np.ndarray | None]:
    built = build_graph(parse_program(source).tree, AT, **options)
    if built.output.requires_grad:
        built.output.backward()
    return {
        name: None if leaf.grad is None else float(leaf.grad.numpy())
        for name, leaf in built.inputs.items()
    }


def _sympy_grad(expression, symbol) -> float:
    return float(sympy.diff(expression, symbol).subs({X: AT["x"], Y: AT["y"]}))


def test_one_flag_for_every_input() -> None:
    built = build_graph(parse_program("x*y + x").tree, AT, requires_grad=False)
    assert not built.output.requires_grad
    assert all(not leaf.requires_grad for leaf in built.inputs.values())
    on = _grads("x*y + x", requires_grad=True)
    assert on == pytest.approx({"x": _sympy_grad(X * Y + X, X), "y": _sympy_grad(X * Y + X, Y)})


def test_a_flag_per_input_and_names_left_out_require_grad() -> None:
    grads = _grads("x*y + sin(y)", requires_grad={"x": False})
    assert grads["x"] is None
    assert grads["y"] == pytest.approx(_sympy_grad(X * Y + sympy.sin(Y), Y))
    built = build_graph(parse_program("x*y").tree, AT, requires_grad={"y": False})
    assert built.inputs["x"].requires_grad and not built.inputs["y"].requires_grad


def test_detached_definition_is_a_constant_in_later_lines() -> None:
    source = "a = x^2\nb = a*x + a*y"
    grads = _grads(source, detach=["a"])
    a_value = AT["x"] ** 2  # the detached a is this number, not a function of x
    assert grads["x"] == pytest.approx(_sympy_grad(a_value * X + a_value * Y, X))
    assert grads["y"] == pytest.approx(_sympy_grad(a_value * X + a_value * Y, Y))
    full = _grads(source)
    assert full["x"] == pytest.approx(_sympy_grad(X**3 + X**2 * Y, X))
    assert full["x"] != pytest.approx(grads["x"])


def test_detached_name_maps_to_the_copy_and_the_original_stays_in_the_graph() -> None:
    built = build_graph(parse_program("a = x^2\nb = a*x").tree, AT, detach=("a",))
    copy = built.named["a"]
    assert copy.name == "a.detach()"
    assert not copy.requires_grad
    assert float(copy.numpy()) == AT["x"] ** 2
    assert built.output.requires_grad  # b still depends on x directly


def test_detach_only_names_definitions() -> None:
    with pytest.raises(ExprError, match="No definition named 'x' to detach"):
        build_graph(parse_program("a = x^2\nb = a*x").tree, AT, detach=("x",))
    with pytest.raises(ExprError, match="'c'"):
        build_graph(parse_program("a = x^2\nb = a*x").tree, AT, detach=("c",))


def test_detaching_the_output_builds_but_the_graph_helper_refuses_it() -> None:
    built = build_graph(parse_program("a = x^2\nb = a*x").tree, AT, detach=("b",))
    assert not built.output.requires_grad
    with pytest.raises(ExprError, match="Detaching the output"):
        build_tensors("a = x^2\nb = a*x", AT, detach=("b",))


def test_default_options_keep_the_old_behaviour() -> None:
    grads = _grads("a = x*y\nb = a + y^2")
    assert grads == pytest.approx({"x": _sympy_grad(X * Y, X), "y": _sympy_grad(X * Y + Y**2, Y)})


def test_without_formulas_the_same_gradients_and_no_node_text() -> None:
    source = "a = x*y\nb = sin(a) + y^2 - x/y"
    expected = {
        "x": _sympy_grad(sympy.sin(X * Y) + Y**2 - X / Y, X),
        "y": _sympy_grad(sympy.sin(X * Y) + Y**2 - X / Y, Y),
    }
    assert _grads(source, formulas=False) == pytest.approx(expected, rel=1e-12)
    bare = build_graph(parse_program(source).tree, AT, formulas=False)
    texts = build_graph(parse_program(source).tree, AT)
    assert {tensor.formula for tensor in ordered_tensors(bare.output)} == {None}
    names = [tensor.name for tensor in ordered_tensors(bare.output)]
    assert names == [tensor.name for tensor in ordered_tensors(texts.output)]
    assert {"x", "y", "a"} <= set(names)
    # The default (what the Graph tab draws) still names every op by its subexpression.
    formulas = {tensor.formula for tensor in ordered_tensors(texts.output)}
    assert {"x", "y", "x·y", "sin(a)"} <= formulas


def test_a_surface_gradient_renders_no_formula_text(monkeypatch) -> None:
    """The Gradient tab's per-step gradient (P dragged) reads numbers only."""

    def refuse(_node):
        raise AssertionError("formula text rendered")

    monkeypatch.setattr(from_tree, "format_unicode", refuse)
    surface = Surface.from_text("log(exp(x) + exp(y))")
    value, df_dx, df_dy = surface.value_and_gradient(0.0, np.log(2.0))
    assert float(value) == pytest.approx(np.log(3.0), rel=1e-12)
    assert (float(df_dx), float(df_dy)) == pytest.approx((1 / 3, 2 / 3), rel=1e-12)
