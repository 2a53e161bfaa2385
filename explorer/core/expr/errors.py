"""The one error type of the expression language: a learner-readable message and a column."""

from __future__ import annotations


class ExprError(ValueError):
    """A problem with the user's expression.

    ``message`` is written for a learner; ``column`` is 1-based (``None`` when the problem is not
    at one place, e.g. "Enter an expression"); ``end_column`` optionally marks the end of the span.
    """

    def __init__(
        self,
        message: str,
        column: int | None = None,
        end_column: int | None = None,
        line: int | None = None,
    ):
        self.message = message
        self.column = column
        self.end_column = end_column
        # 1-based line of a multi-line program; None for single expressions (column is then enough).
        self.line = line
        if line is not None and column is not None:
            super().__init__(f"{message} (line {line}, column {column})")
        elif line is not None:
            super().__init__(f"{message} (line {line})")
        else:
            super().__init__(f"{message} (column {column})" if column is not None else message)

    def __reduce__(self):
        # Keep the column when the error crosses a process boundary (the symbolic worker).
        return (type(self), (self.message, self.column, self.end_column, self.line))
