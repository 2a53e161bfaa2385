"""``calculus-explorer diff`` and ``export derivative``, run as a user would (cli_runner)."""

from __future__ import annotations

import pytest
import sympy
from cli_runner import run_cli, run_cli_process


def test_diff_prints_the_seed_numbers():
    # A real process: the command starts sympy's worker from its own interpreter.
    result = run_cli_process("diff", "3x^2 - 4x", "--at", "1", "--steps", "--limit-table")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "f′(x) = 6x − 4" in out
    assert "f′(1) = 2" in out
    assert "Tangent at x = 1: y = 2x − 3" in out
    assert "Difference rule" in out and "Power rule" in out
    seed = [line for line in out.splitlines() if line.startswith("h=0.0")]
    assert seed[:2] == ["h=0.00010, numerical limit=2.00030", "h=0.00001, numerical limit=2.00003"]
    assert "h=1e-12" in out


def test_diff_derivative_matches_sympy_at_a_point():
    result = run_cli("diff", "sin(x)^2*exp(-x)", "--at", "pi/4")
    assert result.returncode == 0, result.stderr
    x = sympy.Symbol("x", real=True)
    exact = sympy.diff(sympy.sin(x) ** 2 * sympy.exp(-x), x).subs(x, sympy.pi / 4)
    line = next(line for line in result.stdout.splitlines() if line.startswith("f′(0.785398)"))
    value = float(line.split("=")[1].replace("−", "-"))
    assert value == pytest.approx(float(exact), rel=1e-5)


def test_diff_with_parameters_and_without_a_derivative():
    result = run_cli("diff", "a*x^2 + b", "--at", "2", "--param", "a=3")
    assert result.returncode == 0, result.stderr
    assert "f′(2) = 12" in result.stdout
    assert "Parameters: a = 3, b = 1" in result.stdout
    kink = run_cli("diff", "|x|", "--at", "0")
    assert kink.returncode == 0
    assert "f′(0) does not exist" in kink.stdout and "corner" in kink.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("diff", "3x^2 - "), "column 6"),
        (("diff", "x^2", "--limit-table"), "--at"),
        (("diff", "x^2", "--at", "pi/"), "--at"),
        (("diff", "x^2", "--param", "ab=1"), "--param"),
    ],
)
def test_diff_bad_input_exits_2_with_a_message(args, expected):
    result = run_cli(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_export_derivative_writes_the_image(tmp_path, suffix):
    out = tmp_path / f"t.{suffix}"
    result = run_cli(
        "export", "derivative", "--expr", "x^3 - 1/x", "--at", "1", "--out", str(out),
        "--width", "640", "--height", "400", "--xrange", "-3", "3",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if suffix == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (
            640,
            400,
        )
    else:
        assert b"<svg" in data and "f′(x)".encode() in data


@pytest.mark.parametrize("value", ["10", "-7.125"])
def test_export_derivative_uses_parameters_outside_the_slider_travel(tmp_path, value):
    # The sliders run -5 .. 5 in steps of 0.01; --param must reach the plot exactly anyway.
    # The exported tangent readout must match the diff command's for the same parameter,
    # and its slope 2a at x = 1 is checked against the hand derivative of a*x^2.
    out = tmp_path / "t.svg"
    exported = run_cli(
        "export", "derivative", "--expr", "a*x^2", "--param", f"a={value}", "--at", "1",
        "--out", str(out),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    printed = run_cli("diff", "a*x^2", "--param", f"a={value}", "--at", "1", "--no-simplify")
    assert printed.returncode == 0, printed.stderr
    tangent = next(line for line in printed.stdout.splitlines() if line.startswith("Tangent"))
    equation = tangent.split(": ", 1)[1]
    slope = 2 * float(value)
    # The command line's numbers paste into Python (ASCII minus); the picture keeps the real minus.
    assert equation.startswith(f"y = {slope:g}x")
    svg = out.read_text(encoding="utf-8")
    assert f"Tangent at x₀ = 1:  {equation.replace('-', '−')}<" in svg
    assert f"slope f′(1) = {slope:g}<".replace("-", "−") in svg


def test_export_derivative_bad_expression_writes_nothing(tmp_path):
    out = tmp_path / "t.png"
    result = run_cli("export", "derivative", "--expr", "x^3 - 1/", "--out", str(out))
    assert result.returncode == 2
    assert "column 8" in result.stderr
    assert not out.exists()
    reversed_range = run_cli(
        "export", "derivative", "--expr", "x", "--xrange", "3", "1", "--out", str(out)
    )
    assert reversed_range.returncode == 2 and "reversed" in reversed_range.stderr
    assert not out.exists()


def test_diff_prints_sympys_simpler_form_next_to_ours():
    result = run_cli("diff", "x^2 sin(x)/(1 + x^2)")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("f′(x) = ((2x·sin(x)")
    assert lines[2] == (
        "f′(x) = x·(x³·cos(x) + x·cos(x) + 2sin(x))/(x⁴ + 2x² + 1)   (simplified by sympy)"
    )
    # Our own tidying already cancels like terms in any factor order.
    assert run_cli("diff", "sin(x)^2 + cos(x)^2").stdout.splitlines()[1] == "f′(x) = 0"


def test_simplification_past_its_time_limit_is_skipped_not_waited_for():
    from explorer.commands.derivative import simplify_in_worker

    form, note = simplify_in_worker("x^2 sin(x)/(1 + x^2)", timeout=1e-3)
    assert form is None and "ran out of time" in note


def test_diff_kink_point_is_not_given_an_exact_derivative():
    out = run_cli("diff", "abs(x)", "--at", "0", "--limit-table", "--no-simplify").stdout
    assert "f′(0) does not exist" in out
    assert "Exact derivative" not in out
    assert out.splitlines()[-1] == "No exact derivative to compare with: f′(0) does not exist."


@pytest.mark.parametrize("text", ["x*abs(x)", "abs(x)^3", "relu(x)^2"])
def test_diff_mentions_no_kink_where_the_slope_is_smooth(text):
    out = run_cli("diff", text, "--at", "0", "--no-simplify").stdout
    assert "kink" not in out
    assert "f′(0) = 0" in out


def test_diff_overflow_and_huge_quotients_are_named_plainly():
    out = run_cli("diff", "x^2", "--at", "1e300", "--no-simplify").stdout
    assert "overflows float64 at x = 1e300" in out and "not defined" not in out
    table = run_cli("diff", "1/x", "--at", "0", "--limit-table", "--no-simplify").stdout
    assert "central=1.00000e+18" in table and "999999999999999872" not in table
    assert "h=0.00010, numerical limit=-inf" in table  # the seed's rows keep their format


def test_diff_parameter_checks():
    variable = run_cli("diff", "x^2", "--param", "x=3")
    assert variable.returncode == 2 and "x is the variable, not a parameter" in variable.stderr
    unused = run_cli("diff", "x^2", "--param", "a=2", "--no-simplify")
    assert unused.returncode == 0 and "a does not appear in f" in unused.stderr


def test_diff_cancelling_kinks_have_slope_one_and_a_convention_note():
    result = run_cli("diff", "relu(x)-relu(-x)", "--at", "0", "--no-simplify")
    assert result.returncode == 0, result.stderr
    assert "f′(0) = 1" in result.stdout
    assert "Tangent at x = 0: y = x" in result.stdout
    assert "convention" in result.stdout


def test_diff_second_prints_ours_and_sympys_f_second():
    result = run_cli("diff", "x^2 sin(x)/(1 + x^2)", "--second", "--at", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ours = next(line for line in lines if line.startswith("f″(x) = (((2sin(x)"))
    simplified = lines[lines.index(ours) + 1]
    assert simplified == (
        "f″(x) = (4x³·cos(x) + 4x·cos(x) + 2sin(x) − x⁶·sin(x) − 2x⁴·sin(x) − 7x²·sin(x))"
        "/(x⁶ + 3x⁴ + 3x² + 1)   (simplified by sympy)"
    )
    x = sympy.Symbol("x", real=True)
    exact = sympy.diff(x**2 * sympy.sin(x) / (1 + x**2), x, 2).subs(x, 1)
    value = next(line for line in lines if line.startswith("f″(1) = "))
    assert float(value.split("=")[1].replace("−", "-")) == pytest.approx(float(exact), rel=1e-5)


def test_diff_second_without_simplifying_and_where_f_prime_has_no_slope():
    result = run_cli("diff", "x^3 - 1/x", "--second", "--at", "0", "--no-simplify")
    assert result.returncode == 0, result.stderr
    assert "f″(x) = 6x − 2/x³" in result.stdout
    assert "simplified by sympy" not in result.stdout
    assert "f″(0) does not exist" in result.stdout
    assert "f″" not in run_cli("diff", "x^3 - 1/x", "--no-simplify").stdout


def test_export_derivative_is_titled_with_f_and_its_derivative(tmp_path):
    # The export is never shown on screen; its title must still name both curves in full.
    out = tmp_path / "t.svg"
    result = run_cli(
        "export", "derivative", "--expr", "x^3 - 1/x", "--at", "1", "--out", str(out)
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "f(x) = x³ − 1/x" in svg
    assert "f′(x) = 3x² + 1/x²" in svg
