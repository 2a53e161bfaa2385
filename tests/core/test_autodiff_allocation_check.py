"""The allocation hook sees every tensor-creating op's element count, and can refuse it."""

from __future__ import annotations

import pytest

import explorer.autodiff as torch
from explorer.core.autodiff.allocation import set_allocation_check


class Refused(MemoryError):
    pass


@pytest.fixture
def budget():
    seen: list[int] = []

    def check(elements: int) -> None:
        seen.append(elements)
        if elements > 1000:
            raise Refused(f"{elements} elements is over the budget")

    set_allocation_check(check)
    yield seen
    set_allocation_check(None)


@pytest.mark.parametrize(
    "create",
    [
        lambda: torch.zeros(100, 100),
        lambda: torch.ones(2000),
        lambda: torch.randn(50, 50),
        lambda: torch.arange(5000),
        lambda: torch.linspace(0, 1, 4000),
        lambda: torch.eye(40),
        lambda: torch.full((3000,), 1.0),
        lambda: torch.ones(40, 1) + torch.ones(1, 40),  # broadcasting makes 1600
        lambda: torch.ones(40, 30) @ torch.ones(30, 40),
    ],
)
def test_creations_over_the_budget_are_refused(budget, create):
    with pytest.raises(Refused):
        create()


def test_small_work_passes_and_is_counted(budget):
    x = torch.ones(10, requires_grad=True)
    (x * 2).sum().backward()
    assert x.grad.tolist() == [2.0] * 10
    assert 10 in budget
