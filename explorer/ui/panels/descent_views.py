"""The Descent panel's pictures: f(x) with each racer's step along the tangent (1-D), the contour
map with the trajectories (2-D, on the shared field view), and loss against step on a log axis.

Each view gets a whole race once (``show_race``) and then only the timeline's step
(``show_step``): a frame moves markers and cuts the drawn paths at that step, nothing is
recomputed, so playback stays cheap and going back shows exactly what was shown before.
"""

from __future__ import annotations

import math
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from explorer.core.descent.picture import curve_y_bounds, loss_curves, tangent_step
from explorer.core.descent.race import Race
from explorer.core.sampling import sample_curve
from explorer.ui import palette
from explorer.ui.accessible import describe
from explorer.ui.field_view import FieldView
from explorer.ui.i18n import Context, core_text
from explorer.ui.plot import FOREGROUND, PlotView, make_pen
from explorer.ui.plot_style import STYLE_CYCLE

T = Context("DescentPanel")

# One colour per kind, the same in every view, the table and the GIF (Okabe-Ito; black is
# drawn in the text colour on a dark plot, see palette.curve_colour).
RACER_COLORS = {
    "gd": palette.BLUE,
    "momentum": palette.VERMILION,
    "nesterov": palette.BLUISH_GREEN,
    "rmsprop": palette.REDDISH_PURPLE,
    "adam": palette.ORANGE,
    "adagrad": palette.SKY_BLUE,
    "adamw": palette.BLACK,
}
# And one line style and marker per kind, so racers are told apart without their colours: the
# loss plot's legend shows which is which; the points on f and on the map carry the marker.
RACER_STYLES = dict(zip(RACER_COLORS, (*STYLE_CYCLE, "dash", "dot"), strict=True))
RACER_SYMBOLS = dict(zip(RACER_COLORS, ("o", "s", "t", "d", "star", "t1", "x"), strict=True))
FUNCTION_COLOR = "#555555"
PREDICTION_COLOR = "#7b2cbf"  # the learner's guess: a colour no racer uses
# The tangent is drawn this far (in view widths) either side of the current point.
TANGENT_HALF_WIDTH = 0.22
CURVE_SAMPLES = 1200
# Markers beyond this are not drawn (see RacerMarkers.move_to).
FAR = 1e6


def racer_color(kind: str) -> str:
    return RACER_COLORS.get(kind, FOREGROUND)


def racer_style(kind: str) -> str:
    return RACER_STYLES.get(kind, "solid")


def racer_symbol(kind: str) -> str:
    return RACER_SYMBOLS.get(kind, "o")


_ANIMATED: weakref.WeakSet = weakref.WeakSet()


def animated(view: PlotView, item: pg.PlotDataItem) -> pg.PlotDataItem:
    """A curve that changes every frame: the legend stays where ``show_race`` placed it instead
    of being re-placed on every frame (counting samples per corner costs more than a frame)."""
    if item not in _ANIMATED:
        item.sigPlotChanged.disconnect(view.place_legend)
        _ANIMATED.add(item)
    return item


class RacerMarkers(pg.ScatterPlotItem):
    """Every racer's current point: one item whose positions move, brushes made once a race."""

    def __init__(self, size: float) -> None:
        super().__init__(pxMode=True)
        self.setZValue(20)
        self._size = size
        self._brushes: list = []
        self._symbols: list[str] = []
        self._pen = make_pen(FOREGROUND, 1.2)

    def set_racers(self, kinds: list[str]) -> None:
        """Each racer's point in its colour and with its marker, in this order."""
        self._brushes = [pg.mkBrush(racer_color(kind)) for kind in kinds]
        self._symbols = [racer_symbol(kind) for kind in kinds]

    def move_to(self, xs: list[float], ys: list[float]) -> None:
        # A racer far off (diverged to 1e9) is left out: Qt stops painting the whole item when
        # one spot's coordinates are that large, and it is off the view anyway.
        xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
        near = np.isfinite(xs) & np.isfinite(ys) & (np.abs(xs) < FAR) & (np.abs(ys) < FAR)
        brushes = [brush for brush, keep in zip(self._brushes, near, strict=True) if keep]
        symbols = [symbol for symbol, keep in zip(self._symbols, near, strict=True) if keep]
        self.setData(
            x=xs[near], y=ys[near], brush=brushes, symbol=symbols, pen=self._pen, size=self._size
        )


class LossPlot(PlotView):
    """Loss against step, one whole curve per racer (log scale); a dashed line and a dot on each
    curve mark the timeline's step, so a frame moves six small items and redraws no curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, x_label=T("step"), y_label=T("f (log scale)"))
        describe(
            self.plot_widget,
            T.lazy("Plot of the loss f against the step, one curve per optimizer"),
            T.lazy("A dashed line marks the step shown"),
        )
        self.plot_item.setLogMode(x=False, y=True)
        self._loss_values: list[np.ndarray] = []
        self._keys: list[str] = []
        self._log_axis = True
        self._step_line = pg.InfiniteLine(angle=90)
        self._restyle_step_line()
        self.restyled.connect(self._restyle_step_line)
        self.add_item(self._step_line, ignore_bounds=True)
        self.step_markers = RacerMarkers(9)
        self.add_item(self.step_markers, ignore_bounds=True)

    def _restyle_step_line(self) -> None:
        self._step_line.setPen(make_pen(self.theme.foreground, 1.0, "dash"))

    def show_race(self, race: Race) -> None:
        curves = loss_curves(race)
        self._log_axis = curves.log_axis
        self.plot_item.setLogMode(x=False, y=curves.log_axis)
        self.plot_item.setLabel("left", core_text(curves.label))
        for key in self._keys:
            self.remove_curve(key)
        self._keys = []
        self._loss_values = list(curves.curves)
        for index, trajectory in enumerate(race.trajectories):
            key = f"loss{index}"
            self._keys.append(key)
            values = self._loss_values[index]
            kind = trajectory.settings.kind
            self.set_curve(
                key,
                np.arange(len(values)),
                values,
                name=trajectory.label,
                color=racer_color(kind),
                style=racer_style(kind),
            )
        self.step_markers.set_racers([t.settings.kind for t in race.trajectories])
        self.set_view_range((0, max(race.longest, 1)), curves.y_range)

    def show_step(self, step: int) -> None:
        xs, ys = [], []
        for curve in self._loss_values:
            at = min(step, len(curve) - 1)
            xs.append(at)
            # Scatter items get no log mapping from the plot: put the dot at log₁₀ f ourselves.
            value = curve[at]
            ys.append(np.log10(value) if self._log_axis and value > 0 else value)
        self.step_markers.move_to(xs, ys)
        self._step_line.setValue(step)


class CurveView(PlotView):
    """1-D: f(x), each racer's point, the tangent there and the step the tangent promises.

    While ``predicting``, a click on the plot places the learner's guess of the next point
    (``prediction_placed(x, f(x))``), drawn as a hollow ring on f.
    """

    prediction_placed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, x_label="x", y_label="f(x)")
        describe(
            self.plot_widget,
            T.lazy("Plot of f(x) with each optimizer's point and step"),
            T.lazy("Each optimizer's point, the tangent there and the step it promises"),
        )
        self._drawn_race: Race | None = None
        self.predicting = False
        self.prediction_marker = pg.ScatterPlotItem(
            size=16, pen=make_pen(PREDICTION_COLOR, 2.5), brush=pg.mkBrush(None), symbol="o"
        )
        self.prediction_marker.setZValue(20)
        self.add_item(self.prediction_marker, ignore_bounds=True)
        self.plot_widget.scene().sigMouseClicked.connect(self._on_clicked)
        self._items: dict[str, list[pg.GraphicsObject]] = {}
        self._point_markers = RacerMarkers(13)
        self.add_item(self._point_markers, ignore_bounds=True)
        self._step_arrows: list[pg.ArrowItem] = []
        self._racer_count = 0

    def show_race(self, race: Race, x_range: tuple[float, float]) -> None:
        self._drawn_race = race
        objective = race.objective
        curve = sample_curve(lambda x: objective.on_grid(x=x), *x_range, n=CURVE_SAMPLES)
        x, y = curve.display_arrays()
        self.set_curve("f", x, y, name=f"f(x) = {objective.display()}", color=FUNCTION_COLOR)
        for _ in range(len(self._step_arrows), len(race.trajectories)):
            arrow = pg.ArrowItem(headLen=14, tailLen=0, pen=None)
            arrow.setZValue(15)
            self.add_item(arrow, ignore_bounds=True)
            self._step_arrows.append(arrow)
        for index, arrow in enumerate(self._step_arrows):
            arrow.setVisible(index < len(race.trajectories))
        self._point_markers.set_racers([t.settings.kind for t in race.trajectories])
        for index, trajectory in enumerate(race.trajectories):
            color = racer_color(trajectory.settings.kind)
            path = self.set_curve(f"path{index}", [], [], color=color, width=1.2, style="dot")
            animated(self, path)
            # Earlier iterates as small dots on f, so the path's history stays readable.
            path.setSymbol(racer_symbol(trajectory.settings.kind))
            path.setSymbolSize(6)
            path.setSymbolBrush(pg.mkBrush(color))
            path.setSymbolPen(None)
            for key, options in (
                (f"tangent{index}", {"width": 1.5, "style": "dash"}),
                (f"step{index}", {"width": 3.0, "name": trajectory.label}),
                (f"gap{index}", {"width": 1.2, "style": "dot"}),
            ):
                animated(self, self.set_curve(key, [], [], color=color, **options))
            self._step_arrows[index].setBrush(pg.mkBrush(color))
        for index in range(len(race.trajectories), self._racer_count):
            for key in (f"path{index}", f"tangent{index}", f"step{index}", f"gap{index}"):
                self.remove_curve(key)
        self._racer_count = len(race.trajectories)
        self.set_view_range(x_range, curve_y_bounds(race, y) or curve.y_view_range)

    def _on_clicked(self, event) -> None:  # noqa: ANN001 - pyqtgraph's click event
        if not self.predicting or self._drawn_race is None:
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not self.view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        x = float(self.view_box.mapSceneToView(event.scenePos()).x())
        self.place_prediction(x)
        self.prediction_placed.emit(x, self.prediction_marker.data["y"][0])

    def place_prediction(self, x: float | None) -> None:
        """Draw the guess at (x, f(x)); None clears it."""
        if x is None or self._drawn_race is None:
            self.prediction_marker.setData([], [])
            return
        y = float(self._drawn_race.objective.on_grid(x=np.array([x]))[0])
        self.prediction_marker.setData([x], [y if math.isfinite(y) else 0.0])

    def show_step(self, step: int) -> None:
        race = self._drawn_race
        if race is None:
            return
        (x0, x1), _ = self.view_range()
        half = TANGENT_HALF_WIDTH * (x1 - x0)
        now_x, now_y = [], []
        for index, trajectory in enumerate(race.trajectories):
            shown = min(step, trajectory.steps_done)
            xs = trajectory.points[: shown + 1, 0]
            ys = trajectory.losses[: shown + 1]
            self.curve(f"path{index}").setData(xs, ys)
            x_now, y_now = float(xs[-1]), float(ys[-1])
            now_x.append(x_now)
            now_y.append(y_now)
            picture = tangent_step(trajectory, shown)
            arrow = self._step_arrows[index]
            if picture is None:
                for key in (f"tangent{index}", f"step{index}", f"gap{index}"):
                    self.curve(key).setData([], [])
                arrow.setVisible(False)
                continue
            line_x = np.array([x_now - half, x_now + half])
            self.curve(f"tangent{index}").setData(line_x, picture.tangent.line(line_x))
            self.curve(f"step{index}").setData([x_now, picture.x_next], [y_now, picture.predicted])
            # From the tangent's promise down (or up) to the true f(x_{k+1}).
            self.curve(f"gap{index}").setData(
                [picture.x_next, picture.x_next], [picture.predicted, picture.actual]
            )
            arrow.setVisible(True)
            tip = QPointF(picture.x_next, picture.predicted)
            arrow.setPos(tip)
            # The head follows the step's direction on screen (pyqtgraph's angle 0 points left).
            start = self.view_box.mapViewToScene(QPointF(x_now, y_now))
            end = self.view_box.mapViewToScene(tip)
            dx, dy = end.x() - start.x(), end.y() - start.y()
            arrow.setStyle(angle=180.0 + math.degrees(math.atan2(dy, dx)))
        self._point_markers.move_to(now_x, now_y)


class MapView(FieldView):
    """2-D: the contour map of f with every racer's trajectory, point and gradient arrow."""

    start_moved = Signal(float, float)
    # While ``predicting``: a click places, and a drag moves, the learner's guess of the next point.
    prediction_placed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, x_label="x", y_label="y")
        describe(
            self.plot_widget,
            T.lazy("Contour map of f(x, y) with each optimizer's path"),
            T.lazy("The start is the white point"),
        )
        self._drawn_race: Race | None = None
        self.predicting = False
        self.add_handle(
            "start",
            color="#ffffff",
            tooltip=T("The start: drag it, or click the map"),
            name=T.lazy("the start"),
        )
        self.handle_dragged.connect(self._on_handle_dragged)
        self.map_clicked.connect(self._on_map_clicked)
        self.racer_markers = RacerMarkers(11)
        self.add_item(self.racer_markers, ignore_bounds=True)
        # Plain curve items for the paths: a frame sets five of them, and PlotDataItem's
        # bookkeeping (legend, bounds, display copies) would cost more than the frame budget.
        self._paths: list[pg.PlotCurveItem] = []
        self._arrow_length = 1.0

    def _on_handle_dragged(self, key: str, x: float, y: float) -> None:
        (self.prediction_placed if key == "prediction" else self.start_moved).emit(x, y)

    def _on_map_clicked(self, x: float, y: float) -> None:
        if self.predicting:
            self.place_prediction((x, y))
            self.prediction_placed.emit(x, y)
        else:
            self.start_moved.emit(x, y)

    def place_prediction(self, point: tuple[float, float] | None) -> None:
        """Put the draggable guess at ``point``; None hides it."""
        handle = self.add_handle(
            "prediction",
            color=PREDICTION_COLOR,
            tooltip=T("Your prediction: drag it"),
            name=T.lazy("your prediction"),
        )
        handle.setVisible(point is not None)
        if point is not None:
            self.set_handle("prediction", *point)

    def show_race(self, race: Race, x_range, y_range) -> None:  # noqa: ANN001 - ranges
        objective = race.objective
        self._drawn_race = race
        while len(self._paths) > len(race.trajectories):
            self.remove_item(self._paths.pop())
        while len(self._paths) < len(race.trajectories):
            path = pg.PlotCurveItem()
            path.setZValue(5)
            self.add_item(path, ignore_bounds=True)
            self._paths.append(path)
        self.racer_markers.set_racers([t.settings.kind for t in race.trajectories])
        # Clear the old map first, so moving the view does not recompute it for the old f.
        self.set_function(None)
        # Both ranges at once: with the aspect locked, setting x then y would cut x short.
        self.set_home_range(x_range, y_range)
        self.view_box.setRange(xRange=x_range, yRange=y_range, padding=0)
        self.set_function(lambda x, y: objective.on_grid(x=x, y=y))
        self.set_handle("start", float(race.start[0]), float(race.start[1]))
        # Arrows of −∇f at the racers' points: the longest is this share of the view.
        self._arrow_length = 0.12 * min(x_range[1] - x_range[0], y_range[1] - y_range[0])
        ratio = self.devicePixelRatioF()
        for path, trajectory in zip(self._paths, race.trajectories, strict=True):
            kind = trajectory.settings.kind
            path.setPen(make_pen(racer_color(kind), 2.0 * ratio, racer_style(kind)))
            path.setData([], [])

    def show_step(self, step: int) -> None:
        race = self._drawn_race
        if race is None:
            return
        xs, ys, tails, gradients = [], [], [], []
        for index, trajectory in enumerate(race.trajectories):
            shown = min(step, trajectory.steps_done)
            path = trajectory.points[: shown + 1]
            self._paths[index].setData(path[:, 0], path[:, 1])
            point = path[-1]
            xs.append(point[0])
            ys.append(point[1])
            tails.append(point)
            gradients.append(trajectory.gradients[shown])
        self.racer_markers.move_to(xs, ys)
        tail, head = np.array(tails), -np.array(gradients)
        finite = np.all(np.isfinite(head), axis=1) & np.all(np.isfinite(tail), axis=1)
        norms = np.linalg.norm(head[finite], axis=1)
        largest = float(norms.max()) if norms.size else 0.0
        head = head[finite] * (self._arrow_length / largest if largest > 0 else 0.0)
        tail = tail[finite]
        self.set_arrows(
            "gradients", tail[:, 0], tail[:, 1], head[:, 0], head[:, 1], color=FOREGROUND
        )
