"""The graph view: a QGraphicsView with wheel and Ctrl+± zoom, drag to pan, and fit-to-view."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView

from explorer.ui.accessible import describe, show_focus_frame
from explorer.ui.appearance import current_theme, follow_theme
from explorer.ui.graph_view.scene import SCENE_MARGIN, GraphScene
from explorer.ui.i18n import Context

T = Context("GraphPanel")

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
# Below this a fitted graph's text would be smaller than the window's: show part of it at this
# zoom instead (the scene's fonts are the application's size, so 1.0 is the readable zoom).
READABLE_ZOOM = 1.0
_WHEEL_STEP = 1.15
_STEP_KEYS = {
    Qt.Key.Key_Space: "next",
    Qt.Key.Key_Right: "next",
    Qt.Key.Key_Left: "back",
    Qt.Key.Key_Home: "reset",
    Qt.Key.Key_End: "run_all",
}
_STEP_WORDS = {
    "next": T.mark("Step forward (the graph focused)"),
    "back": T.mark("Back one step (the graph focused)"),
    "reset": T.mark("Back to the start (the graph focused)"),
    "run_all": T.mark("Run all steps (the graph focused)"),
}


class GraphView(QGraphicsView):
    """Shows a ``GraphScene``; ``zoom`` is the current scale (1.0 = one scene unit per pixel).

    ``fit_mode`` remembers the last fit ("all" or "readable") until the user zooms or pans
    (then None); ``resized`` lets the panel repeat that fit (a panel built while hidden first
    fits a tiny viewport, and a fit that adds or removes scroll bars resizes the viewport).
    """

    resized = Signal()
    # A stepping key while the graph has focus: "next" (Space, →), "back" (←), "reset" (Home),
    # "run_all" (End).
    key_step = Signal(str)

    def __init__(self, scene: GraphScene, parent=None):
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        describe(
            self,
            T.lazy("Computational graph"),
            T.lazy(
                "One card per value; Space or → evaluates the next step, ← goes back, Home resets, "
                "End runs both passes"
            ),
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        # Every item sets the pen, brush and font it paints with, and pads its bounds for the
        # antialiased stroke: the view need not save the painter per item nor widen exposures
        # (a third of a step's repaint of hundreds of edges).
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        show_focus_frame(self)
        self._follow_theme()
        follow_theme(self, self._follow_theme)
        # + and − with the graph focused: Ctrl++ and Ctrl+− scale the application's text (View),
        # and two actions on one key would leave Qt to fire neither.
        self.zoom_in_action = self._action(
            T.mark("Zoom in"), [QKeySequence("+"), QKeySequence("=")], self.zoom_in
        )
        self.zoom_out_action = self._action(T.mark("Zoom out"), [QKeySequence("-")], self.zoom_out)
        self.fit_action = self._action(
            T.mark("Fit graph to view"), QKeySequence("Ctrl+0"), self.fit_all
        )
        self.fit_mode: str | None = "readable"
        self.anchor_rect = QRectF()  # where a readable-zoom view starts: the inputs or the step

    def _follow_theme(self) -> None:
        self.setBackgroundBrush(QColor(current_theme().background))
        scene = self.scene()
        if isinstance(scene, GraphScene):
            scene.restyle()

    @property
    def auto_fit(self) -> bool:
        return self.fit_mode is not None

    @auto_fit.setter
    def auto_fit(self, value: bool) -> None:
        self.fit_mode = (self.fit_mode or "readable") if value else None

    def key_help(self) -> list[tuple[str, str]]:
        """The stepping keys this view handles itself, for Help ▸ Keyboard Shortcuts."""
        keys: dict[str, list[str]] = {}
        for key, step in _STEP_KEYS.items():
            text = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            keys.setdefault(step, []).append(text)
        return [(T(", ").join(names), T(_STEP_WORDS[step])) for step, names in keys.items()]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        action = _STEP_KEYS.get(event.key())
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        self.key_step.emit(action)
        event.accept()

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = T.action(self, text)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if zoom != self.zoom:
            # Set, not multiplied in: a readable zoom of 1.0 stays exactly 1.0 after many fits.
            self.setTransform(QTransform.fromScale(zoom, zoom))

    def zoom_in(self) -> None:
        self.auto_fit = False
        self._zoom_about_centre(_WHEEL_STEP)

    def zoom_out(self) -> None:
        self.auto_fit = False
        self._zoom_about_centre(1 / _WHEEL_STEP)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.auto_fit = False  # a drag pans: keep what the user looks at
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()

    def _zoom_about_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.set_zoom(self.zoom * factor)
        self.setTransformationAnchor(anchor)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.auto_fit = False
            self.set_zoom(self.zoom * _WHEEL_STEP**steps)
        event.accept()

    def content_rect(self) -> QRectF:
        scene = self.scene()
        if isinstance(scene, GraphScene):
            return QRectF(scene.drawing_rect)  # measured once per drawing
        return scene.itemsBoundingRect() if scene is not None else QRectF()

    def refit(self) -> None:
        """Repeat the last fit (after a resize), unless the user has zoomed or panned since."""
        if self.fit_mode == "all":
            self.fit_all()
        elif self.fit_mode == "readable":
            self.fit_readable()

    def fit_all(self) -> None:
        """Show the whole graph, however small that makes it."""
        self._fit_whole()
        self.fit_mode = "all"

    def _fit_whole(self) -> None:
        rect = self.content_rect()
        if rect.isEmpty():
            return
        margin = SCENE_MARGIN
        self.fitInView(
            rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio
        )
        if self.zoom > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())

    def fit_readable(self) -> None:
        """Fit the graph, but never below a readable zoom: then show the region at
        ``anchor_rect`` (the first input card, or the current step's card) in the top left."""
        self._fit_whole()
        self.fit_mode = "readable"
        rect = self.content_rect()
        if self.zoom < READABLE_ZOOM and not rect.isEmpty():
            self.set_zoom(READABLE_ZOOM)
            anchor = self.anchor_rect if not self.anchor_rect.isEmpty() else rect
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            room = self.sceneRect()  # the drawing and its margin
            left = max(room.left(), anchor.left() - 20)
            top = max(room.top(), anchor.top() - 20)
            self.centerOn(left + visible.width() / 2, top + visible.height() / 2)

    def reveal(self, rect: QRectF, core: QRectF | None = None) -> None:
        """Scroll just enough that ``rect`` (the current card and its edges' labels) is on
        screen; when it is larger than the view, ``core`` (the card) is what counts."""
        if rect.isEmpty():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() - 40 or rect.height() > visible.height() - 40:
            rect = core if core is not None and not core.isEmpty() else rect
        self.ensureVisible(rect, 20, 20)
