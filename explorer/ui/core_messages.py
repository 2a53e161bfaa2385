"""The messages core computes in English (parser errors, bounds, optimizer settings) as they are
translated for display: exact texts, and templates whose ``{field}`` parts stand for any text.

Core stays English (the CLI prints it and tests read it); ``explorer.ui.i18n.core_text`` matches
a message against these entries at the UI boundary. A message not listed here is shown in English.
"""

from __future__ import annotations

from explorer.ui.i18n import CORE_CONTEXT, Context

T = Context("core")
assert T.name == CORE_CONTEXT

MESSAGES = [
    # the expression language (explorer.core.expr)
    T.mark("Enter an expression"),
    T.mark("Enter an expression, e.g. x^2 - 3x"),
    T.mark("Enter a definition such as f = (x + y)^2"),
    T.mark("Unknown function '{name}'"),
    T.mark("Unknown function '{name}'. Names are case-sensitive: did you mean {suggestion}?"),
    T.mark("Unknown name '{name}'"),
    T.mark("Unknown name '{name}'. Names are case-sensitive: did you mean {suggestion}?"),
    T.mark("Unknown name '{name}'. Did you mean {suggestion}?"),
    T.mark("Unknown name '{name}'. Write {product} for a product"),
    T.mark("Unknown name '{name}'. Use a number here; the only variable is x"),
    T.mark("Unknown name '{name}'. Use a number here; the only variables are {names}"),
    T.mark("Unknown name '{name}'. Euler's number is written e: try e^x or exp(x)"),
    T.mark("Unknown name '{name}'. Complex numbers are not supported: everything here is real"),
    T.mark("'{name}' is Python, not part of the math language; type a formula such as x^2 - 3x"),
    T.mark("'{name}' takes 1 argument, got {count}"),
    T.mark("'{name}' takes 1 argument, got {count} — for a base-{base} log write {hint}"),
    T.mark("'{name}' needs an argument, e.g. {example}"),
    T.mark("'{name}' needs parentheses: write {example}"),
    T.mark("'{name}' needs an argument in parentheses, e.g. {example}"),
    T.mark("'{name}' is not a number you can use here; use finite numbers"),
    T.mark("'#' is not allowed: comments are not part of a formula"),
    T.mark("'.' cannot follow a name: there is no attribute access in a formula"),
    T.mark("';' is not allowed: write one expression (put each definition on its own line)"),
    T.mark("'=' is only allowed in a leading 'y =' or 'f(x) =' prefix; type just the expression"),
    T.mark("Character '{char}' ({unicode}) is not allowed; type {replacement} instead"),
    T.mark(
        "Character '{char}' ({unicode}) is not allowed; type the plain letter '{letter}' instead"
    ),
    T.mark("{power} has no real value; use cbrt({base})"),
    T.mark("{power} is too small (more than 300 zeros after the point)"),
    T.mark("{power} is too large (more than 300 digits)"),
    T.mark("Division by zero"),
    T.mark("Division by zero: {part} is always 0"),
    T.mark("Empty parentheses"),
    T.mark("Exponent {value} is too large (max 1000)"),
    T.mark("Expression ends too early: missing a value after {after}"),
    T.mark("Expression is nested too deeply (max {depth} levels)"),
    T.mark("{what} is too long ({count} characters, max {max})"),
    T.mark("Expression has too many parts (more than {max} tokens)"),
    T.mark("Factorial '!' is not supported"),
    T.mark("Inequalities (<, >) are not supported; type an expression such as x - 1"),
    T.mark("Missing a value after '{token}'"),
    T.mark("Missing '{closer}' for the '{opener}'"),
    T.mark("Missing '{closer}' to close the '{opener}'"),
    T.mark("Number has too many digits ({count}, max {max})"),
    T.mark("This panel uses x; the expression also contains {name}"),
    T.mark("Two numbers in a row; add an operator"),
    T.mark("Unmatched '{token}'"),
    T.mark("Use round brackets ( ) for grouping, not '{token}'"),
    T.mark("log(0) is undefined (it is infinite)"),
    T.mark("{call} is undefined (a vertical asymptote)"),
    T.mark("Up to two primes: {name}'(x) or {name}''(x)"),
    T.mark("The result is too large to compute exactly"),
    T.mark("Expression"),
    T.mark("Program"),
]
