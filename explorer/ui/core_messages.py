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
    # Help ▸ Expression syntax (explorer.core.expr.reference)
    T.mark("Numbers, constants and variables"),
    T.mark("Operators"),
    T.mark("Functions"),
    T.mark("numbers; 1e-3 is 0.001"),
    T.mark("π, half a turn in radians (π ≈ 3.14159)"),
    T.mark("Euler's number, the base of ln (e ≈ 2.71828)"),
    T.mark("the variable"),
    T.mark("parameters: single letters other than x (and e) get a slider each"),
    T.mark("a constant while differentiating: (a·u)′ = a·u′"),
    T.mark("an optional name in front, skipped"),
    T.mark("sum"),
    T.mark("difference; in front it negates: -x^2 is −(x²)"),
    T.mark("product"),
    T.mark("product written without *"),
    T.mark("quotient"),
    T.mark("power, from the right: 2^3^2 is 2⁹"),
    T.mark("brackets group"),
    T.mark("absolute value, the same as abs(u)"),
    T.mark("|u|′ = sign(u)·u′, none where u = 0"),
    T.mark("sine (radians)"),
    T.mark("cosine (radians)"),
    T.mark("tangent, sin/cos"),
    T.mark("cotangent, cos/sin"),
    T.mark("secant, 1/cos"),
    T.mark("cosecant, 1/sin"),
    T.mark("inverse sine (arcsine)"),
    T.mark("inverse cosine (arccosine)"),
    T.mark("inverse tangent (arctangent)"),
    T.mark("hyperbolic sine"),
    T.mark("hyperbolic cosine"),
    T.mark("hyperbolic tangent"),
    T.mark("inverse hyperbolic sine"),
    T.mark("inverse hyperbolic cosine"),
    T.mark("inverse hyperbolic tangent"),
    T.mark("exponential, e^u"),
    T.mark("natural logarithm"),
    T.mark("base-2 logarithm"),
    T.mark("base-10 logarithm"),
    T.mark("square root"),
    T.mark("real cube root"),
    T.mark("absolute value, also written |u|"),
    T.mark("logistic function 1/(1+e^-u)"),
    T.mark("relu(u)′ = step(u)·u′, none where u = 0"),
    T.mark("round down to a whole number"),
    T.mark("round up to a whole number"),
    T.mark("sign: -1, 0 or 1"),
    T.mark("Heaviside step, step(0) = 0"),
    T.mark("none — it is piecewise constant: its slope is 0 between jumps and undefined at them"),
    # the Function tab's ranges and analysis (explorer.core.sampling, explorer.core.analysis)
    T.mark("Type two numbers: a, b"),
    T.mark("x min"),
    T.mark("x max"),
    T.mark("The x-range must be two numbers."),
    T.mark("{label} must be a finite number (got {value})."),
    T.mark(
        "{label} = {value} is too far out: |x| must be at most 1e15 (keep the range within ±1e15)."
    ),
    T.mark("The range is reversed: x min ({low}) must be smaller than x max ({high})."),
    T.mark("The range {low} .. {high} is too narrow to plot: make it wider than {span}."),
    T.mark("Root of {curve}: {where}"),
    T.mark("Local minimum of {curve}: {where}"),
    T.mark("Local maximum of {curve}: {where}"),
    T.mark("Inflection point of {curve}: {where}"),
    T.mark("Y-intercept of {curve}: {where}"),
    T.mark("Hole of {curve}: {where}"),
    T.mark("Vertical asymptote of {curve}: {where}"),
    T.mark("Intersection of {curve} and {other}: {where}"),
    T.mark("Global minimum of {curve}: {y} at x = {x}"),
    T.mark("Global maximum of {curve}: {y} at x = {x}"),
    T.mark("Global minimum of {curve}: none"),
    T.mark("Global maximum of {curve}: none"),
    T.mark(
        "Global minimum of {curve}: none — {curve} falls without bound at the vertical "
        "asymptote x = {x}"
    ),
    T.mark(
        "Global maximum of {curve}: none — {curve} grows without bound at the vertical "
        "asymptote x = {x}"
    ),
    T.mark(
        "Global minimum of {curve}: none — {curve} approaches {y} at the hole x = {x} "
        "but never reaches it"
    ),
    T.mark(
        "Global maximum of {curve}: none — {curve} approaches {y} at the hole x = {x} "
        "but never reaches it"
    ),
    T.mark("Increasing"),
    T.mark("Decreasing"),
    T.mark("Constant"),
    T.mark("Concave up"),
    T.mark("Concave down"),
    T.mark("{name}′ changes from − to +: local minimum"),
    T.mark("{name}′ changes from + to −: local maximum"),
    T.mark(
        "{name}′ does not exist here (a vertical tangent): the second-derivative test "
        "does not apply"
    ),
    T.mark("{name}′ jumps here (a corner): the second-derivative test does not apply"),
    T.mark("{name}″ is undefined here: the second-derivative test does not apply"),
    T.mark("{name}″ = 0: the second-derivative test is inconclusive"),
    T.mark("{name}″ = {value} > 0: local minimum"),
    T.mark("{name}″ = {value} < 0: local maximum"),
    T.mark("{name}″ changes sign: the concavity changes"),
    T.mark("{name}′ = 0 here but keeps its sign: not an extremum"),
    # the Integral tab (explorer.core.integral)
    T.mark("left sum"),
    T.mark("right sum"),
    T.mark("midpoint sum"),
    T.mark("trapezoid rule"),
    T.mark("Simpson's rule"),
    T.mark("upper sum"),
    T.mark("lower sum"),
    T.mark("Left sum"),
    T.mark("Right sum"),
    T.mark("Midpoint sum"),
    T.mark("Trapezoid rule"),
    T.mark("Upper sum"),
    T.mark("Lower sum"),
    T.mark("lower bound"),
    T.mark("upper bound"),
    T.mark("{rule} with n = {n}: {value} (error {error})"),
    T.mark("{rule} with n = {n}: {value}"),
    T.mark("Riemann sums need finite bounds a and b"),
    T.mark("The {rule} is exact for this f (error at round-off for every n)"),
    T.mark("Too few errors above round-off to measure the order"),
    T.mark("Observed order: error ∝ n^{slope} (theory for a smooth f: n^−{order})"),
    T.mark("diverges ({formula})"),
    T.mark("no value (sympy: {formula})"),
    T.mark("not a real number ({formula})"),
    T.mark("sympy found no closed form"),
    T.mark("sympy could not work it out"),
    T.mark("diverges to +∞"),
    T.mark("diverges to −∞"),
    T.mark("diverges (no value)"),
    T.mark("not a real number"),
    T.mark("no value"),
    T.mark("{value} (unreliable: error estimate {error})"),
    T.mark("{value} ({method}, error estimate {error})"),
    T.mark("Exact and numeric agree (difference {difference})"),
    T.mark(
        "Exact and numeric DISAGREE by {difference}: one of them is wrong here "
        "(check the integrand's singularities)"
    ),
    T.mark("sympy and the numeric analysis both find no finite real value"),
    T.mark("Numeric value only: {why}"),
    T.mark("sympy and the numeric analysis DISAGREE about whether the integral has a value"),
    T.mark("Enter the {what}: a number, an expression such as pi/2, or inf"),
    T.mark("The {what} must be a number (a constant such as pi/2, or inf): {message}"),
    T.mark("The {what} {text} has no real value"),
    T.mark(
        "The {what} {text} is too large for a finite bound (at most 1e15); "
        "type inf for an infinite one"
    ),
    T.mark("f has a corner at x = {x}: the quadrature is split there"),
]
