"""Several curves: names, references to f and f′, errors per entry, and where curves meet."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

from explorer.core.analysis import analyze_curves, define_curves
from explorer.core.expr import parse
from explorer.core.expr.to_numpy import tree_to_numpy


def test_references_expand_to_the_referenced_curve() -> None:
    f, g, h, k = define_curves(["x^3 - 2x", "g(x) = f(x - 1) + 2", "f'(x)", "f''(2x)"])
    assert [d.name for d in (f, g, h, k)] == ["f", "g", "h", "p"]
    grid = np.linspace(-3, 3, 13)
    expected = {
        "g": (grid - 1) ** 3 - 2 * (grid - 1) + 2,
        "h": 3 * grid**2 - 2,
        "p": 6 * (2 * grid),
    }
    for definition in (g, h, k):
        assert definition.ok
        values = tree_to_numpy(definition.tree)(x=grid)
        np.testing.assert_allclose(values, expected[definition.name], atol=1e-12)


def test_reference_agrees_with_sympy_of_the_substituted_formula() -> None:
    _, g = define_curves(["sin(x)*x^2", "g(x) = f'(x^2 + 1)"])
    x = sympy.Symbol("x", real=True)
    f = parse("sin(x)*x^2").to_sympy()
    expected = sympy.diff(f, x).subs(x, x**2 + 1)
    for value in (-1.3, 0.2, 2.5):
        ours = float(tree_to_numpy(g.tree)(x=np.float64(value)))
        assert ours == pytest.approx(float(expected.subs(x, value)), rel=1e-12)


@pytest.mark.parametrize(
    ("texts", "index", "message", "column"),
    [
        (["x^2", "g(x) = h(x)", "h(x) = 1"], 1, "'h' is curve 3, below this one", 8),
        (["x^2", "g(x) = g(x) + 1"], 1, "'g' is this curve itself", 8),
        (["x^2", "3*f"], 1, "'f' is a function: write f(x)", 3),
        (["x^2", "f'''(x)"], 1, "Up to two primes", 1),
        (["sin(", "f(x) + 1"], 1, "'f' has an error; fix it first", 1),
        (["x^2", "g(x) = 1", "g(x) = 2"], 2, "'g' is already the name of curve 2", 1),
    ],
)
def test_errors_stay_with_their_entry(texts, index, message, column) -> None:
    definitions = define_curves(texts)
    broken = definitions[index]
    assert not broken.ok
    assert message in broken.error.message
    assert broken.error.column == column
    assert definitions[0].ok or index == 1


def test_a_broken_entry_leaves_the_others_analysed() -> None:
    definitions = define_curves(["x^2 - 1", "sin(", "x"])
    analysis = analyze_curves(definitions, {}, (-5.0, 5.0))
    assert [c.name for c in analysis.curves] == ["f", "h"]
    assert [p.x for p in analysis.intersections] == pytest.approx(
        [(1 - math.sqrt(5)) / 2, (1 + math.sqrt(5)) / 2], abs=1e-12
    )


def test_intersections_against_sympy() -> None:
    texts = ["x^2 - 2", "cos(x)", "x/3 + 1/2"]
    x = sympy.Symbol("x", real=True)
    analysis = analyze_curves(define_curves(texts), {}, (-4.0, 4.0))
    exprs = [parse(t).to_sympy() for t in texts]
    found = {(p.curve, p.other): [] for p in analysis.intersections}
    for point in analysis.intersections:
        found[(point.curve, point.other)].append(point.x)
    names = ["f", "g", "h"]
    for i in range(3):
        for j in range(i + 1, 3):
            difference = exprs[i] - exprs[j]
            scan = np.linspace(-4, 4, 40_000)
            values = np.array(
                [
                    float(v)
                    for v in tree_to_numpy(parse(f"({texts[i]}) - ({texts[j]})").tree)(x=scan)
                ]
            )
            brackets = np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0)
            expected = [
                float(sympy.nsolve(difference, x, (scan[k], scan[k + 1]), solver="bisect", prec=30))
                for k in brackets
            ]
            ours = sorted(found.get((names[i], names[j]), []))
            assert ours == pytest.approx(expected, abs=1e-9), (texts[i], texts[j])
    for point in analysis.intersections:
        first = exprs[names.index(point.curve)]
        assert point.y == pytest.approx(float(first.subs(x, point.x)), abs=1e-9)


def test_touching_curves_meet_once_and_poles_are_not_crossings() -> None:
    analysis = analyze_curves(define_curves(["x^2", "2x - 1", "1/x"]), {}, (-3.0, 3.0))
    pairs = [(p.curve, p.other, round(p.x, 9)) for p in analysis.intersections]
    assert ("f", "g", 1.0) in pairs  # the tangent line at x = 1
    assert ("f", "h", 1.0) in pairs and ("g", "h", 1.0) in pairs
    assert ("g", "h", -0.5) in pairs  # 2x - 1 = 1/x at x = 1 and x = -1/2
    assert all(abs(x) > 1e-3 for _, _, x in pairs)  # nothing at 1/x's pole
    assert len(pairs) == 4


def test_identical_curves_have_no_isolated_intersections() -> None:
    analysis = analyze_curves(define_curves(["sin(x)", "g(x) = f(x)"]), {}, (-5.0, 5.0))
    assert analysis.intersections == ()
