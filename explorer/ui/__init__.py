"""The desktop user interface: PySide6 + pyqtgraph widgets on top of the pure core."""

import os

# Every UI module is imported through this package, so this runs before any pyqtgraph import and
# makes pyqtgraph bind to PySide6 even when another Qt binding is installed.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import PySide6.QtCore  # noqa: E402, F401
