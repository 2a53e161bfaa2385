"""The restricted interpreter: the seed's control-flow cell, the trace, and every refusal."""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.graph.interpreter import InterpreterError, InterpreterLimits, run_program


def _expected_doublings(a: float) -> tuple[int, float]:
    """Independent replay of f(a) in plain floats: loop count and d/a."""
    b, runs = a * 2, 0
    while abs(b) < 1000:
        b, runs = b * 2, runs + 1
    factor = b / a if b > 0 else 100 * b / a
    return runs, factor


@pytest.mark.parametrize("seed", range(12))
def test_seed_control_flow_gradient_equals_d_over_a(seed: int, seed_f_of_a) -> None:
    result = run_program(seed_f_of_a(), seed=seed, build_graph=False)
    a, d = result.variables["a"], result.variables["d"]
    assert result.output is d and result.output_name == "d"
    assert result.prints[-1] == "tensor(True)"  # print(a.grad == d / a)
    np.testing.assert_allclose(a.grad.item(), d.item() / a.item(), rtol=1e-5)
    runs, factor = _expected_doublings(float(a.item()))
    assert a.grad.item() == pytest.approx(factor, rel=1e-6)
    loop, branch = result.trace
    assert (loop.kind, loop.line, loop.iterations) == ("while", 3, runs)
    assert branch.kind == "if" and branch.branch == ("if" if a.item() > 0 else "else")
    assert result.prints[1] == f"a grad: {a.grad}"


def test_negative_input_takes_the_else_branch_and_says_so(seed_f_of_a) -> None:
    source = seed_f_of_a("a = torch.tensor(-0.18225865066051483, requires_grad=True)")
    result = run_program(source, build_graph=False)
    assert result.variables["a"].grad.item() == 819200.0  # the seed's printed number
    assert result.trace_summary() == (
        "while loop (line 3) ran 12 times; if (line 5) took the else branch (line 8)"
    )


def test_for_loops_tuple_unpacking_elif_and_augmented_assignment() -> None:
    source = """
x = torch.tensor(1.5, requires_grad=True)
y, total = x * 1, 0
for i in range(3):
    y = y * x
    total += i
if total > 10:
    z = y
elif total == 3:
    z = y + 1
else:
    z = y - 1
z.backward()
"""
    result = run_program(source, build_graph=False)
    assert result.variables["total"] == 3
    assert result.output_name == "z"
    assert result.variables["x"].grad.item() == pytest.approx(4 * 1.5**3)
    assert [e.describe() for e in result.trace] == [
        "for loop (line 4) ran 3 times",
        "if (line 7) took the elif branch (line 9)",
    ]


def test_seed_cells_2x_transpose_x_and_accumulation() -> None:
    source = """
import torch
def f(x):
    return 2*torch.dot(x, x)
x = torch.arange(4.0)
x.requires_grad_(True)
y = f(x)
y.backward()
print(x.grad)
print(x.grad == 4 * x)
x.grad.zero_()
y = x.sum()
y.backward()
print(x.grad)
"""
    result = run_program(source, build_graph=False)
    assert result.prints == (
        "tensor([ 0.,  4.,  8., 12.])",
        "tensor([True, True, True, True])",
        "tensor([1., 1., 1., 1.])",
    )


def test_core_errors_come_back_with_their_line() -> None:
    source = "x = torch.arange(4.0, requires_grad=True)\ny = x * x\ny.backward()\n"
    with pytest.raises(InterpreterError) as raised:
        run_program(source)
    assert raised.value.line == 3
    assert "grad can be implicitly created only for scalar outputs" in str(raised.value)


@pytest.mark.parametrize(
    ("source", "words", "line"),
    [
        ("import os", "Only torch can be imported", 1),
        ("from torch import exp", "'from ... import' is not supported", 1),
        ("x = torch.tensor(1.0)\ny = x.__class__", "not allowed", 2),
        ("__import__", "double underscores", 1),
        ("x = torch.tensor(1.0)\nx._value", "not allowed", 2),
        ("x = torch.tensor(1.0)\nx.apply_", "not available", 2),
        ("x = torch.tensor(1.0)\nx.grad_fn.next_functions", "not available", 2),
        ("torch.autograd", "not available", 1),
        ("torch.no_grad()", "not available", 1),
        ("f = lambda x: x", "'lambda' is not supported", 1),
        ("y = [i for i in range(3)]", "comprehensions are not supported", 1),
        ("with open('f'):\n    pass", "'with' is supported only for torch.no_grad()", 1),
        ("try:\n    pass\nexcept Exception:\n    pass", "'try' blocks", 1),
        ("class A:\n    pass", "Classes are not supported", 1),
        ("def f():\n    global x\n    x = 1", "'global' is not supported", 2),
        ("x = 'text'", "strings", 1),
        ("print(*[1, 2])", "Star arguments", 1),
        ("open('x')", "strings", 1),
        ("open(1)", "Name 'open' is not defined", 1),
        ("x = range(10**9)", "range(...) may only be used", 1),
        ("x = {1: 2}", "Dictionaries", 1),
        ("x = 2 ** 10 ** 8", "too large", 1),
        ("x = torch.zeros(100000, 100000)", "too large", 1),
        ("x = torch.arange(0, 1e12)", "too large", 1),
        ("x = (1, 2) * 3", "numbers or tensors", 1),
        ("print(f'{1.0:999999999.2f}')", "Format", 1),
        ("g = torch.exp", "Call torch.exp", 1),
        ("def f(*args):\n    pass", "plain parameters", 1),
    ],
)
def test_refusals_have_clear_messages_and_lines(source: str, words: str, line: int) -> None:
    with pytest.raises(InterpreterError) as raised:
        run_program(source)
    assert words in str(raised.value)
    assert raised.value.line == line
    assert raised.value.column is not None and raised.value.column >= 1


def test_runaway_while_loop_stops_with_a_message() -> None:
    with pytest.raises(InterpreterError) as raised:
        run_program("x = torch.tensor(1.0)\nwhile x > 0:\n    x = x + 1\n")
    assert "loops ran more than 10,000 iterations" in str(raised.value)
    assert "line 2" in str(raised.value)


def test_too_many_graph_nodes_is_refused() -> None:
    source = """
x = torch.tensor(1.0, requires_grad=True)
y = x
for i in range(200):
    y = y * 1.001 + x
"""
    with pytest.raises(InterpreterError) as raised:
        run_program(source, limits=InterpreterLimits(max_graph_nodes=300))
    assert "graph grew past 300 nodes" in str(raised.value)
    result = run_program(source, build_graph=False)  # within the default cap it runs
    assert result.graph_nodes > 300


def test_deep_recursion_is_refused() -> None:
    source = "def g(n):\n    return g(n + 1)\n\ng(0)\n"
    with pytest.raises(InterpreterError) as raised:
        run_program(source)
    assert "Calls nest more than 30 deep" in str(raised.value)


def test_exponential_recursion_hits_the_step_limit() -> None:
    source = (
        "def g(n):\n    if n == 0:\n        return 1\n    return g(n - 1) + g(n - 1)\n\ng(25)\n"
    )
    with pytest.raises(InterpreterError) as raised:
        run_program(source, limits=InterpreterLimits(max_steps=20_000))
    assert "more than 20,000 steps" in str(raised.value)


def test_syntax_errors_and_deep_nesting_are_reported_not_raised() -> None:
    with pytest.raises(InterpreterError) as raised:
        run_program("x = (1 +\n")
    assert raised.value.line == 1
    with pytest.raises(InterpreterError):
        run_program("x = " + "(" * 300 + "1" + ")" * 300)
    with pytest.raises(InterpreterError) as raised:
        run_program("x = " + "-" * 5000 + "1")
    assert "nests too deeply" in str(raised.value) or "could not be read" in str(raised.value)


def test_prints_are_captured_with_sep_end_and_formats() -> None:
    result = run_program(
        "h = 0.0001\nfor i in range(2):\n    print(f'h={h:.5f}', i, sep=', ')\n    h *= 0.1\n",
        build_graph=False,
    )
    assert result.prints == ("h=0.00010, 0", "h=0.00001, 1")
    assert result.printed == "h=0.00010, 0\nh=0.00001, 1\n"


def test_tensors_are_labelled_with_their_variable_names() -> None:
    result = run_program(
        "w = torch.tensor(2.0, requires_grad=True)\nh = w * 3\nloss = h * h\n", build_graph=False
    )
    assert result.output_name == "loss"
    assert [result.variables[n].name for n in ("w", "h", "loss")] == ["w", "h", "loss"]


def test_namespace_is_the_autodiff_core() -> None:
    result = run_program("x = torch.ones(3)\n", build_graph=False)
    assert isinstance(result.variables["x"], torch.Tensor)
