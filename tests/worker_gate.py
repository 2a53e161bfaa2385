"""A gate for worker tests: a named pipe that holds a job until the test chooses to let it finish.

The job calls ``wait_at_gate(path)``, which blocks reading the pipe; the test calls ``try_open``
until it returns True (the job has the pipe open and has now been let through). No sleeps, no
timing: the job is known to be still running until the test opens the gate.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def make_gate(folder: Path) -> Path:
    gate = folder / "gate"
    os.mkfifo(gate)
    return gate


def wait_at_gate(gate: str | Path) -> None:
    """Block (in the worker) until the test opens the gate."""
    Path(gate).read_text()


def try_open(gate: Path) -> bool:
    """Let the waiting job through; False while no job holds the gate open for reading yet."""
    try:
        descriptor = os.open(gate, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:  # no reader yet
            return False
        raise
    os.write(descriptor, b"go")
    os.close(descriptor)
    return True
