"""Panels meet the window through one contract, and bind to their state dataclass both ways."""

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QPushButton

from explorer.core.panel_state import DerivativeState, FunctionState
from explorer.ui.main_window import MainWindow
from explorer.ui.panels.derivative.panel import DerivativePanel
from explorer.ui.panels.function_panel import FunctionPanel
from explorer.ui.panels.panel import Panel


@pytest.fixture
def bare_window(qtbot, settings):
    window = MainWindow(settings, load_panels=False)
    window.worker = None
    qtbot.addWidget(window)
    return window


def test_the_window_refuses_what_is_not_a_panel(bare_window):
    with pytest.raises(TypeError, match="must be an explorer.ui.panels.panel.Panel"):
        bare_window.add_panel(QPushButton("not a panel"), "Button")

    class NoExport(Panel):
        pass

    with pytest.raises(TypeError, match="must provide export_target"):
        bare_window.add_panel(NoExport(), "No export")


def test_a_minimal_panel_needs_only_export_target(qtbot, bare_window):
    class Picture(Panel):
        def export_target(self):
            return self

    bare_window.add_panel(Picture(), "Picture")
    # It does not use f(x): the input is greyed out with a hint, and f(x) is never delivered.
    assert not bare_window.expression_input.line_edit.isEnabled()
    assert "not used on the Picture tab" in bare_window.expression_input.hint()
    # The View menu holds only the window's own actions (and the appearance ones).
    texts = [action.text() for action in bare_window.view_menu.actions() if action.text()]
    appearance = [bare_window.appearance_menu.theme_menu.menuAction()]
    appearance += bare_window.appearance_menu.actions()
    own = ["Edit &Expression", "&Full Screen", "&Lessons", "&Language"]
    assert texts == own + [action.text() for action in appearance]
    bare_window.close()  # the default shutdown() is a no-op, closing still works


@pytest.fixture
def function_panel(qtbot):
    panel = FunctionPanel()
    qtbot.addWidget(panel)
    return panel


def test_function_panel_state_to_widgets_and_back(qtbot, function_panel):
    panel = function_panel
    assert panel.state() == FunctionState()
    assert (panel.x_min_input.text(), panel.x_max_input.text()) == ("-5", "5")
    # State → widgets.
    panel.set_state(FunctionState(x_range=(-1.5, 3.0)))
    assert (panel.x_min_input.text(), panel.x_max_input.text()) == ("-1.5", "3")
    # Widget → state (the typed text stays as typed).
    panel.x_max_input.setText("2pi")
    panel.apply_range_inputs()
    assert panel.state().x_range == pytest.approx((-1.5, 6.283185307179586))
    assert panel.x_max_input.text() == "2pi"


def test_derivative_panel_state_to_widgets_without_echo(qtbot):
    panel = DerivativePanel()
    qtbot.addWidget(panel)
    panel.set_expression("x^2")
    assert panel.state() == DerivativeState()
    heard = []
    for signal in (
        panel.side.h_slider.h_changed,
        panel.side.show_band.toggled,
        panel.side.epsilon_input.valueChanged,
        panel.side.x0_input.valueChanged,
    ):
        signal.connect(heard.append)
    wanted = DerivativeState(
        x0=-2.0, x_range=(-3.0, 3.0), h=1e-3, epsilon=0.25, show_band=True, show_second=True
    )
    panel.set_state(wanted)
    assert heard == []  # the controls were written with their signals blocked
    assert panel.state() == wanted
    side = panel.side
    assert side.x0_input.value() == -2.0
    assert side.h_slider.h() == pytest.approx(1e-3)
    assert side.h_slider.readout.text() == "h = 1.0×10⁻³"
    assert side.epsilon_input.value() == 0.25
    assert side.show_band.isChecked() and side.show_second.isChecked()
    assert side.show_secant.isChecked()
    # …and the drawing follows the state: the tangent at x₀ = −2 of x² has slope −4.
    assert panel.tangent.slope == pytest.approx(-4.0)
    # The secant uses the state's h: (f(−1.999) − f(−2))/0.001 = −3.999.
    assert "/h = −3.999" in side.secant_readout.text()
    assert "fsecond" in panel.curves


def test_derivative_panel_widgets_to_state(qtbot):
    panel = DerivativePanel()
    qtbot.addWidget(panel)
    panel.set_expression("x^3")
    side = panel.side
    side.show_secant.setChecked(False)
    side.show_band.setChecked(True)
    side.epsilon_input.setValue(2.0)
    side.h_slider.set_h(1e-4)
    side.x0_input.setValue(0.5)
    assert panel.state() == replace(
        DerivativeState(),
        x0=0.5,
        h=side.h_slider.h(),
        epsilon=2.0,
        show_secant=False,
        show_band=True,
    )
    assert panel.state().h == pytest.approx(1e-4)
    assert panel.tangent.slope == pytest.approx(0.75)
