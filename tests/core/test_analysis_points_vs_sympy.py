"""Points of interest against sympy's solutions on functions the tests generate.

Each function is written as text, parsed by OUR parser, and turned into sympy by our converter
(``Expression.to_sympy``): sympy never sees a string. Its real roots (of the function, f′ and f″)
are the oracle: exact polynomial roots for polynomials and rational functions, and for
trigonometric/exponential compositions sympy's ``nsolve`` (bisection, 30 digits) in every bracket
of a 50,000-point scan. Every point the analysis reports must match one of sympy's, and every
sympy point must be reported, to 1e-9.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.analysis import analyze_curves, define_curves
from explorer.core.expr import parse

X_RANGE = (-5.0, 5.0)
TOLERANCE = 1e-9
X = sympy.Symbol("x", real=True)


def _number(value: float) -> str:
    return repr(float(value))


def _polynomial_from_roots(rng: np.random.Generator, degree: int) -> str:
    """A polynomial with ``degree`` real roots at least 0.05 apart, expanded into coefficients."""
    while True:
        roots = np.sort(rng.uniform(-4.5, 4.5, degree))
        if degree == 1 or np.diff(roots).min() > 0.05:
            break
    coefficients = np.poly(roots) * rng.choice([-1.0, 1.0]) * rng.uniform(0.2, 2.0)
    terms = [f"({_number(c)})*x^{degree - i}" for i, c in enumerate(coefficients)]
    return " + ".join(terms)


def _random_polynomial(rng: np.random.Generator, degree: int) -> str:
    coefficients = rng.normal(0.0, 1.0, degree + 1)
    return " + ".join(f"({_number(c)})*x^{degree - i}" for i, c in enumerate(coefficients))


def _rational(rng: np.random.Generator) -> str:
    values = rng.choice(np.arange(-40, 41) / 10.0, 4, replace=False)
    top = f"(x - {_number(values[0])})*(x - {_number(values[1])})"
    bottom = f"(x - {_number(values[2])})*(x - {_number(values[3])}) + 0"
    return f"({top})/({bottom})"


def _transcendental(rng: np.random.Generator, index: int) -> str:
    k, phase, c = rng.uniform(0.5, 2.5), rng.uniform(-1, 1), rng.uniform(-0.5, 0.5)
    forms = [
        f"sin({_number(k)}*x + {_number(phase)}) - ({_number(c)})",
        f"exp(x/4)*cos({_number(k)}*x) - ({_number(c)})",
        f"exp(-x^2/{_number(2 + k)})*sin(2x) + ({_number(c / 5)})*x",
        f"tanh(x - {_number(phase)}) - sin({_number(k / 2)}*x)",
    ]
    return forms[index % len(forms)]


def _poly_real_roots(expression: sympy.Expr) -> list[float]:
    numerator, _ = sympy.fraction(sympy.together(expression))
    polynomial = sympy.Poly(sympy.expand(numerator), X)
    if polynomial.degree() <= 0:
        return []
    return [float(r) for r in polynomial.nroots(n=30, maxsteps=200) if abs(sympy.im(r)) < 1e-20]


def _scanned_roots(expression: sympy.Expr, changing_only: bool = True) -> list[float]:
    """sympy's nsolve (bisection) in every sign change of a dense scan; our numpy only scans."""
    from explorer.core.derivative.from_sympy import sympy_to_tree
    from explorer.core.expr.to_numpy import tree_to_numpy

    scan = np.linspace(*X_RANGE, 50_000)
    values = tree_to_numpy(sympy_to_tree(expression))(x=scan)
    signs = np.sign(values)
    brackets = np.flatnonzero(
        np.isfinite(values[:-1]) & np.isfinite(values[1:]) & (signs[:-1] * signs[1:] < 0)
    )
    roots = []
    for i in brackets:
        root = sympy.nsolve(expression, X, (scan[i], scan[i + 1]), solver="bisect", prec=30)
        roots.append(float(root))
    return roots


def _in_range(values: list[float], margin: float = 1e-6) -> list[float]:
    low, high = X_RANGE
    return sorted(v for v in values if low + margin < v < high - margin)


def _sign_changes_of(expression: sympy.Expr, candidates: list[float]) -> list[float]:
    """The candidates where ``expression`` really changes sign (checked by sympy at ±1e-6)."""
    kept = []
    for c in candidates:
        left = expression.subs(X, c - 1e-6).evalf(30)
        right = expression.subs(X, c + 1e-6).evalf(30)
        if left.is_real and right.is_real and left * right < 0:
            kept.append(c)
    return kept


def _assert_same(found: list[float], expected: list[float], what: str, text: str) -> None:
    found, expected = sorted(found), sorted(expected)
    assert len(found) == len(expected), f"{what} of {text}: found {found}, sympy {expected}"
    for ours, theirs in zip(found, expected, strict=True):
        assert abs(ours - theirs) <= TOLERANCE * max(1.0, abs(theirs)), (what, text, ours, theirs)


def _check(text: str, polynomial_like: bool) -> None:
    expression = parse(text).to_sympy()
    first = sympy.diff(expression, X)
    second = sympy.diff(first, X)
    solve = _poly_real_roots if polynomial_like else _scanned_roots
    analysis = analyze_curves(define_curves([text]), {}, X_RANGE).curves[0]
    roots = _in_range(solve(expression))
    if polynomial_like:
        roots = [
            r
            for r in roots
            if abs(sympy.fraction(sympy.together(expression))[1].subs(X, r)) > 1e-12
        ]
    critical = _sign_changes_of(first, _in_range(solve(first)))
    inflections = _sign_changes_of(second, _in_range(solve(second)))
    _assert_same([p.x for p in analysis.of_kind("root")], roots, "roots", text)
    extrema = analysis.of_kind("local minimum") + analysis.of_kind("local maximum")
    _assert_same([p.x for p in extrema], critical, "extrema", text)
    for point in extrema:
        bend = float(second.subs(X, point.x))
        expected = "local minimum" if bend > 0 else "local maximum"
        assert point.kind == expected, (text, point)
        assert abs(point.y - float(expression.subs(X, point.x))) <= 1e-9 * max(1, abs(point.y))
    _assert_same(
        [p.x for p in analysis.of_kind("inflection point")], inflections, "inflections", text
    )


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("degree", [2, 3, 4, 5, 6])
def test_polynomials_with_chosen_roots(seed: int, degree: int) -> None:
    _check(_polynomial_from_roots(np.random.default_rng(1000 * degree + seed), degree), True)


@pytest.mark.parametrize("seed", range(5))
def test_polynomials_with_random_coefficients(seed: int) -> None:
    rng = np.random.default_rng(seed)
    _check(_random_polynomial(rng, int(rng.integers(2, 7))), True)


@pytest.mark.parametrize("seed", range(5))
def test_rational_functions(seed: int) -> None:
    _check(_rational(np.random.default_rng(50 + seed)), True)


@pytest.mark.parametrize("seed", range(6))
def test_trigonometric_and_exponential_compositions(seed: int) -> None:
    _check(_transcendental(np.random.default_rng(90 + seed), seed), False)


@pytest.mark.parametrize(
    "text",
    [
        # f″ = 12(x − 0.3)² − 2·10⁻⁶: two inflection points 0.0008 apart, where the analysis
        # samples [−5, 5] every 0.005, so both fall between the same two samples.
        "(x - 0.3)^4 - 0.000001*(x - 0.3)^2 + x",
        # ... and three extrema within 0.0015 (f′ changes sign three times between samples).
        "(x - 0.3)^4 - 0.000001*(x - 0.3)^2 + 1",
        "(x - 1)^4 - 0.000001*(x - 1)^2 + 0.0000000001*sin(x) + 1",
    ],
)
def test_points_closer_than_the_grid_spacing(text: str) -> None:
    _check(text, "sin" not in text)
    concavity = analyze_curves(define_curves([text]), {}, X_RANGE).curves[0].concavity
    # Concave down between the two close inflection points, up on either side.
    assert [piece.sign for piece in concavity if piece.end - piece.start < 0.005] == [-1]


@pytest.mark.parametrize(
    "text", ["x^4", "1/x^2 + 1/(x - 0.3)^2", "1/(x^2 - 1)", "x^6 + 1/x^2", "exp(x) + exp(-x)"]
)
def test_no_inflection_point_where_f2_dips_without_crossing_0(text: str) -> None:
    """f″ comes close to 0 between samples, or changes sign only across a pole."""
    analysis = analyze_curves(define_curves([text]), {}, X_RANGE).curves[0]
    assert analysis.of_kind("inflection point") == ()
