"""Memory caps that hold: every allocation attack is refused before numpy allocates (the run's
peak traced memory stays far below 200 MB), sizes in any number type are checked, lists and
prints share the one budget, and the first problem in a program is the one reported."""

import tracemalloc

import pytest

from explorer.core.graph.interpreter import InterpreterError, run_program

BIG_PAIR = "a = torch.ones(14000, 1)\nb = torch.ones(1, 14000)\n"
ATTACKS = [
    BIG_PAIR + "c = torch.maximum(a, b)",
    BIG_PAIR + "c = torch.minimum(a, b)",
    BIG_PAIR + "c = torch.where(a > 0.5, a, b)",
    BIG_PAIR + "c = torch.pow(a, b)",
    BIG_PAIR + "c = a.pow(b)",
    BIG_PAIR + "c = torch.matmul(a, b)",
    BIG_PAIR + "c = a @ b",
    BIG_PAIR + "c = a * b",
    BIG_PAIR + "c = a > b",
    BIG_PAIR + "c = a == b",
    "a = torch.ones(1000000)\nb = torch.cat([a, a, a, a, a])",
    "a = torch.ones(1000000)\nb = torch.stack([a, a, a, a, a])",
    "n = torch.tensor(20000)\ny = torch.ones(n, n)",
    "n = torch.tensor(20000.0)\ny = torch.zeros((n, n))",
    "y = torch.eye(30000.0)",
    "y = torch.eye(torch.tensor(30000))",
    "n = torch.tensor([20000]).numpy()[0]\ny = torch.randn(n, n)",
    "y = torch.full((20000, 20000.0), 1.0)",
    "y = torch.arange(0, 4e8)",
    "y = torch.linspace(0, 1, torch.tensor(400000000))",
    "x = torch.ones(1000)\nfor i in range(10000):\n    print(x, x, x, x, x, x, x, x)",
]


@pytest.mark.parametrize("program", ATTACKS)
def test_each_allocation_attack_is_refused_before_it_allocates(program):
    tracemalloc.start()
    try:
        with pytest.raises(InterpreterError) as raised:
            run_program(program, build_graph=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024**2, f"{peak / 1024**2:.0f} MB traced before the refusal"
    message = str(raised.value)
    assert "too large" in message or "in total" in message or "characters printed" in message


def test_tolist_items_count_towards_the_one_budget():
    # The program: inside every per-tensor cap, it once ran for minutes and reached
    # 3.9 GB. Twenty lists of a million items use up the run's budget of 20 million.
    program = "x = torch.ones(1000000)\nfor i in range(10000):\n    y = x.tolist()"
    with pytest.raises(InterpreterError) as raised:
        run_program(program, build_graph=False)
    assert raised.value.line == 3
    assert "more than 20,000,000 tensor elements in total" in str(raised.value)


def test_sizes_in_other_number_types_build_when_small():
    result = run_program(
        "n = torch.tensor(3)\nm = torch.tensor([2]).numpy()[0]\n"
        "x = torch.ones(n, m)\ny = torch.eye(2.0)\n"
    )
    variables = result.variables
    assert tuple(variables["x"].shape) == (3, 2)
    assert tuple(variables["y"].shape) == (2, 2)


def test_the_first_problem_in_the_program_is_reported():
    with pytest.raises(InterpreterError) as raised:
        run_program('import os\nx = open("notes.txt")\n')
    assert raised.value.line == 1 and "'os' is not available" in str(raised.value)
    with pytest.raises(InterpreterError) as raised:
        run_program("x = 1\ny = x.__class__\nimport sys\n")
    assert raised.value.line == 2


def test_assigning_a_non_tensor_to_grad_is_the_interpreters_own_error():
    with pytest.raises(InterpreterError) as raised:
        run_program("x = torch.ones(2, requires_grad=True)\nx.grad = 3\n")
    assert raised.value.line == 2 and raised.value.column == 1
    assert ".grad can only be set to a tensor or None, not int" in str(raised.value)
    result = run_program(
        "x = torch.ones(2, requires_grad=True)\nx.grad = torch.zeros(2)\nx.grad = None\n"
        "y = (x * x).sum()\ny.backward()\n"
    )
    assert result.variables["x"].grad.tolist() == [2.0, 2.0]


def test_the_cores_allocation_hook_is_installed_for_the_run_only(monkeypatch):
    # Behind the guard's predictions, the autodiff core's own hook sees each allocation.
    from explorer.core.autodiff.allocation import AllocationCheck
    from explorer.core.graph.interpreter.guard import Guard

    seen: list[int] = []
    original = Guard.check_allocation

    def spy(self, elements):
        seen.append(elements)
        original(self, elements)

    monkeypatch.setattr(Guard, "check_allocation", spy)
    run_program("x = torch.ones(40, 1)\ny = torch.ones(1, 30)\nz = x * y")
    assert 40 * 30 in seen  # the broadcast product, checked before numpy made it
    assert AllocationCheck.check is None
