"""One hook every tensor-creating op calls with the element count it is about to allocate.

A host that must bound memory (the Graph tab's sandbox runs user programs with a budget) installs
a check with ``set_allocation_check(check)``; ``check(elements)`` raises to refuse. Creation
functions (``zeros``, ``randn``, ``arange``, ...) and elementwise ops call it before allocating;
other ops (reductions, matmul, indexing) call it with their result's size right after computing
it, before the result becomes a tensor. Without a hook the cost is one attribute read.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


class AllocationCheck:
    """The installed check, or None."""

    check: Callable[[int], None] | None = None


def set_allocation_check(check: Callable[[int], None] | None) -> None:
    """Install ``check(elements)`` (raise to refuse an allocation), or remove it with None."""
    AllocationCheck.check = check


def check_allocation(elements: int) -> None:
    check = AllocationCheck.check
    if check is not None:
        check(int(elements))


def check_shape(shape: tuple[int, ...]) -> None:
    if AllocationCheck.check is not None:
        check_allocation(int(np.prod(shape, dtype=np.float64)))
