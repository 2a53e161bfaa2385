"""Work around a PySide6 6.12 reference-count bug that crashes the app on Python < 3.12.

PySide6 6.12.0 returns ``None`` from C++ ``void`` methods (``QPainter.setPen``,
``QObject.setObjectName``, ...) without taking a new reference, so every call removes one
reference that was never given. On Python 3.12+ ``None``, ``True`` and ``False`` are immortal and
nothing happens; on 3.11 their count reaches zero after some thousands of calls (a few seconds of
repainting a plot) and the interpreter aborts with "Fatal Python error: none_dealloc" (or
"bool_dealloc"). The workaround gives these three singletons the effectively unlimited count that
3.12 gives them, once, and only when a probe shows the bug is present.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 stolen references would take days of continuous painting; the singletons are never freed
# in a healthy interpreter anyway.
_EXTRA_REFERENCES = 1 << 40


def void_call_steals_none() -> bool:
    """True when calling a void Qt method lowers ``None``'s reference count (the 6.12 bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 8


def protect_singletons() -> bool:
    """Apply the workaround if this interpreter needs it; returns whether it was applied."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal singletons, or a debug build with a different object layout
    if not void_call_steals_none():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (release builds, Python <= 3.11).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA_REFERENCES
    return True
