"""Free what a test's closed windows leave behind, before the next test in the process starts.

pytest-qt closes a test's widgets and calls deleteLater(), but Qt deletes such objects only in an
event loop, and a window's Python wrapper lives on in reference cycles until the collector next
runs. Without this, a test process kept every window of its earlier tests (about 1,300 widgets
each, pyqtgraph's menus included), every font, palette or language change of a later test went
to all of them, and each UI test was slower than the one before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent


def free_closed_widgets() -> None:
    """Delete the widgets waiting for deleteLater() and collect the wrappers in cycles; then set
    what survives aside from later collections (``gc.freeze``), so that each collection looks
    only at what the next test makes."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    # Collecting a window's wrappers can delete C++ objects that post more deferred deletes.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.freeze()
