"""The command line: --version, offscreen exports of the Function plot, bad input exits 2."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import explorer
from explorer.cli import CommandRegistry, build_parser, discover, use_offscreen_qt_without_display

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args, display=False):
    env = dict(os.environ)
    # No display at all: the CLI itself must pick the offscreen platform for exports.
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


def png_size(path):
    # Read the IHDR chunk directly: an independent check that does not go through Qt.
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"calculus-explorer {explorer.__version__}"


def test_export_function_png_has_the_requested_size(tmp_path):
    out = tmp_path / "plot.png"
    result = run_cli(
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
