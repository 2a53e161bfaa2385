"""The safe expression language: our own tokenizer, parser, tree and converters (no eval anywhere).

``parse(text, variables=("x",), parameters=False) -> Expression`` for one formula and
``parse_program(text, variables=None) -> ProgramExpression`` for named definitions, one per line.
Both raise ``ExprError`` with a learner-readable message and a 1-based column. Converters for bare
trees: ``to_sympy.tree_to_sympy``, ``to_numpy.tree_to_numpy``, ``display.format_unicode`` /
``format_latex``.
"""

from __future__ import annotations

from explorer.core.expr.errors import ExprError
from explorer.core.expr.expression import Expression, parse
from explorer.core.expr.program import ProgramExpression, parse_program

__all__ = ["ExprError", "Expression", "ProgramExpression", "parse", "parse_program"]
