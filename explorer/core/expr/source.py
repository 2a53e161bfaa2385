"""The text being parsed, and how a 0-based offset becomes the line and column of an error."""

from __future__ import annotations

import bisect

from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import Node


class Source:
    """Normalised, stripped source text. ``multiline`` errors carry a line and a column in it."""

    def __init__(self, text: str, *, multiline: bool = False):
        self.text = text
        self.multiline = multiline
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def column_of(self, offset: int) -> int:
        return offset - self._line_starts[self.line_of(offset) - 1] + 1

    def error(self, message: str, offset: int, end: int | None = None) -> ExprError:
        column = self.column_of(offset)
        end_column = None if end is None else column + (end - offset)
        line = self.line_of(offset) if self.multiline else None
        return ExprError(message, column, end_column, line=line)

    def snippet(self, node: Node) -> str:
        start, end = node.span
        return self.text[start:end]
