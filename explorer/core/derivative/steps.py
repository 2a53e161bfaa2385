"""Step-by-step symbolic differentiation over OUR expression tree, each step naming its rule.

``derive(tree, "x")`` walks the tree from the outside in and records one ``Step`` per rule applied
(sum, product, quotient, chain, power, exponential, logarithm, the table of common derivatives, …),
in the order a learner would apply them. Derivatives of functions come from the one function table
(``FunctionSpec.derivative_formula``); results are built with the tidying builders of
``algebra`` so they read like hand-written work. sympy is not used here: it is the check in the
tests, and it simplifies the final result in the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from explorer.core.derivative import algebra
from explorer.core.derivative.rules import RULES, TABLE_TITLES
from explorer.core.expr import parse
from explorer.core.expr.display import format_latex, format_unicode
from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Node,
    Number,
    Program,
    UnaryOp,
    Variable,
)
from explorer.core.expr.reference import partials_rule
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import FunctionSpec, lookup
from explorer.core.text import format_number, subscript


@dataclass(frozen=True)
class Step:
    """One application of a rule: ``d/dx [expression] = derivative``."""

    rule: str
    title: str
    depth: int
    expression: Node
    derivative: Node
    formula: str
    formula_latex: str
    bindings: tuple[tuple[str, Node], ...] = ()
    note: str = ""
    before: str = ""
    before_latex: str = ""
    after: str = ""
    after_latex: str = ""

    def describe(self) -> str:
        """E.g. ``Product rule: (u·v)′ = u′·v + u·v′ with u = x², v = sin(x)``."""
        text = f"{self.title}: {self.formula}" if self.formula else self.title
        shown = self.bindings_text()
        return f"{text} with {shown}" if shown else text

    def bindings_text(self) -> str:
        """The placeholders' meaning, ``u = x², v = sin(x)`` (empty when there is none)."""
        # "with a = a" says nothing (aˣ with the parameter a as its base): such bindings go.
        shown = [(n, format_unicode(v)) for n, v in self.bindings if format_unicode(v) != n]
        return ", ".join(f"{n} = {v}" for n, v in shown)

    def to_dict(self) -> dict:
        """Plain data for the worker and the UI."""
        return {
            "rule": self.rule,
            "title": self.title,
            "depth": self.depth,
            "description": self.describe(),
            "formula": self.formula,
            "formula_latex": self.formula_latex,
            "bindings": [[n, format_unicode(v), format_latex(v)] for n, v in self.bindings],
            "note": self.note,
            "before": self.before,
            "before_latex": self.before_latex,
            "after": self.after,
            "after_latex": self.after_latex,
        }


@dataclass(frozen=True)
class Derivation:
    """The whole derivation of d/d``variable`` of ``expression``."""

    expression: Node
    variable: str
    derivative: Node
    steps: tuple[Step, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return format_unicode(self.derivative)

    @property
    def latex(self) -> str:
        return format_latex(self.derivative)

    def lines(self) -> list[str]:
        """Readable lines: each step's rule, then ``d/dx [sub-expression] = result``."""
        out = []
        for number, step in enumerate(self.steps, start=1):
            indent = "  " * step.depth
            out.append(f"{indent}{number}. {step.describe()}")
            out.append(f"{indent}   {step.before} = {step.after}")
            if step.note:
                out.append(f"{indent}   Note: {step.note}")
        return out


def derive(tree: Node, variable: str = "x") -> Derivation:
    """Differentiate ``tree`` with respect to ``variable``, recording every rule applied."""
    if isinstance(tree, Program):
        raise TypeError("derive() takes a single expression, not a program of definitions")
    deriver = _Deriver(variable)
    result = deriver.differentiate(tree, depth=0)
    steps = tuple(s for s in deriver.steps if s is not None)
    notes = tuple(dict.fromkeys(s.note for s in steps if s.note))
    return Derivation(tree, variable, result, steps, notes)


@cache
def table_derivative(name: str) -> Node:
    """The table's ``derivative_formula`` of ``name`` as a tree in the placeholder ``u``."""
    spec = lookup(name)
    if spec is None or spec.derivative_formula is None:
        raise KeyError(name)
    return parse(spec.derivative_formula, variables=("u",)).tree


@cache
def table_partials(name: str) -> tuple[Node, ...]:
    """The table's partial derivatives of ``name``, one per argument, as trees in the
    placeholders ``u`` (and ``v``): ``atan2`` gives v/(u² + v²) and −u/(u² + v²)."""
    spec = lookup(name)
    if spec is None or not spec.partial_formulas:
        raise KeyError(name)
    variables = spec.placeholders
    return tuple(parse(formula, variables=variables).tree for formula in spec.partial_formulas)


_BUILDERS = {"+": algebra.add, "-": algebra.sub, "*": algebra.mul, "/": algebra.div,
             "^": algebra.power}  # fmt: skip


def substitute_arguments(formula: Node, spec: FunctionSpec, arguments: tuple[Node, ...]) -> Node:
    """A table formula with its placeholders replaced by the call's arguments, all at once (the
    first argument may itself use a variable named v), rebuilt with the tidying builders so a
    constant argument folds: atan2(x, 1) gives 1/(x² + 1), not 1/(x² + 1²)."""
    bound = dict(zip(spec.placeholders, arguments, strict=True))

    def rebuild(node: Node, children: list[Node]) -> Node:
        if isinstance(node, Variable):
            return bound.get(node.name, node)
        if isinstance(node, BinaryOp):
            return _BUILDERS[node.op](*children)
        if isinstance(node, UnaryOp):
            return algebra.neg(children[0]) if node.op == "-" else children[0]
        if isinstance(node, Call):
            return Call(node.name, tuple(children))
        return node

    return fold_tree(formula, rebuild)


def kink_points(name: str) -> tuple[float, ...]:
    """Where a table function has a kink (the table declares them: abs and relu at 0)."""
    spec = lookup(name)
    return () if spec is None else spec.kinks


class _Deriver:
    """Recursive differentiation; steps are reserved in pre-order and filled in afterwards."""

    def __init__(self, variable: str) -> None:
        self.variable = variable
        self.steps: list[Step | None] = []

    def differentiate(self, node: Node, depth: int) -> Node:
        if isinstance(node, UnaryOp) and node.op == "+":
            return self.differentiate(node.operand, depth)
        if not algebra.contains_variable(node, self.variable):
            return self._constant(node, depth)
        if isinstance(node, Variable):
            return self._record("variable", node, algebra.ONE, depth)
        if isinstance(node, UnaryOp):
            slot = self._reserve()
            result = algebra.neg(self.differentiate(node.operand, depth + 1))
            return self._fill(slot, "negation", node, result, depth, (("u", node.operand),))
        if isinstance(node, BinaryOp):
            if node.op in "+-":
                return self._sum(node, depth)
            handler = {"*": self._product, "/": self._quotient, "^": self._power}[node.op]
            return handler(node, depth)
        if isinstance(node, Call):
            return self._call(node, depth)
        raise TypeError(f"cannot differentiate a {type(node).__name__} node")

    # -- bookkeeping ------------------------------------------------------------------------
    def _reserve(self) -> int:
        self.steps.append(None)
        return len(self.steps) - 1

    def _record(self, rule: str, node: Node, result: Node, depth: int, bindings=(), **kw) -> Node:
        return self._fill(self._reserve(), rule, node, result, depth, bindings, **kw)

    def _fill(
        self,
        slot: int,
        rule: str,
        node: Node,
        result: Node,
        depth: int,
        bindings: tuple = (),
        *,
        title: str = "",
        formula: tuple[str, str] | None = None,
        note: str = "",
    ) -> Node:
        spec = RULES[rule]
        unicode_formula, latex_formula = formula or (spec.formula, spec.formula_latex)
        if rule == "variable":
            unicode_formula = unicode_formula.replace("x", self.variable)
            latex_formula = latex_formula.replace("x", self.variable)
        self.steps[slot] = Step(
            rule=rule,
            title=title or spec.title,
            depth=depth,
            expression=node,
            derivative=result,
            formula=unicode_formula,
            formula_latex=latex_formula,
            bindings=tuple(bindings),
            note=note,
            before=f"d/d{self.variable} [{format_unicode(node)}]",
            before_latex=(rf"\frac{{d}}{{d{self.variable}}}\left[{format_latex(node)}\right]"),
            after=format_unicode(result),
            after_latex=format_latex(result),
        )
        return result

    # -- rules ------------------------------------------------------------------------------
    def _constant(self, node: Node, depth: int) -> Node:
        note = ""
        if isinstance(node, Variable):
            note = f"{node.name} does not depend on {self.variable}: it is a constant here"
        elif not isinstance(node, (Number, Constant)):
            note = f"this part does not depend on {self.variable}"
        return self._record("constant", node, algebra.ZERO, depth, (("c", node),), note=note)

    def _sum(self, node: BinaryOp, depth: int) -> Node:
        terms = _flatten_sum(node)
        slot = self._reserve()
        result: Node | None = None
        for sign, term in terms:
            derivative = self.differentiate(term, depth + 1)
            if result is None:
                result = derivative if sign > 0 else algebra.neg(derivative)
            else:
                result = (algebra.add if sign > 0 else algebra.sub)(result, derivative)
        names = _term_names(len(terms))
        bindings = tuple(zip(names, (t for _, t in terms), strict=True))
        if len(terms) > 2:
            rule = "sum_many"
        else:
            rule = "difference" if terms[1][0] < 0 else "sum"
        return self._fill(slot, rule, node, result, depth, bindings)

    def _product(self, node: BinaryOp, depth: int) -> Node:
        left, right = node.left, node.right
        left_varies = algebra.contains_variable(left, self.variable)
        right_varies = algebra.contains_variable(right, self.variable)
        slot = self._reserve()
        if left_varies and right_varies:
            d_left = self.differentiate(left, depth + 1)
            d_right = self.differentiate(right, depth + 1)
            result = algebra.add(algebra.mul(d_left, right), algebra.mul(left, d_right))
            return self._fill(slot, "product", node, result, depth, (("u", left), ("v", right)))
        constant, varying = (right, left) if left_varies else (left, right)
        result = algebra.mul(constant, self.differentiate(varying, depth + 1))
        bindings = (("c", constant), ("u", varying))
        return self._fill(slot, "constant_multiple", node, result, depth, bindings)

    def _quotient(self, node: BinaryOp, depth: int) -> Node:
        top, bottom = node.left, node.right
        slot = self._reserve()
        if not algebra.contains_variable(bottom, self.variable):
            result = algebra.div(self.differentiate(top, depth + 1), bottom)
            bindings = (("u", top), ("c", bottom))
            return self._fill(slot, "constant_divisor", node, result, depth, bindings)
        d_top = self.differentiate(top, depth + 1)
        d_bottom = self.differentiate(bottom, depth + 1)
        numerator = algebra.sub(algebra.mul(d_top, bottom), algebra.mul(top, d_bottom))
        result = algebra.div(numerator, algebra.power(bottom, Number(2.0, "2")))
        return self._fill(slot, "quotient", node, result, depth, (("u", top), ("v", bottom)))

    def _power(self, node: BinaryOp, depth: int) -> Node:
        base, exponent = node.left, node.right
        base_varies = algebra.contains_variable(base, self.variable)
        exponent_varies = algebra.contains_variable(exponent, self.variable)
        slot = self._reserve()
        if base_varies and not exponent_varies:
            lowered = algebra.power(base, algebra.lowered_exponent(exponent))
            outer = algebra.mul(exponent, lowered)
            if base == Variable(self.variable):
                return self._fill(slot, "power", node, outer, depth, (("n", exponent),))
            result = algebra.mul(outer, self.differentiate(base, depth + 1))
            bindings = (("u", base), ("n", exponent))
            return self._fill(slot, "power_chain", node, result, depth, bindings)
        if exponent_varies and not base_varies:
            return self._exponential(slot, node, depth)
        d_base = self.differentiate(base, depth + 1)
        d_exponent = self.differentiate(exponent, depth + 1)
        inner = algebra.add(
            algebra.mul(d_exponent, algebra.call("log", base)),
            algebra.div(algebra.mul(exponent, d_base), base),
        )
        result = algebra.mul(node, inner)
        bindings = (("u", base), ("v", exponent))
        return self._fill(slot, "general_power", node, result, depth, bindings)

    def _exponential(self, slot: int, node: BinaryOp, depth: int) -> Node:
        base, exponent = node.left, node.right
        direct = exponent == Variable(self.variable)
        if isinstance(base, Constant) and base.name == "e":
            outer, rule, bindings = node, "exponential_e", ()
        else:
            outer = algebra.mul(node, algebra.call("log", base))
            rule, bindings = "exponential", (("a", base),)
        if direct:
            return self._fill(slot, rule, node, outer, depth, bindings)
        result = algebra.mul(outer, self.differentiate(exponent, depth + 1))
        return self._fill(slot, rule + "_chain", node, result, depth, (*bindings, ("u", exponent)))

    def _call(self, node: Call, depth: int) -> Node:
        spec = lookup(node.name)
        if spec is None:
            raise ValueError(f"'{node.name}' is not in the function table")
        if spec.arity == 2:
            return self._call_of_two(node, spec, depth)
        argument = node.args[0]
        if spec.derivative_formula is None:
            return self._piecewise_constant(node, spec, depth)
        slot = self._reserve()
        outer = algebra.substitute(table_derivative(spec.name), "u", argument)
        note = _kink_note(spec, argument)
        if argument == Variable(self.variable):
            formula = _table_formula(spec, self.variable, chain=False)
            title = TABLE_TITLES.get(spec.name, f"Derivative of {spec.name}")
            return self._fill(
                slot, "table", node, outer, depth, (), title=title, formula=formula, note=note
            )
        result = algebra.mul(outer, self.differentiate(argument, depth + 1))
        formula = _table_formula(spec, "u", chain=True)
        title = f"Chain rule with the derivative of {spec.name}"
        return self._fill(
            slot,
            "chain",
            node,
            result,
            depth,
            (("u", argument),),
            title=title,
            formula=formula,
            note=note,
        )

    def _call_of_two(self, node: Call, spec: FunctionSpec, depth: int) -> Node:
        """atan2(u, v): the chain rule through each argument, with the table's partials."""
        slot = self._reserve()
        result: Node = algebra.ZERO
        for partial, argument in zip(table_partials(spec.name), node.args, strict=True):
            outer = substitute_arguments(partial, spec, node.args)
            inner = self.differentiate(argument, depth + 1)
            result = algebra.add(result, algebra.mul(outer, inner))
        title = f"Chain rule with the partial derivatives of {spec.name}"
        bindings = tuple(zip(spec.placeholders, node.args, strict=True))
        formula = _partials_formula(spec)
        return self._fill(slot, "chain_two", node, result, depth, bindings, title=title,
                          formula=formula)  # fmt: skip

    def _piecewise_constant(self, node: Call, spec: FunctionSpec, depth: int) -> Node:
        note = (
            f"{format_unicode(node)} is not differentiable at its jumps; its slope is 0 elsewhere"
        )
        formula = (
            f"({spec.display('u')})′ = 0 between jumps, undefined at a jump",
            rf"\left({spec.display_latex('u')}\right)' = 0 \text{{ between jumps}}",
        )
        bindings = (("u", node.args[0]),)
        return self._record(
            "piecewise_constant", node, algebra.ZERO, depth, bindings, formula=formula, note=note
        )


def _flatten_sum(node: Node) -> list[tuple[int, Node]]:
    """``a − b + c`` → ``[(+1, a), (−1, b), (+1, c)]`` along the left spine, without recursion."""
    terms: list[tuple[int, Node]] = []
    while isinstance(node, BinaryOp) and node.op in "+-":
        terms.append((1 if node.op == "+" else -1, node.right))
        node = node.left
    terms.append((1, node))
    return terms[::-1]


def _term_names(count: int) -> list[str]:
    if count <= 3:
        return ["u", "v", "w"][:count]
    return [f"u{subscript(i)}" for i in range(1, count + 1)]


def _table_formula(spec: FunctionSpec, placeholder: str, chain: bool) -> tuple[str, str]:
    """E.g. ``(sin(u))′ = cos(u)·u′`` from the table's ``derivative_formula``."""
    derivative = table_derivative(spec.name)
    if placeholder != "u":
        derivative = algebra.substitute(derivative, "u", Variable(placeholder))
    text = f"({spec.display(placeholder)})′ = {format_unicode(derivative)}"
    latex = rf"\left({spec.display_latex(placeholder)}\right)' = {format_latex(derivative)}"
    if chain:
        text += "·u′"
        latex += r"\cdot u'"
    return text, latex


def _partials_formula(spec: FunctionSpec) -> tuple[str, str]:
    """E.g. ``(atan2(u, v))′ = v/(u² + v²)·u′ − u/(u² + v²)·v′`` from the table's partials."""
    text, latex = partials_rule(spec)
    call_latex = spec.display_latex(", ".join(spec.placeholders))
    return f"({spec.display_placeholders()})′ = {text}", rf"\left({call_latex}\right)' = {latex}"


def _kink_note(spec: FunctionSpec, argument: Node) -> str:
    """The learner-facing warning for abs, relu, …: where the derivative does not exist."""
    points = kink_points(spec.name)
    if not points:
        return ""
    where = " or ".join(f"{format_unicode(argument)} = {format_number(p)}" for p in points)
    return f"{spec.display(format_unicode(argument))} has a kink where {where}: no derivative there"
