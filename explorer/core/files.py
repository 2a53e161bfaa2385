"""Writing a user's file so that a crash, a full disk or a locked file never leaves half of it."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# os.replace can fail for a moment on Windows while a virus scanner or a sync client holds the
# target open (WinError 5 / 32); it is tried again for about two seconds before giving up.
REPLACE_ATTEMPTS = 8
REPLACE_FIRST_PAUSE_S = 0.02


class FolderMissingError(FileNotFoundError):
    """The folder a file should be written into does not exist."""


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    pause: Callable[[float], None] = time.sleep,
) -> Path:
    """Write ``data`` to a temp file beside ``path``, fsync it, then rename it over ``path``.

    Either the whole new content is in place afterwards or the old file is untouched and the temp
    file is gone; the error (``OSError``) says why. ``pause`` is how the retry waits (tests pass a
    recorder instead of sleeping).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FolderMissingError(f"The folder '{folder}' does not exist")
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes owner-only files; a saved file should have ordinary permissions.
        os.chmod(temp_name, 0o666 & ~current_umask())
        _replace_with_retries(temp_name, path, pause)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def _replace_with_retries(source: str, target: Path, pause: Callable[[float], None]) -> None:
    delay = REPLACE_FIRST_PAUSE_S
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            pause(delay)
            delay *= 2


def current_umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
