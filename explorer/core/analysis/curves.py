"""Several curves y = f(x), g(x), … typed one per entry; later ones may use earlier ones and f′, f″.

``define_curves(["x^2", "g(x) = f(x - 1) + 2", "f'(x)"])`` names each entry (by its own
``g(x) =`` prefix, else the next free name of ``f, g, h, p, q, r, s, u, v, w``), parses it with the
project's parser, where the names of the curves above it are functions (``f(x - 1)``, ``f'(x)``,
``f''(x)``), and expands those calls into plain trees: the reference's own tree (or its derivative
from ``explorer.core.derivative``) with x replaced by the argument. So every converter, the
derivative machinery and the analysis see ordinary expressions. Decisions:

- An entry may use only the curves ABOVE it (as a program's definitions), so there are no cycles;
  using one below, or itself, is an error at that name.
- A curve's name is never a slider parameter: ``h`` in ``k*h`` with a curve ``h`` is an error
  asking for ``h(x)``, instead of silently becoming a slider.
- An entry that uses a broken curve is broken too, its error pointing at the call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from explorer.core.derivative import derive
from explorer.core.derivative.tree_edit import substitute
from explorer.core.expr import ExprError, parse
from explorer.core.expr.display import format_unicode
from explorer.core.expr.expression import prepare_text
from explorer.core.expr.nodes import BinaryOp, Call, Node, UnaryOp, Variable, walk
from explorer.core.expr.tokens import EQUALS, LPAREN, NAME, RPAREN, tokenize
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

VARIABLE = "x"
CURVE_NAMES = ("f", "g", "h", "p", "q", "r", "s", "u", "v", "w")
MAX_CURVES = len(CURVE_NAMES)


@dataclass(frozen=True)
class CurveDefinition:
    """One entry: its name, text, and the expanded tree, or the error that stops it."""

    name: str
    text: str
    tree: Node | None
    parameters: tuple[str, ...]
    error: ExprError | None = None
    shown: str = ""  # our Unicode form when the entry uses no other curve, else ""

    @property
    def ok(self) -> bool:
        return self.tree is not None

    def display(self) -> str:
        """How the formula was read, without a ``g(x) =`` prefix (the entry's echo): our
        Unicode form (``x³ − 3x``), or the typed text with − and primes where it uses other
        curves (``f′(x − 1) + 2``: the expanded formula is not what the learner wrote)."""
        if self.shown:
            return self.shown
        body = prepare_text(self.text)
        if typed_name(body) is not None:
            body = body.split("=", 1)[1].strip()
        return body.replace("-", "−").replace("''", "″").replace("'", "′")

    def heading(self) -> str:
        """``g(x) = f(x − 1) + 2``: the name and ``display()``."""
        return f"{self.name}(x) = {self.display()}"


def typed_name(text: str) -> str | None:
    """The name of a leading ``g(x) =`` prefix, if the text has one."""
    try:
        tokens = tokenize(prepare_text(text))
    except ExprError:
        return None
    kinds = [token.kind for token in tokens[:5]]
    if kinds != [NAME, LPAREN, NAME, RPAREN, EQUALS] or tokens[2].text != VARIABLE:
        return None
    name = tokens[0].text
    if lookup(name) is not None or name in CONSTANTS or name == VARIABLE:
        return None
    return name


def curve_names(texts: Sequence[str]) -> list[str]:
    """Each entry's name: its own prefix, else the first of ``CURVE_NAMES`` nobody has taken."""
    typed = [typed_name(text) for text in texts]
    taken = {name for name in typed if name is not None}
    free = (name for name in CURVE_NAMES if name not in taken)
    return [
        name if name is not None else next(free, f"f{index + 1}")
        for index, name in enumerate(typed)
    ]


def define_curves(texts: Sequence[str]) -> tuple[CurveDefinition, ...]:
    """Parse every entry (an empty one is an error too) and expand references to earlier ones."""
    names = curve_names(texts)
    done: dict[str, CurveDefinition] = {}
    result = []
    for index, (name, text) in enumerate(zip(names, texts, strict=True)):
        definition = _define(name, text, names, index, done)
        done.setdefault(name, definition)
        result.append(definition)
    return tuple(result)


def _define(
    name: str, text: str, names: list[str], index: int, done: dict[str, CurveDefinition]
) -> CurveDefinition:
    above = [n for n in names[:index] if n != name]
    try:
        if name in names[:index]:
            raise ExprError(f"'{name}' is already the name of curve {names.index(name) + 1}", 1)
        expression = parse(text, (VARIABLE,), parameters=True, functions=above)
        _refuse_curve_parameters(expression.tree, names, index, name)
        tree = _expand(expression.tree, done)
    except ExprError as error:
        return CurveDefinition(name, text, None, (), error)
    parameters = tuple(
        sorted({n.name for n in walk(tree) if isinstance(n, Variable) and n.name != VARIABLE})
    )
    uses_curves = any(isinstance(n, Call) and lookup(n.name) is None for n in walk(expression.tree))
    shown = "" if uses_curves else format_unicode(tree)
    return CurveDefinition(name, text, tree, parameters, shown=shown)


def _refuse_curve_parameters(tree: Node, names: list[str], index: int, own: str) -> None:
    """A curve name read as a slider (``h`` below this entry, or the entry's own name)."""
    for node in walk(tree):
        if isinstance(node, Variable) and node.name in names:
            column = node.span[0] + 1
            if node.name == own:
                message = f"'{own}' is this curve itself; a curve cannot use itself"
            else:
                number = names.index(node.name) + 1
                message = f"'{node.name}' is curve {number}, below this one; use only curves above"
                if number <= index:
                    message = f"'{node.name}' is a curve: write {node.name}(x)"
            raise ExprError(message, column, column + len(node.name))


def _expand(tree: Node, done: dict[str, CurveDefinition]) -> Node:
    """Replace every call of a curve (``f(u)``, ``f'(u)``) by that curve's tree at u."""

    def visit(node: Node, children: list[Node]) -> Node:
        rebuilt = _with_children(node, children)
        if not isinstance(rebuilt, Call) or lookup(rebuilt.name) is not None:
            return rebuilt
        base = rebuilt.name.rstrip("'")
        order = len(rebuilt.name) - len(base)
        used = done[base]
        if used.tree is None:
            column = node.span[0] + 1
            raise ExprError(f"'{base}' has an error; fix it first", column, column + len(base))
        return substitute(derivative_tree(used.tree, order), VARIABLE, rebuilt.args[0])

    return fold_tree(tree, visit)


def _with_children(node: Node, children: list[Node]) -> Node:
    if isinstance(node, UnaryOp):
        return dataclasses.replace(node, operand=children[0])
    if isinstance(node, BinaryOp):
        return dataclasses.replace(node, left=children[0], right=children[1])
    if isinstance(node, Call):
        return dataclasses.replace(node, args=tuple(children))
    return node


@lru_cache(maxsize=256)
def derivative_tree(tree: Node, order: int) -> Node:
    """The ``order``-th derivative of ``tree`` in x (0: the tree), from the derivation rules."""
    for _ in range(order):
        tree = derive(tree, VARIABLE).derivative
    return tree
