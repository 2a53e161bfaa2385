"""Which names an expression may use, and what to tell a learner who typed an unknown one.

Functions come from the one table in ``explorer.core.functions`` (aliases resolve to the canonical
name), constants are ``pi`` and ``e``, variables are what the panel declares. Unknown names get the
most specific hint we can find: a function glued to its argument (``sinx`` -> ``sin(x)``, and
``sinxcosx`` -> ``sin(x)*cos(x)``), letters glued into a product (``xy`` -> ``x*y``), Greek-letter
names (``theta``: not variables here), other spellings of a function (``cosec`` -> ``csc``,
``cotan`` -> ``cot``), a different case (``X`` -> ``x``, ``Sin`` -> ``sin``,
``E`` -> ``e``), a variable this panel does not have (``y`` in a 1-D panel), Python words
(``lambda``, ``open``), sympy's names that must not leak in (``I``, ``N``, ``nan``, ``oo``), or a
close spelling. Slider parameters, when a panel allows them, are single lowercase letters.
"""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Sequence

from explorer.core.functions import CONSTANTS, FUNCTIONS_BY_NAME

VARIABLE_LIKE = re.compile(r"[A-Za-z](?:[0-9]+|_[0-9]+)?\Z")
# Letters a learner uses for coordinates: an undeclared one means "wrong panel", not a typo.
COORDINATE_LETTERS = frozenset("xyztuvw")

_PYTHON_WORDS = frozenset(keyword.kwlist) | {
    "print", "exec", "eval", "open", "compile", "input", "getattr", "setattr", "globals",
    "locals", "vars", "dir", "type", "object", "range", "len", "list", "dict", "str", "int",
    "float", "Symbol", "sympify", "os", "sys", "subprocess", "builtins",
}  # fmt: skip
_NOT_A_NUMBER = frozenset(
    {"nan", "NaN", "NAN", "inf", "Inf", "INF", "infinity", "Infinity", "oo", "zoo"}
)
_FUNCTION_ARGUMENT = re.compile(r"(?:[0-9]*\.?[0-9]*)(?:pi|[a-z])?[0-9]*\Z")
_GLUED_ARGUMENT = re.compile(r"[0-9]*(?:pi|[a-z])")
_GREEK_LETTERS = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa mu nu xi "
    "omicron rho sigma tau upsilon phi varphi chi psi omega".split()
)
# Other common spellings of functions in the table (difflib would pick sec for cosec).
_OTHER_SPELLINGS = {"cosec": "csc", "cotan": "cot", "ctg": "cot", "tg": "tan", "arctg": "atan"}


def and_list(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _split_into_known(name: str, is_known) -> list[str] | None:
    """``pix`` -> ``['pi', 'x']`` when some piece is a known name (the rest single letters)."""
    pieces: list[str] = []
    i = 0
    while i < len(name):
        size = 2 if name.startswith("pi", i) else 1
        pieces.append(name[i : i + size])
        i += size
    return pieces if any(is_known(piece) for piece in pieces) else None


def _function_prefix(name: str) -> str | None:
    candidates = [fn for fn in FUNCTIONS_BY_NAME if name.startswith(fn) and len(name) > len(fn)]
    return max(candidates, key=len) if candidates else None


def _function_run(name: str, is_value) -> str | None:
    """``sinxcosx`` -> ``sin(x)*cos(x)``, ``xsinx`` -> ``x*sin(x)``: functions glued to their
    arguments and to each other; None unless the whole name splits that way."""
    pieces: list[str] = []
    spellings = {**{fn: fn for fn in FUNCTIONS_BY_NAME}, **_OTHER_SPELLINGS}
    functions = sorted(spellings, key=len, reverse=True)
    i = 0
    while i < len(name):
        function = next((fn for fn in functions if name.startswith(fn, i)), None)
        argument = _GLUED_ARGUMENT.match(name, i + len(function)) if function else None
        letters = argument.group().lstrip("0123456789") if argument else ""
        if argument is not None and (is_value(letters) or letters in COORDINATE_LETTERS):
            pieces.append(f"{spellings[function]}({argument.group()})")
            i = argument.end()
            continue
        size = 2 if name.startswith("pi", i) else 1
        if not (is_value(name[i : i + size]) or name[i] in COORDINATE_LETTERS):
            return None
        pieces.append(name[i : i + size])
        i += size
    return "*".join(pieces) if any("(" in piece for piece in pieces) else None


def _greek_message(name: str, head: str, variables: Sequence[str], parameters: bool) -> str:
    reason = f"{head}: Greek-letter names are not variables here"
    if parameters:
        return f"{reason}; use a single letter such as a, b or k (it becomes a slider)"
    if len(variables) == 1:
        return f"{reason}; the variable is {variables[0]}"
    return f"{reason}; the variables are {and_list(variables)}"


def _case_match(name: str, known: Sequence[str]) -> str | None:
    for candidate in known:
        if candidate.lower() == name.lower():
            return candidate
    return None


def unknown_name_message(
    name: str,
    variables: Sequence[str],
    *,
    called: bool = False,
    parameters: bool = False,
    extra_known: Sequence[str] = (),
) -> str:
    """The learner-facing message for a name that is not a function, constant or variable here."""
    head = f"Unknown {'function' if called else 'name'} '{name}'"
    reserved = _reserved_word_message(name, head, parameters)
    if reserved is not None:
        return reserved
    functions = list(FUNCTIONS_BY_NAME)
    if name.lower() in _OTHER_SPELLINGS:
        return f"{head}. Did you mean {_OTHER_SPELLINGS[name.lower()]}?"
    if name.lower() in _GREEK_LETTERS and not called:
        return _greek_message(name, head, variables, parameters)
    values = [*variables, *extra_known, *CONSTANTS]
    case_twin = _case_match(name, functions if called else [*values, *functions])
    if case_twin is not None:
        return f"{head}. Names are case-sensitive: did you mean {case_twin}?"
    if called:
        close = difflib.get_close_matches(name, functions, n=1, cutoff=0.75)
        return f"{head}. Did you mean {close[0]}?" if close else head
    prefix = _function_prefix(name)
    if prefix is not None and _FUNCTION_ARGUMENT.match(name[len(prefix) :]):
        return f"{head}. Did you mean {prefix}({name[len(prefix) :]})?"
    head_letters = name.rstrip("0123456789")
    if head_letters in variables and head_letters != name and "_" not in name:
        power = name[len(head_letters) :]
        product = f"{power}{head_letters}"
        return f"{head}. Write {head_letters}^{power} for a power or {product} for a product"

    def is_value(piece: str) -> bool:
        return piece in values or (parameters and is_parameter_name(piece))

    run = _function_run(name, is_value) if name.isalnum() else None
    if run is not None:
        return f"{head}. Did you mean {run}?"
    if name.isalpha() and len(name) > 1:
        pieces = _split_into_known(name, is_value)
        if pieces is not None:
            return f"{head}. Write {'*'.join(pieces)} for a product"
    if VARIABLE_LIKE.match(name) and name[0] in COORDINATE_LETTERS and variables:
        if len(variables) == 1:
            return f"This panel uses {variables[0]}; the expression also contains {name}"
        return f"This panel uses {and_list(variables)}; the expression also contains {name}"
    close = difflib.get_close_matches(name, [*values, *functions], n=1, cutoff=0.75)
    if close:
        return f"{head}. Did you mean {close[0]}?"
    if len(name) == 1 and variables:
        if len(variables) == 1:
            return f"{head}. Use a number here; the only variable is {variables[0]}"
        return f"{head}. Use a number here; the variables are {and_list(variables)}"
    return head


def _reserved_word_message(name: str, head: str, parameters: bool) -> str | None:
    """Python words and sympy's special names, which must never sneak into a formula."""
    if name in _PYTHON_WORDS:
        return f"'{name}' is Python, not part of the math language; type a formula such as x^2 - 3x"
    if name in _NOT_A_NUMBER:
        return f"'{name}' is not a number you can use here; use finite numbers"
    if name == "E":
        return f"{head}. Euler's number is written e: try e^x or exp(x)"
    if name in ("I", "j", "J") and not parameters:
        return f"{head}. Complex numbers are not supported: everything here is real"
    return None


def is_parameter_name(name: str) -> bool:
    """Slider parameters are single lowercase letters; ``e`` is always Euler's number."""
    return len(name) == 1 and "a" <= name <= "z" and name != "e"
