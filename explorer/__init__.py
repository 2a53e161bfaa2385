"""Calculus Explorer: derivatives, tangents, gradients, backprop and autograd in one desktop app."""

from __future__ import annotations

__version__ = "0.1.0"

from explorer.core.expr.errors import ExprError  # noqa: E402


def __getattr__(name: str):
    # Keep `import explorer` light: the parser and the autodiff core load on first use.
    if name == "parse":
        from explorer.core.expr import parse

        return parse
    if name == "autodiff":
        import importlib

        return importlib.import_module("explorer.autodiff")
    raise AttributeError(f"module 'explorer' has no attribute {name!r}")


__all__ = ["ExprError", "__version__", "parse"]
