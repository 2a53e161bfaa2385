"""``torch.nn``: only ``torch.nn.functional`` (layers and modules are not part of the core)."""

from __future__ import annotations

from explorer.core.autodiff.nn import functional

__all__ = ["functional"]


def __getattr__(name: str) -> object:
    raise AttributeError(f"torch.nn.{name} is not supported by explorer.autodiff")
