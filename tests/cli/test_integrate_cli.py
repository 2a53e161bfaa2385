"""``calculus-explorer integrate`` and ``export integral`` as a user runs them."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli


def test_integrate_prints_exact_numeric_sum_and_table():
    result = run_cli(
        "integrate", "x^2", "--from", "0", "--to", "1", "--rule", "midpoint", "--n", "10", "--table"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "∫₀¹ x² dx = 1/3" in lines[1]
    assert "Exact and numeric agree" in result.stdout
    assert "Antiderivative (sympy): F(x) = x³/3 + C" in result.stdout
    assert "Midpoint sum with n = 10: 0.3325 (error 0.000833)" in result.stdout
    assert "n=1, midpoint sum=0.25000, error=8.33e-02" in lines
    assert "Observed order: error ∝ n⁻ᵖ with p = 2 (theory for a smooth f: p = 2)" in lines


def test_integrate_one_over_x_left_of_zero_labels_the_corrected_antiderivative():
    result = run_cli("integrate", "1/x", "--from", "-3", "--to", "-1", "--n", "4")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Antiderivative: F(x) = ln(|x|) + C" in lines
    assert "Antiderivative (sympy)" not in result.stdout  # sympy said log(x)
    assert any(line.startswith("sympy's ln(u) is written ln|u| here") for line in lines)


def test_integrate_json_with_negative_and_infinite_bounds():
    result = run_cli("integrate", "exp(x)", "--from", "-inf", "--to", "0", "--json", "--no-exact")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["numeric"]["value"] == pytest.approx(1.0)
    assert data["sum"] is None and data["exact"] is None


def test_integrate_reports_divergence_and_poles():
    result = run_cli("integrate", "1/x", "--from", "-1", "--to", "1", "--no-exact")
    assert result.returncode == 0
    assert "pole at x = 0, inside [-1, 1]" in result.stdout
    assert "diverges (no value)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("integrate", "sinx", "--from", "0", "--to", "1"), "Unknown name"),
        (("integrate", "x", "--from", "y", "--to", "1"), "lower bound a"),
        (("integrate", "x", "--from", "0", "--to", "1", "--n", "0"), "--n must be from 1"),
    ],
)
def test_integrate_bad_input_exits_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize("positional", [True, False])
def test_export_integral_writes_a_png(tmp_path, positional):
    out = tmp_path / "area.png"
    # Positionally with sympy's exact value; with --expr without it (no worker to start).
    expression = ["x^2"] if positional else ["--expr", "x^2", "--no-exact"]
    result = run_cli(
        "export",
        "integral",
        *expression,
        "--from",
        "0",
        "--to",
        "1",
        "--rule",
        "trapezoid",
        "--n",
        "8",
        "--out",
        str(out),
        "--width",
        "640",
        "--height",
        "400",
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
