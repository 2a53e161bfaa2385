"""The first- and second-derivative tests named at each extremum, the intervals f′ and f″ give,
and the global extrema on a range or a typed interval."""

from __future__ import annotations

import math

import pytest

from explorer.core.analysis import analyze_curve, analyze_curves, define_curves, prepare_curve


def _curve(text: str, x_range=(-5.0, 5.0)):
    return analyze_curves(define_curves([text]), {}, x_range).curves[0]


def _extremum(analysis, x: float):
    points = analysis.of_kind("local minimum") + analysis.of_kind("local maximum")
    return min(points, key=lambda p: abs(p.x - x))


@pytest.mark.parametrize(
    ("text", "x", "kind", "first", "second"),
    [
        ("x^2", 0.0, "local minimum", "f′ changes from − to +: local minimum", "f″ = 2 > 0"),
        ("-x^2 + 4x", 2.0, "local maximum", "f′ changes from + to −: local maximum", "f″ = −2 < 0"),
        (
            "x^4",
            0.0,
            "local minimum",
            "f′ changes from − to +: local minimum",
            "f″ = 0: the second-derivative test is inconclusive",
        ),
        (
            "-x^6 + 1",
            0.0,
            "local maximum",
            "f′ changes from + to −: local maximum",
            "f″ = 0: the second-derivative test is inconclusive",
        ),
        (
            "abs(x - 1)",
            1.0,
            "local minimum",
            "f′ changes from − to +: local minimum",
            "f′ jumps here (a corner): the second-derivative test does not apply",
        ),
        (
            "cbrt(x)^2",
            0.0,
            "local minimum",
            "f′ changes from − to +: local minimum",
            "f′ does not exist here (a vertical tangent)",
        ),
    ],
)
def test_verdicts_of_both_tests(text, x, kind, first, second) -> None:
    point = _extremum(_curve(text), x)
    assert point.kind == kind
    assert point.x == pytest.approx(x, abs=1e-9)
    assert point.tests[0] == first
    assert point.tests[1].startswith(second)


def test_x_cubed_has_a_stationary_inflection_point_not_an_extremum() -> None:
    analysis = _curve("x^3")
    assert analysis.of_kind("local minimum") == analysis.of_kind("local maximum") == ()
    (inflection,) = analysis.of_kind("inflection point")
    assert inflection.x == 0.0
    assert "not an extremum" in inflection.tests[-1]
    assert [(i.start, i.end, i.sign) for i in analysis.monotonicity] == [(-5.0, 5.0, 1)]


def test_intervals_of_a_cubic() -> None:
    analysis = _curve("x^3 - 3x")
    assert analysis.interval_lines() == [
        "increasing on (−5, −1)",
        "decreasing on (−1, 1)",
        "increasing on (1, 5)",
        "concave down on (−5, 0)",
        "concave up on (0, 5)",
    ]


def test_intervals_stop_at_an_asymptote() -> None:
    analysis = _curve("1/x")
    assert [(i.start, i.end, i.sign) for i in analysis.monotonicity] == [
        (-5.0, 0.0, -1),
        (0.0, 5.0, -1),
    ]
    assert [(i.start, i.end, i.sign) for i in analysis.concavity] == [
        (-5.0, 0.0, -1),
        (0.0, 5.0, 1),
    ]


def test_global_extrema_on_the_range_and_on_a_typed_interval() -> None:
    analysis = _curve("x^3 - 3x")
    assert (analysis.minimum.x, analysis.minimum.y) == (-5.0, -110.0)
    assert (analysis.maximum.x, analysis.maximum.y) == (5.0, 110.0)
    curve = prepare_curve(define_curves(["x^3 - 3x"])[0], {})
    inside, _ = analyze_curve(curve, (-1.5, 1.5))
    assert inside.maximum.x == pytest.approx(-1.0, abs=1e-9)
    assert inside.maximum.y == pytest.approx(2.0, abs=1e-12)
    assert inside.minimum.x == pytest.approx(1.0, abs=1e-9)
    assert inside.minimum.describe("f") == "Global minimum of f: −2 at x = 1"


def test_no_global_extremum_next_to_an_asymptote() -> None:
    analysis = _curve("1/x^2")
    assert analysis.maximum.x is None
    assert "grows without bound" in analysis.maximum.note
    assert analysis.minimum.y == pytest.approx(1 / 25)


def test_parameters_are_shared_and_default_to_one() -> None:
    definitions = define_curves(["a*x^2 - b", "g(x) = f(x) + a"])
    analysis = analyze_curves(definitions, {"a": 2.0, "b": 8.0}, (-5.0, 5.0))
    assert [p.x for p in analysis.curve("f").of_kind("root")] == pytest.approx([-2.0, 2.0])
    assert analysis.curve("g").of_kind("local minimum")[0].y == pytest.approx(-6.0)
    default = analyze_curves(definitions, {}, (-5.0, 5.0))
    assert [p.x for p in default.curve("f").of_kind("root")] == pytest.approx([-1.0, 1.0])


def test_sine_extrema_are_named_by_the_first_derivative_test() -> None:
    analysis = _curve("sin(x)", (0.0, 2 * math.pi))
    (maximum,) = analysis.of_kind("local maximum")
    assert maximum.x == pytest.approx(math.pi / 2, abs=1e-12)
    assert maximum.tests == ("f′ changes from + to −: local maximum", "f″ = −1 < 0: local maximum")


def test_a_view_inside_the_analysed_range_gives_the_same_answers_as_analysing_it() -> None:
    from explorer.core.analysis.shape import restricted

    definitions = define_curves(["x^3 - 3x"])
    wide = analyze_curves(definitions, {}, (-5.0, 5.0))
    curve = prepare_curve(definitions[0], {})
    for view in [(-1.5, 1.5), (0.2, 4.0), (-4.0, -1.2)]:
        cut = restricted(wide.curves[0], wide.samples_of("f"), curve.f, view)
        fresh, _ = analyze_curve(curve, view)
        for mine, theirs in ((cut.minimum, fresh.minimum), (cut.maximum, fresh.maximum)):
            assert mine.x == pytest.approx(theirs.x, abs=1e-9)
            assert mine.y == pytest.approx(theirs.y, abs=1e-9)
        assert [(i.sign, round(i.start, 9), round(i.end, 9)) for i in cut.monotonicity] == [
            (i.sign, round(i.start, 9), round(i.end, 9)) for i in fresh.monotonicity
        ]
        assert [(p.kind, round(p.x, 9)) for p in cut.points] == [
            (p.kind, round(p.x, 9)) for p in fresh.points
        ]


def test_a_step_function_is_constant_on_each_step_and_has_its_y_intercept() -> None:
    analysis = _curve("floor(x)", (-2.0, 2.0))
    pieces = [(round(i.start, 9), round(i.end, 9), i.sign) for i in analysis.monotonicity]
    assert pieces == [(-2.0, -1.0, 0), (-1.0, 0.0, 0), (0.0, 1.0, 0), (1.0, 2.0, 0)]
    assert [(p.kind, p.x, p.y) for p in analysis.points] == [("y-intercept", 0.0, 0.0)]
    assert ("Constant", ["(−2, −1)", "(−1, 0)", "(0, 1)", "(1, 2)"]) in analysis.interval_groups()


@pytest.mark.parametrize(
    ("text", "poles"),
    [("1/x^2", [0.0]), ("1/(x-0.31)^2", [0.31]), ("1/x^2 + 1/(x-0.3)^2", [0.0, 0.3])],
)
def test_intervals_end_at_the_pole_not_at_the_last_sample_before_it(text, poles) -> None:
    # The sampler's break marker lies near, not at, the pole; the pieces on either side must
    # still meet at the asymptote: 1/x² is concave up on (−5, 0) and (0, 5), not (−5, −0.0022).
    analysis = _curve(text)
    for intervals in (analysis.monotonicity, analysis.concavity):
        ends = {i.start for i in intervals} | {i.end for i in intervals}
        for pole in poles:
            assert any(end == pytest.approx(pole, abs=1e-12) for end in ends), (text, intervals)
    assert all(i.sign == 1 for i in analysis.concavity)
    assert [(i.start, i.end) for i in analysis.concavity] == list(
        zip([-5.0, *poles], [*poles, 5.0], strict=True)
    )
