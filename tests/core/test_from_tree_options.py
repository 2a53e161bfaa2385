"""``build_graph``'s sandbox options: ``requires_grad`` (one flag or per input) and ``detach``.

Expected gradients come from sympy: a detached definition is a constant (its value at the point)
in every later line, exactly what ``.detach()`` means in PyTorch.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.autodiff.from_tree import build_graph
from explorer.core.expr import parse_program
from explorer.core.expr.errors import ExprError
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
