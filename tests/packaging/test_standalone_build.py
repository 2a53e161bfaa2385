"""The standalone build: its smoke test tries every export kind, and the built app passes it."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import CommandRegistry, build_parser, discover

REPO = Path(__file__).resolve().parents[2]


def _load_smoke():
    spec = importlib.util.spec_from_file_location("smoke", REPO / "packaging" / "smoke.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


smoke = _load_smoke()


def test_smoke_test_has_sample_arguments_for_every_export_kind():
    kinds = set(discover(CommandRegistry()).exports)
    assert kinds <= set(smoke.SAMPLE_EXPORTS), "add the new kind to packaging/smoke.py"


@pytest.mark.parametrize("kind", sorted(discover(CommandRegistry()).exports))
def test_each_sample_export_is_a_valid_command_line(kind):
    parser = build_parser(discover(CommandRegistry()))
    args = parser.parse_args(["export", kind, *smoke.SAMPLE_EXPORTS[kind], "--out", "x.png"])
    assert args.kind == kind


def test_smoke_test_reads_the_kinds_from_export_help():
    env = dict(os.environ, PYTHONPATH=str(REPO))
    help_text = subprocess.run(
        [sys.executable, "-m", "explorer", "export", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout
    assert sorted(smoke.export_kinds(help_text)) == sorted(discover(CommandRegistry()).exports)


def test_self_test_opens_the_window_and_hears_from_the_worker(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "Window shown in" in done.stdout
    assert "Symbolic worker answered" in done.stdout
    assert done.stdout.rstrip().endswith("Self-test passed")


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (pip install pyinstaller); the build is not tried",
)
def test_the_built_bundle_passes_its_smoke_test(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(REPO / "packaging" / "calculus-explorer.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "calculus-explorer"
    assert smoke.main(["smoke", str(bundle)]) == 0
