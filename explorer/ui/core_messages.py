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
    T.mark("'{name}' takes 2 arguments, got {count}: write {example}"),
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
    T.mark("{call} is undefined (the point (0, 0) has no angle)"),
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
    T.mark("atan2(u, v)′ = v/(u² + v²)·u′ − u/(u² + v²)·v′, none where u = v = 0"),
    T.mark("angle of the point (x, y), written atan2(y, x): from −π to π"),
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
    # the derivative tab: the status of a derivative whose derived form stayed (core.derivative)
    T.mark("simplified"),
    T.mark("{name}″ = {value} > 0: local minimum"),
    T.mark("{name}″ = {value} < 0: local maximum"),
    T.mark("{name}″ changes sign: the concavity changes"),
    T.mark("{name}′ = 0 here but keeps its sign: not an extremum"),
    # the Integral tab (explorer.core.integral)
    T.mark("Antiderivative (sympy): F(x) = {formula} + C"),
    T.mark("Antiderivative: F(x) = {formula} + C"),
    T.mark(
        "sympy's ln(u) is written ln|u| here: f is real where u < 0 too, and F′ = f there (checked)"
    ),
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
    T.mark("undefined"),  # a NaN, as core.text.format_number writes it
    T.mark("Observed order: error ∝ n⁻ᵖ with p = {p} (theory for a smooth f: p = {order})"),
    T.mark("Both bounds are the same infinity."),
    T.mark("a = b: the interval is empty, so the integral is 0"),
    T.mark("b < a: ∫ₐᵇ f dx = −∫ᵦᵃ f dx, the integral over [b, a] with its sign flipped"),
    T.mark(
        "f has no real values between x ≈ {start} and x ≈ {end}, inside the interval: the "
        "integral is not a real number"
    ),
    T.mark("f oscillates out to infinity: the tail is summed half-period by half-period"),
    T.mark(
        "f oscillates out to infinity: the tail is summed half-period by half-period (the "
        "integral converges only conditionally)"
    ),
    T.mark("mpmath could not integrate f ({error})"),
    T.mark("mpmath's quadrature gave no finite value"),
    T.mark("mpmath's error estimate ({error}) is large: the value may be inaccurate"),
    T.mark(
        "f has a pole {where}: |f| grows {growth} there, too fast to integrate (p must be "
        "above −1), so the integral {outcome}"
    ),
    T.mark("at the lower bound {x}"),
    T.mark("at the upper bound {x}"),
    T.mark("at {x}, inside [{a}, {b}]"),
    T.mark("like {distance}ᵖ with p = {p}"),
    T.mark("faster than any power"),
    T.mark(
        "diverges: it runs to +∞ on one side of the pole and −∞ on the other, so it has no "
        "value (not even 0)"
    ),
    T.mark("f has no real values as x → {towards}: the integral is not a real number"),
    T.mark("f keeps oscillating without dying out as x → {towards}: the integral has no limit"),
    T.mark("f {how} as x → {towards}, so the integral diverges to {infinity}"),
    T.mark("grows without bound"),
    T.mark("does not decay (|f| behaves {growth})"),
    T.mark("decays too slowly ({growth}; it must fall faster than 1/|x|)"),
    T.mark(
        "f jumps (or has a hole) at x = {shown}: the quadrature is split there, so each piece "
        "is smooth"
    ),
    T.mark(
        "f is unbounded at {x} (|f| grows {growth}) but integrably so: an improper integral "
        "that converges"
    ),
    T.mark("f has no finite sup on the subinterval around x = {x}: the {name} is undefined"),
    T.mark("f has no finite inf on the subinterval around x = {x}: the {name} is undefined"),
    T.mark("f({x}) is not a finite number, so the {name} is undefined"),
    # example titles (explorer.core.gradient/descent/graph presets)
    T.mark("Log-sum-exp (the seed)"),
    T.mark("Bowl x² + 2y²"),
    T.mark("Saddle x² − y²"),
    T.mark("d2l: f(x) = x², η = 0.2 from x = 10"),
    T.mark("d2l: f(x) = x·cos(cx), a local minimum"),
    T.mark("d2l: f = 0.1x² + 2y² (ill-conditioned)"),
    T.mark("d2l: f = x² + 2y², η = 0.1 from (−5, −2)"),
    T.mark("Seed: four-variable chain rule"),
    T.mark("Log-sum-exp at (0, ln 2)"),
    T.mark("2xᵀx with x = arange(4)"),
    T.mark("Neuron σ(w·x + b), squared loss"),
    T.mark("Control flow: the seed's f(a)"),
    # words core computes for the Derivative, Gradient and Integral tabs
    T.mark("f′ is undefined at {at} ({reason})"),
    T.mark("pole of f"),
    T.mark("f is not defined there"),
    T.mark("f′ cannot be computed at {at}: f overflows float64 here"),
    T.mark(
        "F({x}) does not exist: f has a pole at x = {pole}, between a and x₀, that cannot be "
        "integrated across"
    ),
    # the Descent tab (explorer.core.descent) and the Graph tab's cards (explorer.core.graph)
    T.mark("running"),
    T.mark("did not converge"),
    T.mark("local minimum"),
    T.mark("local maximum"),
    T.mark("saddle point"),
    T.mark("degenerate critical point"),
    T.mark("oscillating"),
    T.mark("diverged"),
    T.mark("stopped: f undefined"),
    T.mark("unbounded below"),
    T.mark("f (log scale)"),
    T.mark("sign(f)·log₁₀(1 + |f|)"),
    T.mark("did not converge in {steps} steps: ‖∇f‖ = {norm} > {tolerance}"),
    T.mark("reached a local minimum at {where} ({second} > 0)"),
    T.mark("reached a local minimum at {where} (curvatures {curvatures}, all positive)"),
    T.mark("input"),
    T.mark("constant"),
    T.mark("detach() copy"),
    T.mark("Press Step forward to evaluate the first node."),
    T.mark("there is no next step to predict here: the race ends at this step"),
    # File ▸ Export Image (explorer.ui.export raises these for the command line too)
    T.mark("The folder '{folder}' does not exist"),
    T.mark("The folder '{folder}' cannot be written to"),
    T.mark("Cannot export to '{name}': use a .png or .svg file name"),
    T.mark("'{name}' has no .png or .svg suffix"),
    # the Descent tab's step explanations (explorer.core.descent.explain), line by line
    T.mark("{optimizer}, step {step}"),
    T.mark("f went from {before} to {after}"),
    T.mark("f went from {before} to {after} (up: the step overshot)"),
    T.mark("{symbol} = g (the first step) = {value}"),
    T.mark("d = g + μ·b (look ahead) = {value}"),
    T.mark("√v + ε = the gradient's running size = {value}"),
    T.mark("s = s + g² (all squared gradients so far) = {value}"),
    # the Graph tab's step explanations (explorer.core.graph.explain)
    T.mark("{name} = {value} (input)"),
    T.mark("{name} = {value} (constant)"),
    T.mark("{name} = {value} (input, requires_grad=False)"),
    T.mark("{name} = {value} (a copy with no gradient history: the edge is cut)"),
    T.mark("{partial} = {seed} (the seed of the backward pass)"),
    T.mark("{partial} = {seed} (the gradient= argument, ones for a non-scalar output)"),
    T.mark("{partial} = 0: no gradient reaches {name} (its uses are detached)"),
    # parts core joins into one message: each part is translated on its own
    T.mark("{first}; {rest}"),
    T.mark("{first} and {second}"),
    # the Graph tab's step explanations, forward mode, the control flow and the sandbox
    T.mark(
        "{chain}; {name}.grad = {earlier} + {this} = {total} "
        "(backward adds into .grad: no zero_() since the last pass)"
    ),
    T.mark("{chain} ({cut} other use: detached or gradient-free, adding 0)"),
    T.mark("{chain} ({cut} other uses: detached or gradient-free, adding 0)"),
    T.mark("∂{name}/∂{name} = {seed} (the seed tangent)"),
    T.mark("∂{node}/∂{name} = 0 (does not depend on {name})"),
    T.mark(
        "Reverse mode: 1 backward pass gives all {count} partials; "
        "forward mode needs {count} passes, one per input"
    ),
    T.mark(
        "Reverse mode: 1 backward pass gives all {count} partials; "
        "forward mode needs {count} passes, one per input element"
    ),
    T.mark(
        "Reverse mode: 1 backward pass gives all 1 partial; "
        "forward mode needs 1 pass, one per input"
    ),
    T.mark("{kind} loop (line {line}) ran once"),
    T.mark("{kind} loop (line {line}) ran {count} times"),
    T.mark("if (line {line}): no branch taken"),
    T.mark("if (line {line}) took the if branch"),
    T.mark("if (line {line}) took the {branch} branch (line {branch_line})"),
    T.mark(
        "backward() adds into .grad; without x.grad.zero_() pass {passes} accumulates: {changes}"
    ),
    T.mark("The second backward ran: this graph saves no values, so nothing was freed."),
    T.mark("the output is a scalar; give an input with several values"),
    T.mark("accumulation needs at least two backward passes"),
    T.mark(
        "{y}.backward() on a non-scalar {y} → RuntimeError: {error}\n"
        "{y} has {count} values, so backward needs gradient=: a tensor shaped like {y} that "
        "weights each value's gradient; type {y}.backward(gradient=torch.ones_like({y})) to "
        "get the gradient of {y}.sum(), which gives {found}."
    ),
    T.mark("{output} does not depend on any input: nothing to differentiate"),
    # the Graph presets' expected results
    T.mark("f = 1024 and ∂f/∂w = ∂f/∂x = ∂f/∂y = ∂f/∂z = −4096"),
    T.mark("∇f = (1/3, 2/3): the softmax of (x, y)"),
    T.mark("a.grad == d / a for every a"),
    # the Descent tab: the presets' notes, the findings and the stops (explorer.core.descent)
    T.mark("d2l 12.3: after 10 steps x = 0.0604662"),
    T.mark(
        "d2l 12.3: with η = 2 from x = 10 gradient descent jumps to a poorer local minimum "
        "near x = −1.8; smaller steps settle in the one at x = 7.27"
    ),
    T.mark("d2l 12.6: gradient descent oscillates in y while crawling in x; momentum helps"),
    T.mark("d2l 12.3.2: after 20 steps (−0.057646, −0.000073)"),
    T.mark("A curved, narrow valley to the minimum at (1, 1)"),
    T.mark("Flat plateaus and steep walls; the minimum is at (3, 0.5)"),
    T.mark("Four minima: which one a racer finds depends on its path"),
    T.mark("The gradient vanishes at (0, 0), but it is a saddle: a tiny y grows and escapes"),
    T.mark("oscillating: {details}"),
    T.mark("in {name} the step reversed direction {total} times (steps {first}–{last} in a row)"),
    T.mark(
        "passed near the saddle point {where}: it slowed to ‖∇f‖ = {norm} at step {step}, "
        "then escaped along {direction}, where f curves down"
    ),
    T.mark("stuck at a local maximum at {where} ({second} < 0): any nudge escapes"),
    T.mark(
        "stopped at a flat critical point at {where} ({second}): f′ = 0 and "
        "the second derivative test cannot tell its kind"
    ),
    T.mark("stuck at a local maximum at {where} (curvatures {curvatures}, all negative)"),
    T.mark(
        "stuck at a saddle point at {where}: f curves up along {up} and down along {down}; "
        "a nudge along the second escapes"
    ),
    T.mark(
        "stopped at a degenerate critical point at {where} (curvatures {curvatures}): "
        "the second derivative test cannot tell its kind"
    ),
    T.mark("∇f is undefined there (f has no slope at that point)"),
    T.mark("f is infinite there (a pole)"),
    T.mark("f is undefined there (a pole or outside f's domain)"),
    T.mark("cannot start at {where}: {what}"),
    T.mark("stopped at step {step}: it reached {where}, and {what}"),
    T.mark("diverged at step {step}: the point overflowed"),
    T.mark(
        "diverged at step {step}: the steps grew without bound, to {where} with f = {f}; "
        "the learning rate is too large for this curvature: reduce it"
    ),
    T.mark(
        "diverging to −∞, stopped at step {step}: it left every bound at {where} with f = {f}; "
        "f decreases without end in this direction, so there is no minimum to find there"
    ),
    T.mark(
        "diverged at step {step}: {reason} (f rose from {start} to {end}); reduce the learning rate"
    ),
    T.mark(
        "learning rate too large for this curvature: each step jumps past the minimum and "
        "lands higher up the other side"
    ),
    T.mark("the loss keeps rising: the steps are too large (learning rate or momentum)"),
    T.mark("{note}; AdamW first shrank θ by the factor 1 − η·λ = {factor}"),
    # the Derivative tab's derivation (explorer.core.derivative.rules and .steps)
    T.mark("Constant rule"),
    T.mark("Variable rule"),
    T.mark("Power rule"),
    T.mark("Chain rule with the power rule"),
    T.mark("Constant multiple rule"),
    T.mark("Constant multiple rule (c = −1)"),
    T.mark("Sum rule"),
    T.mark("Difference rule"),
    T.mark("Product rule"),
    T.mark("Quotient rule"),
    T.mark("Exponential rule"),
    T.mark("Chain rule with the exponential rule"),
    T.mark("General power rule (logarithmic differentiation)"),
    T.mark("Common derivative"),
    T.mark("Chain rule"),
    T.mark("Piecewise-constant function"),
    T.mark("Natural logarithm rule"),
    T.mark("Logarithm rule (base a)"),
    T.mark("Derivative of {name}"),
    T.mark("Chain rule with the derivative of {name}"),
    T.mark("Chain rule with two arguments"),
    T.mark("Chain rule with the partial derivatives of {name}"),
    T.mark("{function} has a kink where {where}: no derivative there"),
    T.mark("{function} is not differentiable at its jumps; its slope is 0 elsewhere"),
    T.mark("{function} = 0 between jumps, undefined at a jump"),
    T.mark("{name} does not depend on {variable}: it is a constant here"),
    T.mark("this part does not depend on {variable}"),
    # the Derivative tab's tangent and the three derivatives' agreement
    T.mark("f jumps at {where}, so it has no tangent there"),
    T.mark(
        "f jumps at {where}, so it has no tangent there "
        "({names}: not differentiable at its jumps, slope 0 elsewhere)"
    ),
    T.mark("{call} has a corner at {where}: left slope {left}, right slope {right}"),
    T.mark("f has a corner at {where} (from {call}): left slope {left}, right slope {right}"),
    T.mark("f has a corner at {where}: left slope {left}, right slope {right}"),
    T.mark("At {at} the three derivatives disagree: {cause}"),
    T.mark("At {at} the three derivatives disagree: {call} has a kink there"),
    T.mark(
        "At {at} the derivative does not exist (kink of {call}); all three methods "
        "report the convention value {value}"
    ),
    T.mark(
        "At {at} the kinks cancel, so f′ exists (central difference {central}); the formula "
        "and reverse mode give {value}, the kinks' convention value"
    ),
    T.mark(
        "the derivative's formula is undefined there (such as 0·∞) although f is defined; "
        "central differences give {value}"
    ),
    T.mark("the symbolic formula gives {symbolic}, reverse mode gives {reverse}"),
    T.mark("f jumps there (a piecewise-constant function is not differentiable at its jumps)"),
    T.mark("f changes too fast there for the finite-difference step"),
    # session files (explorer.core.session, explorer.core.panel_state)
    T.mark("This is not a Calculus Explorer session (it is not a JSON object)."),
    T.mark(
        "This session was saved in an older format (version {version}); it was updated. "
        "Saving keeps a copy of the original beside it."
    ),
    T.mark("'{name}' is not a file that can be opened as a session."),
    T.mark("'{name}' is empty: it holds no session (perhaps a save was interrupted)."),
    T.mark("'{name}' is {size} MB; a session file is at most {max} MB, so this is not one."),
    T.mark("'{name}' no longer exists."),
    T.mark("'{name}' cannot be read (permission denied)."),
    T.mark("'{name}' is a folder, not a session file."),
    T.mark("'{name}' cannot be read: {reason}."),
    T.mark("A session file is at most {max} MB; this is larger."),
    T.mark("The file is empty: it holds no session."),
    T.mark("This is not a Calculus Explorer session (it is not JSON text)."),
    T.mark("This is not a Calculus Explorer session (it is not UTF-8 text)."),
    T.mark("The file is damaged (line {line}, column {column}): {reason}. Nothing was changed."),
    T.mark("The file is damaged: it holds a value that cannot be read."),
    T.mark("The file names '{key}' twice in one place, so it is ambiguous; it was not opened."),
    T.mark("The file holds {name}, which is not a number a session can contain."),
    T.mark("The file holds the number {number}…, beyond what a session can hold."),
    T.mark("This is not a Calculus Explorer session (it has no 'format' and 'version')."),
    T.mark("This is not a Calculus Explorer session (format {format})."),
    T.mark("{path}: expected a whole number, got {value}."),
    T.mark(
        "Saved by a newer version of Calculus Explorer (format {version}; this app reads up "
        "to {supported}). Update the app to open it; the file was not changed."
    ),
    T.mark("{path}: {version} is not a session format version."),
    T.mark("{path}: expected an object, got {kind}."),
    T.mark("{path}: expected a list, got {kind}."),
    T.mark("{path}: {count} panels; a session has at most {max}."),
    T.mark("{path}: expected an object with the panel's name."),
    T.mark("{path}: expected text, got {kind}."),
    T.mark("{path}: {count} characters; at most {max}."),
    T.mark("{path}: at most {max} parameters."),
    T.mark("{path}: expected a number; it starts at 1."),
    T.mark("{path}: a broken character was replaced by '?'."),
    T.mark("{error}; it keeps its default."),
    T.mark("{error}; the {title} panel starts with its defaults."),
    T.mark("Could not save '{name}': {reason}. The file on disk was not changed."),
    T.mark("an object"),
    T.mark("a list"),
    T.mark("text"),
    T.mark("true/false"),
    T.mark("a number"),
    T.mark("null"),
    T.mark("{path}: expected an object, got {kind}"),
    T.mark("{path}: unknown key {key} (known: {names})"),
    T.mark("{path}: expected a list, got {value}"),
    T.mark("{path}: expected true or false, got {value}"),
    T.mark("{path}: expected a whole number, got {value}"),
    T.mark("{path}: expected text, got {value}"),
    T.mark("{path}: expected a number, got {value}"),
    T.mark("{path}: expected a finite number, got {value}"),
    T.mark("{path}: expected a list of {count} items, got {value}"),
    # a panel's saved state that its dataclass refuses (explorer.core.panel_state)
    T.mark("$.{path}: {error}"),
    T.mark("detach must list definition names"),
    T.mark("inputs name the same input twice"),
    T.mark("rule_seed must be between 0 and 2³² − 1"),
    T.mark("speed and tolerance must be positive"),
    T.mark("theta must be a finite number"),
    T.mark("colours: {colour} is not a colour like #1a2b3c"),
    T.mark("curves: at most {max} besides f"),
    T.mark("frame must be between 0 and steps ({steps}), got {frame}"),
    T.mark("ftc_x must be a number from {low} to {high}"),
    T.mark("input name {name} is not a name"),
    T.mark("input {name}: {message}"),
    T.mark("mode must be one of {names} (got {value})"),
    T.mark("n must be a whole number from 1 to {max} (got {value})"),
    T.mark("rule must be one of {names} (got {value})"),
    T.mark("rule_sizes must be between 1 and {max}"),
    T.mark("seed must be a whole number from 0 to {max}"),
    T.mark("selected: {value} is not a curve index"),
    T.mark("shading: {value} is not one of {names}"),
    T.mark("start must be one or two finite numbers, got {value}"),
    T.mark("step must be a whole number from 0 to {max}"),
    T.mark("steps must be between 0 and {max}, got {value}"),
    T.mark("tolerance must be a positive number up to {max}"),
    T.mark("view must be one of {names} (got {value})"),
    T.mark("{name} must be a number from {low} to {high} (got {value})"),
    T.mark("{name} must be finite numbers"),
    T.mark("{name} must run from a smaller to a larger number"),
    # the Gradient tab's critical points (explorer.core.gradient.critical)
    T.mark(
        "minimum at {where}, f = {value}: Hessian eigenvalues {low} and {high} are both positive"
    ),
    T.mark(
        "maximum at {where}, f = {value}: Hessian eigenvalues {low} and {high} are both negative"
    ),
    T.mark(
        "saddle at {where}, f = {value}: Hessian eigenvalues {low} and {high} have opposite signs"
    ),
    T.mark(
        "degenerate at {where}, f = {value}: a Hessian eigenvalue is 0 ({low}, {high}): "
        "the test is inconclusive"
    ),
    # the Graph tab's cards and edge labels (explorer.core.graph.labels)
    T.mark("{kind} · requires_grad=False"),
    T.mark("{title}  ({subtitle})"),
    T.mark("value = {value}"),
    T.mark("op: {op}"),
    T.mark("adds {value}"),
    T.mark("adds {value} to ∂{output}/∂{name}"),
    T.mark("detach(): no gradient"),
    T.mark("detach(): no gradient flows back"),
    T.mark("{partial}: detach(): no gradient flows back"),
    T.mark("{partial} = {value} (vector)"),
    T.mark("= {value} (vector)"),
]
