"""The command line: --version, offscreen exports of the Function plot, bad input exits 2."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_runner import REPO, run_cli, run_cli_process

import explorer
from explorer.cli import build_parser, discover
from explorer.commands import (
    CommandRegistry,
    expression_argument,
    use_offscreen_qt_without_display,
)


def png_size(path):
    # Read the IHDR chunk directly: an independent check that does not go through Qt.
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_version():
    result = run_cli_process("--version")  # `python -m explorer` is a working entry point
    assert result.returncode == 0
    assert result.stdout.strip() == f"calculus-explorer {explorer.__version__}"


def test_export_function_png_has_the_requested_size(tmp_path):
    out = tmp_path / "plot.png"
    # A real process without a display: the command picks Qt's offscreen platform itself.
    result = run_cli_process(
        "export", "function", "--expr", "x^3 - 1/x", "--out", str(out),
        "--width", "1200", "--height", "800", "--xrange", "-3", "3",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1200, 800)
    assert out.stat().st_size > 10_000  # axes, grid, labels and the curve, not an empty canvas


def test_export_function_svg_is_valid_xml(tmp_path):
    out = tmp_path / "plot.svg"
    result = run_cli("export", "function", "--expr", "sin(x)", "--out", str(out))
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 1200 800"
    assert "<path" in out.read_text(encoding="utf-8")


def test_bad_expression_exits_2_with_message_and_column_and_writes_nothing(tmp_path):
    out = tmp_path / "plot.png"
    result = run_cli("export", "function", "--expr", "x^3 - 1/", "--out", str(out))
    assert result.returncode == 2
    assert "Missing a value after '/'" in result.stderr
    assert "(column " in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--xrange", "5", "-5"], "reversed"),
        (["--width", "0"], "width must be"),
        (["--out-suffix", ".jpg"], "use a .png or .svg"),
    ],
)
def test_other_bad_input_exits_2(tmp_path, extra, message):
    name = "plot" + (extra[1] if extra[0] == "--out-suffix" else ".png")
    args = [] if extra[0] == "--out-suffix" else extra
    out = tmp_path / name
    result = run_cli("export", "function", "--expr", "x^2", "--out", str(out), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not out.exists()


def test_registry_collects_export_kinds_and_commands():
    registry = discover(CommandRegistry())
    assert "function" in registry.exports
    parser = build_parser(registry)
    args = parser.parse_args(["export", "function", "--expr", "x", "--out", "a.png"])
    assert (args.command, args.kind, args.width, args.height) == ("export", "function", 1200, 800)
    with pytest.raises(ValueError, match="already registered"):
        registry.add_export("function", help="", configure=lambda p: None, build_target=None)


def test_offscreen_is_chosen_only_without_a_display(monkeypatch):
    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("X11/Wayland rule")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    use_offscreen_qt_without_display()
    assert "QT_QPA_PLATFORM" not in os.environ
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    use_offscreen_qt_without_display()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


# ----- values that start with a minus sign ---------------------------------------------------


@pytest.fixture(scope="module")
def parser():
    return build_parser(discover(CommandRegistry()))


@pytest.mark.parametrize("token", ["-x^2", "-2pi", "-.5", "-(x+1)", "-|x|", "-inf", "-sin(x)"])
def test_values_starting_with_minus_are_values_not_options(parser, token):
    args = parser.parse_args(["diff", token, "--at", token])
    assert (args.expression, args.at) == (token, token)
    args = parser.parse_args(
        ["export", "derivative", "--expr", token, "--xrange", token, "2pi", "--out", "a.png"]
    )
    assert (expression_argument(args), args.xrange) == (token, [token, "2pi"])
    args = parser.parse_args(["graph", token, "--at", "x=1"])
    assert expression_argument(args) == token


def test_double_dash_before_a_negative_expression_keeps_later_options(parser):
    assert parser.parse_args(["diff", "--", "-x^2", "--at", "1"]).at == "1"
    assert parser.parse_args(["diff", "--at", "1", "--", "-x^2"]).expression == "-x^2"


def test_real_options_still_win(parser, capsys):
    with pytest.raises(SystemExit) as info:
        parser.parse_args(["diff", "-h"])
    assert info.value.code == 0
    assert "--limit-table" in capsys.readouterr().out
    assert parser.parse_args(["diff", "x", "--steps"]).steps is True


def test_diff_of_a_negative_expression_from_the_shell():
    result = run_cli("diff", "-x^2", "--at", "1")
    assert result.returncode == 0, result.stderr
    # d/dx(−x²) = −2x, so −2 at x = 1.
    assert "f′(x) = -2x" in result.stdout and "f′(1) = -2" in result.stdout


def test_export_with_a_negative_constant_range_bound(tmp_path):
    out = tmp_path / "plot.png"
    result = run_cli("export", "function", "--expr", "sin(x)", "--xrange", "-2pi", "2pi",
                     "--out", str(out), "--width", "300", "--height", "200")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (300, 200)


def test_an_infinite_range_reaches_validation_and_exits_2(tmp_path):
    out = tmp_path / "plot.png"
    result = run_cli("export", "function", "--expr", "x", "--xrange", "-inf", "inf",
                     "--out", str(out))  # fmt: skip
    assert result.returncode == 2
    assert "finite" in result.stderr and "expected 2 arguments" not in result.stderr
    assert not out.exists()


# ----- a reader that goes away (| head) --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (("diff", "3x^2 - 4x", "--at", "1", "--steps", "--limit-table"), {128 + 13}),
        (("graph", "log(exp(x)+exp(y))", "--at", "x=0,y=1"), {128 + 13}),
        # argparse itself ignores a failed write of the help text; either way, no traceback.
        (("diff", "--help"), {0, 128 + 13}),
    ],
)
def test_a_closed_pipe_ends_quietly(args, codes):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte, as with `| head -0`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "explorer", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            cwd=REPO,
        )
    finally:
        os.close(write_end)
    for noise in ("Traceback", "BrokenPipeError", "Exception ignored"):
        assert noise not in result.stderr
    assert result.returncode in codes  # 141: what a shell reports for SIGPIPE


# ----- export function --param -----------------------------------------------------------------


def test_export_function_takes_parameters(parser, qapp):
    import numpy as np

    from explorer.commands.export_function import build_function_panel

    args = parser.parse_args(["export", "function", "--expr", "a*x^2 + b", "--param", "a=10",
                              "--param", "b=-3", "--out", "a.png"])  # fmt: skip
    panel = build_function_panel(args)
    curve = panel.last_curve
    finite = np.isfinite(curve.y)
    # Exact, not snapped to the slider's -5 .. 5 travel.
    np.testing.assert_allclose(curve.y[finite], 10 * curve.x[finite] ** 2 - 3, rtol=1e-12)
    assert "a = 10, b = −3" in panel.plot.curve("f").name()
    # A parameter left out starts at 1, as the sliders do.
    args = parser.parse_args(["export", "function", "--expr", "a*x", "--out", "a.png"])
    curve = build_function_panel(args).last_curve
    np.testing.assert_allclose(curve.y, curve.x, rtol=1e-12)


def test_export_function_param_help_and_errors(parser, tmp_path):
    kind = parser._subparsers._group_actions[0].choices["export"]
    help_text = kind._subparsers._group_actions[0].choices["function"].format_help()
    assert "--param NAME=VALUE" in help_text and "default 1" in help_text
    out = tmp_path / "plot.png"
    result = run_cli("export", "function", "--expr", "a*x", "--param", "k=2", "--out", str(out))
    assert result.returncode == 2
    assert "no parameter 'k'" in result.stderr
    assert not out.exists()
