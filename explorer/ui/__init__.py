"""The desktop user interface: PySide6 + pyqtgraph widgets on top of the pure core."""

import os

# Every UI module is imported through this package, so this runs before any pyqtgraph import and
# makes pyqtgraph bind to PySide6 even when another Qt binding is installed.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import PySide6.QtCore  # noqa: E402, F401

from explorer.ui.qt_compat import protect_singletons  # noqa: E402

# Before any widget paints: PySide6 6.12 on Python 3.11 would otherwise abort the app after a few
# seconds of repainting (see qt_compat).
protect_singletons()
