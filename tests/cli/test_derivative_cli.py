"""``calculus-explorer diff`` and ``export derivative``, run as a user would (subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=REPO,
    )


def test_diff_prints_the_seed_numbers():
    result = run_cli("diff", "3x^2 - 4x", "--at", "1", "--steps", "--limit-table")
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
