"""Run the command line as a user would: ``run_cli`` in this process, ``run_cli_process`` outside.

``run_cli`` calls ``explorer.cli.main``, the function behind ``calculus-explorer`` and
``python -m explorer``, with stdout and stderr captured, and answers like ``subprocess.run``
(exit code, both texts). It costs milliseconds where a fresh interpreter importing Qt, numpy and
the app costs a second or more, a hundred times over. What only a real process shows (the
offscreen platform chosen without a display, ``python -m explorer`` as the entry point, a reader
that closes the pipe, the worker started from the command's own process) is pinned by the tests
that use ``run_cli_process``.
"""

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from explorer.cli import main

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``calculus-explorer ARGS`` run by its ``main`` here, with its output and exit code."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as done:  # argparse's --help, --version and usage errors
            code = done.code if isinstance(done.code, int) else int(done.code is not None)
            if isinstance(done.code, str):  # as the interpreter reports sys.exit("message")
                print(done.code, file=err)
    return subprocess.CompletedProcess(
        ["calculus-explorer", *args], code, out.getvalue(), err.getvalue()
    )


def run_cli_process(*args: str) -> subprocess.CompletedProcess:
    """``python -m explorer ARGS`` in a real subprocess with no display at all."""
    env = dict(os.environ)
    # No display: the CLI itself must pick the offscreen platform for exports.
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
