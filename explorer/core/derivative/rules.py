"""The differentiation rules the derivation steps name: learner-facing title and formula per rule.

Per-function derivatives are NOT listed here: they come from ``functions.FUNCTIONS``
(``derivative_formula``); this module only names the rules and their general formulas.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A named rule with its general formula in Unicode and LaTeX."""

    id: str
    title: str
    formula: str
    formula_latex: str


_RULES = (
    Rule("constant", "Constant rule", "(c)′ = 0", r"(c)' = 0"),
    Rule("variable", "Variable rule", "(x)′ = 1", r"(x)' = 1"),
    Rule("power", "Power rule", "(xⁿ)′ = n·xⁿ⁻¹", r"(x^{n})' = n\,x^{n-1}"),
    Rule(
        "power_chain",
        "Chain rule with the power rule",
        "(uⁿ)′ = n·uⁿ⁻¹·u′",
        r"(u^{n})' = n\,u^{n-1}\,u'",
    ),
    Rule("constant_multiple", "Constant multiple rule", "(c·u)′ = c·u′", r"(c\,u)' = c\,u'"),
    Rule(
        "constant_divisor",
        "Constant multiple rule",
        "(u/c)′ = u′/c",
        r"\left(\frac{u}{c}\right)' = \frac{u'}{c}",
    ),
    Rule("negation", "Constant multiple rule (c = −1)", "(−u)′ = −u′", r"(-u)' = -u'"),
    Rule("sum", "Sum rule", "(u + v)′ = u′ + v′", r"(u + v)' = u' + v'"),
    Rule("difference", "Difference rule", "(u − v)′ = u′ − v′", r"(u - v)' = u' - v'"),
    Rule(
        "sum_many",
        "Sum rule",
        "(u₁ ± u₂ ± …)′ = u₁′ ± u₂′ ± …",
        r"(u_1 \pm u_2 \pm \dots)' = u_1' \pm u_2' \pm \dots",
    ),
    Rule("product", "Product rule", "(u·v)′ = u′·v + u·v′", r"(u\,v)' = u'\,v + u\,v'"),
    Rule(
        "quotient",
        "Quotient rule",
        "(u/v)′ = (u′·v − u·v′)/v²",
        r"\left(\frac{u}{v}\right)' = \frac{u'\,v - u\,v'}{v^{2}}",
    ),
    Rule("exponential_e", "Exponential rule", "(eˣ)′ = eˣ", r"(e^{x})' = e^{x}"),
    Rule(
        "exponential_e_chain",
        "Chain rule with the exponential rule",
        "(eᵘ)′ = eᵘ·u′",
        r"(e^{u})' = e^{u}\,u'",
    ),
    Rule("exponential", "Exponential rule", "(aˣ)′ = aˣ·ln(a)", r"(a^{x})' = a^{x}\ln a"),
    Rule(
        "exponential_chain",
        "Chain rule with the exponential rule",
        "(aᵘ)′ = aᵘ·ln(a)·u′",
        r"(a^{u})' = a^{u}\ln(a)\,u'",
    ),
    Rule(
        "general_power",
        "General power rule (logarithmic differentiation)",
        "(uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u)",
        r"(u^{v})' = u^{v}\left(v'\ln u + \frac{v\,u'}{u}\right)",
    ),
    Rule("table", "Common derivative", "", ""),
    Rule("chain", "Chain rule", "(f(u))′ = f′(u)·u′", r"(f(u))' = f'(u)\,u'"),
    Rule(
        "chain_two",
        "Chain rule with two arguments",
        "(f(u, v))′ = ∂f/∂u·u′ + ∂f/∂v·v′",
        r"(f(u, v))' = \frac{\partial f}{\partial u}\,u' + \frac{\partial f}{\partial v}\,v'",
    ),
    Rule(
        "piecewise_constant",
        "Piecewise-constant function",
        "slope 0 between jumps, none at a jump",
        r"\text{slope } 0 \text{ between jumps, none at a jump}",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}

# How the common-derivative step is titled for a few functions the seed names by their rule; every
# other function in the table is titled "Derivative of <name>". Only titles: the formulas come from
# the function table.
TABLE_TITLES: dict[str, str] = {
    "exp": "Exponential rule",
    "log": "Natural logarithm rule",
    "log2": "Logarithm rule (base a)",
    "log10": "Logarithm rule (base a)",
}
