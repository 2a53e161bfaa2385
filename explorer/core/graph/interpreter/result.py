"""What a run of the restricted interpreter produced: variables, output, prints and the trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TraceEvent:
    """One thing the control flow did: a loop that ran ``iterations`` times, or a branch taken."""

    kind: str  # "while", "for" or "if"
    line: int
    iterations: int | None = None
    branch: str | None = None  # "if", "elif", "else" or "none"
    branch_line: int | None = None

    def describe(self) -> str:
        if self.kind in ("while", "for"):
            times = "once" if self.iterations == 1 else f"{self.iterations} times"
            return f"{self.kind} loop (line {self.line}) ran {times}"
        if self.branch == "none":
            return f"if (line {self.line}): no branch taken"
        where = "" if self.branch == "if" else f" (line {self.branch_line})"
        return f"if (line {self.line}) took the {self.branch} branch{where}"


@dataclass(frozen=True)
class InterpreterResult:
    """Everything a run produced: variables, the output tensor and its graph, prints, trace."""

    variables: dict[str, Any]
    output: Any
    output_name: str | None
    printed: str
    prints: tuple[str, ...]
    trace: tuple[TraceEvent, ...]
    last_value: Any
    graph_nodes: int
    loop_iterations: int
    graph: Any = field(default=None, compare=False)
    print_lines: tuple[int, ...] = ()  # 1-based source line of each entry of ``prints``
    # "w was updated in place afterwards: now 1.976" for inputs the graph read before an update
    in_place_notes: tuple[str, ...] = ()

    def trace_summary(self) -> str:
        """One line: each event in order, e.g. "while loop (line 3) ran 9 times; if (line 5) …"."""
        return "; ".join(event.describe() for event in self.trace)
