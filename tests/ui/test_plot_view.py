"""PlotView: curves keep NaN gaps, legend entries follow names, reset view, cursor readout."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from explorer.ui.plot import PALETTE, PlotView, make_pen, readout_decimals
from explorer.ui.plot_axes import format_ticks
from explorer.ui.plot_legend import DENSE_POINTS, best_corner, corner_counts


@pytest.fixture
def plot(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def legend_names(view):
    return [label.text for _sample, label in view.legend.items]


def test_set_curve_keeps_nan_gaps_and_connects_finite_only(plot):
    x = np.linspace(-1, 1, 5)
    y = np.array([1.0, 2.0, np.nan, 4.0, 5.0])
    item = plot.set_curve("f", x, y, name="f")
    got_x, got_y = plot.curve_data("f")
    np.testing.assert_array_equal(got_x, x)
    assert np.isnan(got_y[2]) and np.isfinite(np.delete(got_y, 2)).all()
    assert item.opts["connect"] == "finite"
    assert item.curve.opts["connect"] == "finite"


def test_set_curve_replaces_data_and_renames_legend_entry(plot):
    x = np.arange(4.0)
    plot.set_curve("f", x, x, name="first")
    plot.set_curve("f", x, 2 * x, name="second", color=PALETTE[1], style="dash")
    assert plot.curve_keys() == ["f"]
    np.testing.assert_array_equal(plot.curve_data("f")[1], 2 * x)
    assert legend_names(plot) == ["second"]
    assert plot.curve("f").opts["pen"].style() == Qt.PenStyle.DashLine


def test_remove_curve_drops_item_and_legend_entry(plot):
    x = np.arange(3.0)
    plot.set_curve("a", x, x, name="a")
    plot.set_curve("b", x, -x, name="b")
    plot.remove_curve("a")
    plot.remove_curve("never there")
    assert plot.curve_keys() == ["b"]
    assert legend_names(plot) == ["b"]
    assert all(item.name() != "a" for item in plot.plot_item.listDataItems())


def test_mismatched_shapes_and_unknown_style_are_refused(plot):
    with pytest.raises(ValueError, match="shape"):
        plot.set_curve("f", [1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="line style"):
        plot.set_curve("f", [1, 2], [1, 2], style="wiggly")


def test_reset_view_returns_to_the_range_the_panel_set(plot, qtbot):
    plot.set_curve("f", [-3, 3], [-9, 9])
    plot.set_view_range((-3, 3), (-10, 10))
    plot.view_box.setRange(xRange=(0, 0.5), yRange=(1, 2), padding=0)
    assert plot.view_range()[0] == pytest.approx((0, 0.5))
    plot.reset_view_action.trigger()
    (x0, x1), (y0, y1) = plot.view_range()
    assert (x0, x1) == pytest.approx((-3, 3))
    assert (y0, y1) == pytest.approx((-10, 10))


def test_add_item_puts_extra_items_in_the_plot(plot):
    line = pg.InfiniteLine(pos=1.5, angle=90)
    plot.add_item(line, ignore_bounds=True)
    assert line in plot.plot_item.items
    plot.remove_item(line)
    assert line not in plot.plot_item.items


def test_mouse_move_updates_readout_and_emits_data_coordinates(plot, qtbot, qapp):
    plot.set_curve("f", [-2, 2], [-4, 4])
    plot.set_view_range((-2, 2), (-4, 4))
    # Lay the axes out (their width depends on the tick labels) before mapping coordinates.
    plot.plot_widget.grab()
    qapp.processEvents()
    plot.plot_widget.grab()
    scene_point = plot.view_box.mapViewToScene(pg.Point(1.0, 2.0))
    viewport_point = plot.plot_widget.mapFromScene(scene_point)
    emitted = []
    plot.cursor_moved.connect(lambda x, y: emitted.append((x, y)))
    qtbot.mouseMove(plot.plot_widget.viewport(), viewport_point)
    qtbot.waitUntil(lambda: bool(emitted))
    # The last event is where the pointer ended up (earlier ones may come from its way there).
    x, y = emitted[-1]
    # Whole-pixel rounding: one pixel is about 4/800 data units here.
    assert x == pytest.approx(1.0, abs=0.02)
    assert y == pytest.approx(2.0, abs=0.05)
    assert plot.readout_label.text() == f"x = {x:.3f},  y = {y:.3f}"  # spans 4 and 8: 3 places


def test_message_is_shown_and_hidden(plot):
    plot.set_message("No real values in this range")
    assert plot.message() == "No real values in this range"
    plot.set_message(None)
    assert plot.message() == ""


@pytest.mark.parametrize(
    ("span", "decimals"), [(10.0, 2), (1.0, 3), (0.001, 6), (5000.0, 0), (0.0, 3)]
)
def test_readout_decimals_follow_the_view_span(span, decimals):
    assert readout_decimals(span) == decimals


def test_long_curves_and_axes_repaint_from_a_pixmap_short_ones_do_not(plot):
    from PySide6.QtWidgets import QGraphicsItem

    from explorer.ui.plot import CACHE_MIN_POINTS

    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    x = np.linspace(-5, 5, CACHE_MIN_POINTS)
    long_curve = plot.set_curve("f", x, np.sin(x))
    short_curve = plot.set_curve("tangent", [-5, 5], [0, 1])
    assert long_curve.curve.cacheMode() == cached
    assert short_curve.curve.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert all(plot.plot_item.getAxis(name).cacheMode() == cached for name in ("left", "bottom"))
    # A curve that shrinks to a few points is drawn directly again.
    assert plot.set_curve("f", [0, 1], [0, 1]).curve.cacheMode() == QGraphicsItem.CacheMode.NoCache


def test_cached_curves_look_the_same_and_export_as_vectors(plot, qapp):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QGraphicsItem

    from explorer.ui import export

    x = np.linspace(-5, 5, 2000)
    plot.set_curve("f", x, x * np.sin(x), name="f")
    plot.set_view_range((-5, 5), (-5, 5))
    qapp.processEvents()

    def pixels():
        image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8).copy()

    pixels()  # the first paint lets the axes size themselves to their labels
    qapp.processEvents()
    on_screen_cached = pixels()
    for item in plot.plot_widget.scene().items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    qapp.processEvents()
    assert np.count_nonzero(pixels() != on_screen_cached) == 0
    plot.set_curve("f", x, x * np.sin(x), name="f")  # cached again
    svg_cached = export.svg_bytes(plot.export_target(), 900, 600)
    for item in plot.plot_widget.scene().items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    svg_direct = export.svg_bytes(plot.export_target(), 900, 600)
    assert svg_cached.count(b"<image") == svg_direct.count(b"<image")
    assert len(svg_cached) == len(svg_direct)


def drawn_tick_labels(plot, qapp):
    from PySide6.QtGui import QImage, QPainter

    # The first paints widen the axes to fit their labels (labels that do not fit yet are
    # skipped), as in the app, where the next repaint follows by itself.
    for _ in range(2):
        qapp.processEvents()
        plot.grab()
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        return {
            name: [text for _rect, _flags, text in axis.generateDrawSpecs(painter)[2]]
            for name in ("bottom", "left")
            for axis in [plot.plot_item.getAxis(name)]
        }
    finally:
        painter.end()


def test_ticks_at_the_edges_of_the_range_are_labelled(plot, qapp):
    x = np.linspace(-5, 5, 50)
    plot.set_curve("f", x, x)
    plot.set_view_range((-5, 5), (-5, 5))
    labels = drawn_tick_labels(plot, qapp)
    for name in ("bottom", "left"):
        assert "5" in labels[name] and "\u22125" in labels[name], labels  # typographic minus


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def tick_value(text):
    """Read a tick label back as a number ("−2.5×10⁻¹⁰" → -2.5e-10)."""
    text = text.replace("\u2212", "-")
    mantissa, _, power = text.partition("×10")
    return float(mantissa) * 10.0 ** int(power.translate(_SUPERSCRIPT_DIGITS) or 0)


@pytest.mark.parametrize(
    ("low", "high"),
    [(0.0, 6e32), (-3e-10, 4e-10), (-2e300, 2e300), (1e5, 9e5), (-1.0, 1.0), (0.0, 2e-3)],
)
def test_huge_and_tiny_view_ranges_label_ticks_with_their_true_values(plot, qapp, low, high):
    x = np.linspace(-1, 1, 50)
    plot.set_curve("f", x, np.linspace(low, high, 50))
    plot.set_view_range((-1, 1), (low, high))
    labels = drawn_tick_labels(plot, qapp)["left"]
    axis = plot.plot_item.getAxis("left")
    # No multiplier in the axis title that the tick labels could contradict.
    assert axis.autoSIPrefixScale == 1.0 and "x1e" not in axis.labelString()
    values = [tick_value(text) for text in labels]
    assert len(values) >= 2 and all("e" not in text for text in labels), labels
    spacing = min(np.diff(sorted(values)))
    assert all(low - spacing <= v <= high + spacing for v in values), (labels, low, high)
    assert len(set(labels)) == len(labels)


def test_format_ticks_shares_one_power_of_ten_and_writes_zero_plainly():
    assert format_ticks([0.0, 1e32, 2e32, 5e32], 1e32) == ["0", "1×10³²", "2×10³²", "5×10³²"]
    assert format_ticks([5e31, 1e32, 1.5e32], 5e31) == ["0.5×10³²", "1.0×10³²", "1.5×10³²"]
    assert format_ticks([-2e-10, 0.0, 2e-10], 2e-10) == ["\u22122×10⁻¹⁰", "0", "2×10⁻¹⁰"]
    assert format_ticks([-0.5, 0.0, 0.5, 1.0], 0.5) == ["\u22120.5", "0.0", "0.5", "1.0"]
    assert format_ticks([0.0, 2000.0, 4000.0], 2000.0) == ["0", "2000", "4000"]


def test_corner_counts_on_synthetic_samples():
    # A 100×100 px plot area showing 0…10 × 0…10; legend 30×20 px at 10 px from the edges.
    view = ((0.0, 10.0), (0.0, 10.0))
    # Points at pixel (20, 20) [top-left], (85, 85) [bottom-right], (50, 50) [no corner].
    # Long enough (NaN-padded) to be counted as samples, not resampled along segments.
    padding = np.full(DENSE_POINTS, np.nan)
    curve = (
        np.concatenate([[2.0, np.nan, 8.5, np.nan, 5.0, np.nan], padding]),
        np.concatenate([[8.0, np.nan, 1.5, np.nan, 5.0, 1.0], padding]),
    )
    counts = corner_counts([curve], view, (100, 100), (30, 20), 10)
    assert counts == {"top-left": 1, "top-right": 0, "bottom-left": 0, "bottom-right": 1}
    # A two-point line from the top-left to the bottom-right corner crosses both of them
    # although neither end point lies inside a legend rectangle.
    line = (np.array([0.0, 10.0]), np.array([10.0, 0.0]))
    counts = corner_counts([line], view, (100, 100), (30, 20), 10)
    assert counts["top-left"] > 0 and counts["bottom-right"] > 0
    assert counts["top-right"] == counts["bottom-left"] == 0


def test_best_corner_prefers_fewest_then_keeps_the_current_one():
    counts = {"top-left": 5, "top-right": 0, "bottom-left": 0, "bottom-right": 3}
    assert best_corner(counts, "top-left") == "top-right"
    assert best_corner(counts, "bottom-left") == "bottom-left"


def legend_rect_in_view(plot):
    rect = plot.legend.mapRectToItem(plot.view_box, plot.legend.boundingRect())
    return rect, plot.view_box.boundingRect()


def test_legend_moves_off_the_curve_and_out_of_the_plot_when_no_corner_is_free(plot, qapp):
    x = np.linspace(-5, 5, 1000)
    # x² fills both top corners: the legend leaves its default top-left corner for the bottom.
    plot.set_curve("f", x, x**2, name="f(x) = x²")
    plot.set_view_range((-5, 5))
    qapp.processEvents()
    assert plot.legend_corner() == "bottom-left"
    legend, area = legend_rect_in_view(plot)
    assert legend.bottom() > area.height() / 2 and legend.left() < area.width() / 2
    assert plot.legend.brush().color().alpha() == 220
    # −x² fills the bottom corners: back to the top, and ties keep the first free corner.
    plot.set_curve("f", x, -(x**2), name="f(x) = −x²")
    qapp.processEvents()
    assert plot.legend_corner() == "top-left"
    # A fast sine crosses every corner: the legend goes above the plot area, hiding nothing.
    plot.set_curve("f", x, np.sin(8 * x), name="f(x) = sin(8x)")
    qapp.processEvents()
    assert plot.legend_corner() == "outside"
    assert not plot.legend.isVisible()  # its entries are in the title row, above the area
    assert "sin(8x)" in plot.plot_item.titleLabel.text and plot.plot_item.titleLabel.isVisible()
    # Back to a curve with a free corner: back inside, and the area has its room again.
    plot.set_curve("f", x, x**2, name="f(x) = x²")
    qapp.processEvents()
    assert plot.legend_corner() == "bottom-left"
    assert plot.legend.isVisible() and not plot.plot_item.titleLabel.isVisible()


def _at_ratio(view, ratio):
    """Pretend ``view`` moved to a screen with ``ratio`` and tell it, as Qt would."""
    view.devicePixelRatioF = lambda: ratio
    QApplication.sendEvent(view, QEvent(QEvent.Type.DevicePixelRatioChange))


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_line_pens_are_their_base_width_times_the_device_pixel_ratio(qtbot, ratio):
    view = PlotView()
    qtbot.addWidget(view)
    _at_ratio(view, ratio)
    view.set_curve("f", [0, 1], [0, 1], width=2.5)
    band = pg.PlotDataItem([0, 1], [1, 0], pen=make_pen("#888888", 1.2))
    view.add_item(band)
    assert view.curve("f").opts["pen"].widthF() == pytest.approx(2.5 * ratio)
    assert view.curve("f").curve.opts["pen"].widthF() == pytest.approx(2.5 * ratio)
    assert band.opts["pen"].widthF() == pytest.approx(1.2 * ratio)
    # The axes draw the grid with their pen.
    assert view.plot_item.getAxis("bottom").pen().widthF() == pytest.approx(1.0 * ratio)


def test_pens_follow_a_ratio_change_without_compounding(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    view.set_curve("f", [0, 1], [0, 1], width=2.0, style="dash")
    for ratio in (2.0, 3.0, 2.0, 1.0):
        _at_ratio(view, ratio)
        pen = view.curve("f").opts["pen"]
        assert pen.widthF() == pytest.approx(2.0 * ratio)
        assert pen.style() == Qt.PenStyle.DashLine
    # Replacing a curve at ratio 2 starts from the width asked for, not the scaled one.
    _at_ratio(view, 2.0)
    view.set_curve("f", [0, 1], [1, 0], width=3.0, color="#D55E00")
    pen = view.curve("f").opts["pen"]
    assert pen.widthF() == pytest.approx(6.0)
    assert pen.color().name() == "#d55e00"
