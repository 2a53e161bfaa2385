"""The restricted interpreter for PyTorch-style Python, run on the app's own autodiff core.

This is its one public face: ``run_program(source, seed=...)`` checks and runs a program and
returns an ``InterpreterResult`` (variables, output tensor and its graph model, prints, the
control-flow trace); ``InterpreterError`` is its refusal or failure with a line and column, and
``InterpreterLimits`` its caps. Inside the package: ``rules`` (limits, whitelists, the static
check), ``machine`` (statements), ``expressions`` (names, operators, calls), ``guard`` (run-time
checks of every value), ``objects`` (the values besides tensors), ``in_place`` (values a graph
read before an in-place update) and ``result``.
"""

from explorer.core.graph.interpreter.machine import run_program
from explorer.core.graph.interpreter.result import InterpreterResult, TraceEvent
from explorer.core.graph.interpreter.rules import InterpreterError, InterpreterLimits

__all__ = [
    "InterpreterError",
    "InterpreterLimits",
    "InterpreterResult",
    "TraceEvent",
    "run_program",
]
