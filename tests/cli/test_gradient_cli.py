"""``calculus-explorer grad`` and ``export gradient``, run as a user would (cli_runner)."""

from __future__ import annotations

import json
import math

import pytest
import sympy
from cli_runner import run_cli

from explorer.cli import main


def test_grad_prints_the_seed_cell():
    result = run_cli("grad", "log(exp(x)+exp(y))", "--at", "0,ln(2)", "--eps", "0.01,-0.03")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "f(P) = 1.09861" in lines
    assert "∂f/∂x = exp(x)/(exp(x) + exp(y)) = 0.333333 at P" in lines
    assert "∂f/∂y = exp(y)/(exp(x) + exp(y)) = 0.666667 at P" in lines
    assert "∇f(P) = (0.333333, 0.666667)" in lines
    assert "|∇f(P)| = 0.745356" in lines
    assert "steepest descent: −∇f/|∇f| = (-0.447214, -0.894427)" in lines
    assert lines[-1].startswith("approximation: 1.0819, true value: 1.0821")


def test_grad_json_matches_sympy_with_a_parameter(capsys):
    # In-process (the same entry point as the subprocess runs) to keep the suite quick.
    code = main(["grad", "a*sin(x*y) + x^2/y", "--at", "-1,pi/3", "--param", "a=2", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    x, y = sympy.symbols("x y", real=True)
    f = 2 * sympy.sin(x * y) + x**2 / y
    point = {x: -1, y: sympy.pi / 3}
    assert data["value"] == pytest.approx(float(f.subs(point)), rel=1e-12)
    for name, symbol in (("x", x), ("y", y)):
        exact = float(sympy.diff(f, symbol).subs(point))
        assert data["partials"][name]["value"] == pytest.approx(exact, rel=1e-12)
    norm = math.hypot(*data["gradient"])
    assert data["norm"] == pytest.approx(norm)
    assert data["steepest_descent"] == pytest.approx([-g / norm for g in data["gradient"]])
    assert data["parameters"] == {"a": 2.0}
    assert "linear_approximation" not in data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log(x*y)", "--at", "-1,1"), "undefined at P"),
        (("x^2", "--at", "1"), "two numbers"),
        (("x^2 + y", "--at", "1,2", "--param", "b=2"), "no parameter 'b'"),
        (("x^2 + sinx", "--at", "1,2"), "Unknown name"),
    ],
)
def test_grad_refuses_bad_input_with_a_message(capsys, args, message):
    assert main(["grad", *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_export_gradient_writes_png_and_svg(tmp_path, qapp):
    png = tmp_path / "map.png"
    result = run_cli(
        "export", "gradient", "x^2 - y^2", "--at", "1,0.5", "--field",
        "--xrange", "-2", "2", "--yrange", "-2", "2",
        "--out", str(png), "--width", "500", "--height", "400",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "map.svg"
    assert main(["export", "gradient", "sin(x)*cos(y)", "--at", "0,0", "--out", str(svg)]) == 0
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]


def test_grad_of_atan2_in_the_second_quadrant(capsys):
    # atan2(y, x) in numpy's order; at (−1, 1) the angle is 3π/4 and both partials are −1/2.
    assert main(["grad", "atan2(y,x)", "--at", "-1,1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "f(P) = 2.35619" in lines
    assert "∂f/∂x = −y/(y² + x²) = -0.5 at P" in lines
    assert "∂f/∂y = x/(y² + x²) = -0.5 at P" in lines
