"""The one error type of the expression language: a learner-readable message and a column."""

from __future__ import annotations


class ExprError(ValueError):
    """A problem with the user's expression.

    ``message`` is written for a learner; ``column`` is 1-based (``None`` when the problem is not
    at one place, e.g. "Enter an expression"); ``end_column`` optionally marks the end of the span.
    """

    def __init__(self, message: str, column: int | None = None, end_column: int | None = None):
        self.message = message
        self.column = column
        self.end_column = end_column
        super().__init__(f"{message} (column {column})" if column is not None else message)
