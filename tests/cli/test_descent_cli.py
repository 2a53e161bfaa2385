"""``calculus-explorer descent``: each optimizer's path summary, as text and as JSON."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli

from explorer.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_issues_command_prints_every_optimizer():
    result = run_cli(
        "descent", "x^2 + 2y^2", "--start", "-5,-2",
        "--opt", "sgd:lr=0.1", "--opt", "momentum:lr=0.1,momentum=0.9", "--opt", "adam:lr=0.3",
        "--steps", "50",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[:2] == [
        "f(x, y) = x² + 2y²",
        "start (x, y) = (-5, -2), 50 steps, tolerance ‖∇f‖ ≤ 0.001",
    ]
    for header in ("GD (η = 0.1)", "Momentum (η = 0.1, μ = 0.9)", "Adam (η = 0.3, β₁ = 0.9"):
        assert any(line.startswith(header) for line in out.splitlines()), header


def test_json_gives_d2ls_point_and_the_divergence(capsys):
    code, out, _ = run(
        capsys, "descent", "x^2 + 2y^2", "--start", "-5,-2",
        "--opt", "sgd:lr=0.1", "--opt", "sgd:lr=0.6", "--steps", "20", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    good, bad = data["optimizers"]
    assert [round(v, 6) for v in good["final_point"]] == [-0.057646, -0.000073]
    assert good["diverged"] is False and good["stopped"] is None
    assert good["settings"] == {"lr": 0.1} and good["torch_optim"] == "SGD"
    assert bad["diverged"] is True
    assert bad["stopped"]["message"].startswith(
        f"diverged at step {bad['steps_done']}: learning rate too large for this curvature"
    )


def test_one_variable_and_a_pole_on_the_path(capsys):
    code, out, _ = run(capsys, "descent", "x^2 + 1/x", "--start", "1", "--opt", "gd:lr=1")
    assert code == 0
    assert "stopped at step 1: it reached x = 0, and f is infinite there (a pole)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("x^2+",), "Expression ends too early"),
        (("x^2", "--start", "1,2"), "--start needs 1 number(s), x, for f(x); got '1,2'"),
        (("x^2 + y", "--start", "1,zz"), "--start"),
        (("x^2", "--opt", "lbfgs"), "Unknown optimizer 'lbfgs'"),
        (("x^2", "--opt", "adam:lr=-1"), "Adam: Invalid learning rate: -1.0"),
        (("x^2", "--steps", "-3"), "--steps must be between 0 and"),
        (("x^2 + z",), "z"),
    ],
)
def test_bad_input_says_what_is_wrong(capsys, args, message):
    code, out, err = run(capsys, "descent", *args)
    assert code == 2
    assert out == ""
    assert message in err and "Traceback" not in err


def test_export_descent_writes_the_animation_as_a_gif(tmp_path):
    from PIL import Image

    out = tmp_path / "race.gif"
    result = run_cli(
        "export", "descent", "x^2 + 2y^2", "--start", "-5,-2",
        "--opt", "sgd:lr=0.1", "--opt", "adam:lr=0.3", "--steps", "20",
        "--frames", "6", "--fps", "5", "--width", "320", "--height", "240", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out} (320×240)"
    gif = Image.open(out)
    assert (gif.size, gif.n_frames, gif.info["duration"]) == ((320, 240), 6, 200)


def test_export_descent_png_is_the_last_frame_and_bad_frames_are_refused(tmp_path):
    out = tmp_path / "race.png"
    result = run_cli("export", "descent", "x^2", "--start", "10", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "(800×600)" in result.stdout and out.stat().st_size > 0
    bad = run_cli("export", "descent", "x^2", "--frames", "0", "--out", str(tmp_path / "a.gif"))
    assert bad.returncode == 2 and "--frames must be at least 1" in bad.stderr
    assert not (tmp_path / "a.gif").exists()
