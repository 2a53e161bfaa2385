"""Python programs run in the worker process: the window keeps ticking, the time limit and the
Stop button end a runaway program with a message, and the last graph stays."""

from PySide6.QtCore import Qt, QTimer

from explorer.ui.graph_view.program_runner import STOPPED
from explorer.ui.panels.graph_panel import PYTHON

# Inside every cap of the interpreter, yet several seconds of work: 180 000 small tensor ops.
BUSY = "x = torch.ones(2)\nwith torch.no_grad():\n    for i in range(10000):\n" + "".join(
    f"        s{k} = torch.sin(x) * x + x / (x + 1)\n" for k in range(18)
)


def test_a_cpu_bound_program_leaves_the_window_responsive_and_stops_at_the_limit(
    graph_panel, qtbot
):
    panel = graph_panel
    model = panel.model
    panel.runner.time_limit = 1.0
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert panel.set_source(BUSY, PYTHON)
    assert panel.runner.isVisible() and "stopped after 1 s" in panel.runner.status.text()
    with qtbot.waitSignal(panel.build_finished, timeout=30_000) as finished:
        pass
    timer.stop()
    assert finished.args == [False]
    assert "The program took longer than 1 s and was stopped." in panel.program.error_label.text()
    assert panel.model is model  # the last graph that built stays
    assert len(ticks) > 20  # the event loop ran all along
    assert not panel.runner.isVisible()


def test_stop_ends_the_program_and_the_next_one_runs(graph_panel, qtbot, settle):
    panel = graph_panel
    panel.set_source(BUSY, PYTHON)
    qtbot.waitUntil(
        lambda: panel.runner._bridge.worker.running_request_id is not None, timeout=30_000
    )
    qtbot.mouseClick(panel.runner.stop_button, Qt.MouseButton.LeftButton)
    assert not panel.runner.running
    assert STOPPED in panel.program.error_label.text()
    panel.set_source("x = torch.arange(3.0, requires_grad=True)\ny = (x * x).sum()\ny.backward()")
    settle(panel)
    assert panel.program.error_label.text() == ""
    assert panel.model.node_named("x").grad.tolist() == [0.0, 2.0, 4.0]
