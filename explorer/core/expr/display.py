"""Unicode, LaTeX and input-language (ASCII) forms of a tree, with the fewest brackets that keep it.

The Unicode form echoes how the text was parsed, so a learner can check it: ``1/2x`` shows as
``(1/2)·x`` (a division on the left of a product is always bracketed), ``-x^2`` as ``−x²``,
``2^-1`` as ``2⁻¹``. Operators are spaced (``x + 1``), products use ``·`` except a plain number
in front of a letter or bracket (``3x``, ``2(x + 1)``), minus is the typographic U+2212 ``−``, and
small integer and one-letter exponents become superscripts (``x²``, ``xˣ``, ``eˣ``; other
exponents keep the caret, ``x^(1/2)``). A right operand at the same precedence keeps its
brackets (``a − (b − c)``, ``x·(1/2)``) because that is the tree the user wrote. Functions display
through their ``FunctionSpec`` (``|x|``, ``√(x)``, ``σ(x)``). No recursion, so any depth works.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Definition,
    Node,
    Number,
    Program,
    UnaryOp,
    Variable,
)
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup
from explorer.core.text import MINUS, SUPERSCRIPT_LETTERS, superscript

ADDITIVE, MULTIPLICATIVE, SIGNED, POWER, ATOM = 1, 2, 3, 4, 5
_PRECEDENCE = {"+": ADDITIVE, "-": ADDITIVE, "*": MULTIPLICATIVE, "/": MULTIPLICATIVE, "^": POWER}


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    precedence: int
    # "number" / "signed_number" may be juxtaposed (3x); "fraction" / "number_sci" are LaTeX groups.
    kind: str = ""


def number_text(node: Number) -> str:
    """The literal as the user wrote it, with a leading zero added to ``.5``."""
    text = node.text
    if not text:
        value = float(node.value)
        text = str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if text.startswith("."):
        text = "0" + text
    return text


def _is_small_integer_literal(node: Node) -> bool:
    text = node.text if isinstance(node, Number) else ""
    return text.isascii() and text.isdigit() and len(text) <= 4


def _raised_atom(node: Node) -> str | None:
    """A small integer literal, a one-letter variable or e, raised (``²``, ``ˣ``, ``ᵉ``)."""
    if _is_small_integer_literal(node):
        return superscript(node.text)
    name = node.name if isinstance(node, Variable | Constant) else ""
    if len(name) == 1 and name in SUPERSCRIPT_LETTERS:
        return SUPERSCRIPT_LETTERS[name]
    return None


def _superscript_exponent(node: Node) -> str | None:
    """``x²``, ``x⁻¹``, ``xˣ``, ``eˣ``, ``2⁻ˣ``: exponents that read unambiguously raised."""
    if isinstance(node, UnaryOp) and node.op == "-":
        raised = _raised_atom(node.operand)
        return None if raised is None else "⁻" + raised
    return _raised_atom(node)


def _needs_left_brackets(op: str, node: BinaryOp, left: _Piece) -> bool:
    precedence = _PRECEDENCE[op]
    if op == "^":
        return left.precedence <= POWER or left.kind in ("fraction", "number_sci")
    if op == "*" and isinstance(node.left, BinaryOp) and node.left.op == "/":
        return left.kind != "fraction"
    return left.precedence < precedence


def _needs_right_brackets(op: str, right: _Piece) -> bool:
    if op == "^":
        return right.precedence < POWER
    return right.precedence <= _PRECEDENCE[op] or right.precedence == SIGNED


def _juxtapose(left: _Piece, right_text: str) -> bool:
    if left.kind not in ("number", "signed_number"):
        return False
    # "2·e", not "2e": typed back, a number glued to e reads as scientific notation in the making.
    return bool(right_text) and not (right_text[0].isdigit() or right_text[0] in ".−-+|eE")


class _Style:
    """What differs between Unicode and LaTeX output."""

    latex = False

    def brackets(self, text: str) -> str:
        return f"({text})"

    def number(self, node: Number) -> _Piece:
        text = number_text(node)
        # 1e-3 followed by x would read as one token, and 1e-3² as 1e-9: keep such literals apart.
        kind = "number_sci" if "e" in text.lower() else "number"
        return _Piece(text, ATOM if float(node.value) >= 0 else SIGNED, kind)

    def constant(self, name: str) -> str:
        return CONSTANTS[name][2]

    def variable(self, name: str) -> str:
        return name

    def call(self, name: str, argument: str) -> str:
        spec = lookup(name)
        return spec.display(argument) if spec else f"{name}({argument})"

    def binary(self, node: BinaryOp, left: _Piece, right: _Piece) -> _Piece:
        op = node.op
        left_text = self.brackets(left.text) if _needs_left_brackets(op, node, left) else left.text
        if op == "^":
            superscript = None if self.latex else _superscript_exponent(node.right)
            if superscript is not None:
                return _Piece(left_text + superscript, POWER)
            right_text = right.text
            if _needs_right_brackets(op, right):
                right_text = self.brackets(right_text)
            return _Piece(f"{left_text}^{right_text}", POWER)
        right_text = self.brackets(right.text) if _needs_right_brackets(op, right) else right.text
        if op == "*":
            joiner = "" if _juxtapose(left, right_text) else "·"
            return _Piece(f"{left_text}{joiner}{right_text}", MULTIPLICATIVE)
        symbol = {"+": " + ", "-": f" {MINUS} ", "/": "/"}[op]
        return _Piece(f"{left_text}{symbol}{right_text}", _PRECEDENCE[op])

    def unary(self, op: str, operand: _Piece) -> _Piece:
        text = self.brackets(operand.text) if operand.precedence <= SIGNED else operand.text
        sign = MINUS if op == "-" else "+"
        kind = "signed_number" if operand.kind == "number" else ""
        return _Piece(sign + text, SIGNED, kind)


class _LatexStyle(_Style):
    latex = True

    def brackets(self, text: str) -> str:
        return rf"\left({text}\right)"

    def number(self, node: Number) -> _Piece:
        text = number_text(node)
        mantissa, _, exponent = text.lower().partition("e")
        if exponent:
            exponent = str(int(exponent))
            return _Piece(rf"{mantissa} \cdot 10^{{{exponent}}}", MULTIPLICATIVE, "number_sci")
        return _Piece(text, ATOM if float(node.value) >= 0 else SIGNED, "number")

    def constant(self, name: str) -> str:
        return CONSTANTS[name][3]

    def variable(self, name: str) -> str:
        head, digits = name.rstrip("0123456789"), ""
        if head != name:
            digits = name[len(head) :]
        head = head.rstrip("_") if digits else head
        if len(head) > 1:
            head = rf"\mathrm{{{head}}}".replace("_", r"\_")
        return f"{head}_{{{digits}}}" if digits else head

    def call(self, name: str, argument: str) -> str:
        spec = lookup(name)
        if spec is None:
            return rf"\operatorname{{{name}}}\left({argument}\right)"
        return spec.display_latex(argument)

    def binary(self, node: BinaryOp, left: _Piece, right: _Piece) -> _Piece:
        op = node.op
        if op == "/":
            return _Piece(rf"\frac{{{left.text}}}{{{right.text}}}", ATOM, "fraction")
        if op == "^":
            base = self.brackets(left.text) if _needs_left_brackets(op, node, left) else left.text
            return _Piece(f"{base}^{{{right.text}}}", POWER)
        left_text = self.brackets(left.text) if _needs_left_brackets(op, node, left) else left.text
        right_text = self.brackets(right.text) if _needs_right_brackets(op, right) else right.text
        if op == "*":
            joiner = " " if _juxtapose(left, right_text) else r" \cdot "
            return _Piece(f"{left_text}{joiner}{right_text}", MULTIPLICATIVE)
        return _Piece(f"{left_text} {op} {right_text}", ADDITIVE)

    def unary(self, op: str, operand: _Piece) -> _Piece:
        text = self.brackets(operand.text) if operand.precedence <= SIGNED else operand.text
        kind = "signed_number" if operand.kind == "number" else ""
        return _Piece(op + text, SIGNED, kind)


def _render(node: Node, style: _Style) -> str:
    def visit(current: Node, children: list[_Piece]) -> _Piece:
        if isinstance(current, Number):
            return style.number(current)
        if isinstance(current, Constant):
            return _Piece(style.constant(current.name), ATOM)
        if isinstance(current, Variable):
            return _Piece(style.variable(current.name), ATOM)
        if isinstance(current, UnaryOp):
            return style.unary(current.op, children[0])
        if isinstance(current, BinaryOp):
            return style.binary(current, children[0], children[1])
        if isinstance(current, Call):
            argument = ", ".join(child.text for child in children)
            return _Piece(style.call(current.name, argument), ATOM)
        if isinstance(current, Definition):
            name = style.variable(current.name)
            return _Piece(f"{name} = {children[0].text}", 0)
        if isinstance(current, Program):
            separator = r" \\ " if style.latex else "\n"
            return _Piece(separator.join(child.text for child in children), 0)
        raise TypeError(f"not an expression node: {type(current).__name__}")

    return fold_tree(node, visit).text


def format_unicode(node: Node) -> str:
    """Readable Unicode text of a tree, e.g. ``(1/2)·x``, ``−x²``, ``sin(x)² + 3x``."""
    return _render(node, _Style())


def format_latex(node: Node) -> str:
    """LaTeX of a tree, e.g. ``\\frac{1}{2} \\cdot x``, ``\\sin\\left(x\\right)^{2}``."""
    return _render(node, _LatexStyle())


class _InputStyle(_Style):
    """The input language itself: ASCII operators, ``pi``, ``sqrt(x)``, ``x^2``: text that pastes
    back into the app (or into ``diff``) and parses to the same tree."""

    def constant(self, name: str) -> str:
        return name

    def call(self, name: str, argument: str) -> str:
        return f"{name}({argument})"

    def binary(self, node: BinaryOp, left: _Piece, right: _Piece) -> _Piece:
        op = node.op
        left_text = self.brackets(left.text) if _needs_left_brackets(op, node, left) else left.text
        right_text = right.text
        if _needs_right_brackets(op, right):
            right_text = self.brackets(right_text)
        if op == "^":
            return _Piece(f"{left_text}^{right_text}", POWER)
        if op == "*":
            joiner = "" if _juxtapose(left, right_text) else "*"
            return _Piece(f"{left_text}{joiner}{right_text}", MULTIPLICATIVE)
        symbol = {"+": " + ", "-": " - ", "/": "/"}[op]
        return _Piece(f"{left_text}{symbol}{right_text}", _PRECEDENCE[op])

    def unary(self, op: str, operand: _Piece) -> _Piece:
        text = self.brackets(operand.text) if operand.precedence <= SIGNED else operand.text
        kind = "signed_number" if operand.kind == "number" else ""
        return _Piece(op + text, SIGNED, kind)


def format_input(node: Node) -> str:
    """The tree in the input language, e.g. ``3x^2 - 4x``, ``sqrt(x)/(2*pi)``: what a learner
    can paste back into f(x) (``--ascii`` on the command line)."""
    return _render(node, _InputStyle())
