"""``calculus-explorer self-test``: open the window, run one worker job, close; for packagers.

A standalone build can start and still be broken where only a running window shows it: a Qt
plugin left out, a panel module the analysis did not see, or the symbolic worker (a spawned
process, which a frozen app must re-enter through ``multiprocessing.freeze_support``). This
command exercises each of those and prints how long the window took to appear.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from explorer.commands import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandError,
    CommandRegistry,
    use_offscreen_qt_without_display,
)

WORKER_TIMEOUT_S = 60.0
EXPECTED_DERIVATIVE = "2·x"  # sympy's one-line form of d/dx x²


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "self-test",
        help="open the main window offscreen, run one job in the symbolic worker, close it "
        "(checks a standalone build)",
        configure=_configure,
        run=run_self_test,
    )


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--worker-timeout",
        type=float,
        default=WORKER_TIMEOUT_S,
        metavar="SECONDS",
        help=f"how long the worker may take to answer (default {WORKER_TIMEOUT_S:g})",
    )


def run_self_test(args: argparse.Namespace) -> int:
    """Window, every panel, the worker: report each, exit 1 on the first that fails."""
    use_offscreen_qt_without_display()
    started = time.perf_counter()
    from PySide6.QtCore import QSettings

    from explorer.ui.app import ensure_application
    from explorer.ui.main_window import MainWindow

    app = ensure_application()
    with tempfile.TemporaryDirectory(prefix="calculus-explorer-self-test-") as folder:
        # A throwaway settings file: a self-test never changes the user's window or input.
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        try:
            window.show()
            app.processEvents()
            shown_ms = (time.perf_counter() - started) * 1000
            print(f"Window shown in {shown_ms:.0f} ms with tabs: {_tab_titles(window)}", flush=True)
            print(f"Language: {_language()}", flush=True)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                app.processEvents()
            answer_ms = _worker_round_trip(app, window, args.worker_timeout)
            print(f"Symbolic worker answered in {answer_ms:.0f} ms")
        finally:
            window.session.mark_clean()  # nothing here is the user's work: closing never asks
            window.close()
            app.processEvents()
    print("Self-test passed")
    return EXIT_OK


def _language() -> str:
    """The language shown and the catalogue it comes from (a built app's is the compiled .qm)."""
    from explorer.ui import i18n

    catalogue = i18n.catalogue_in_use()
    name = i18n.LANGUAGES[i18n.shown_language()]
    return f"{name} ({catalogue.name})" if catalogue is not None else name


def _tab_titles(window) -> str:
    return ", ".join(window.tabs.tabText(index) for index in range(window.tabs.count()))


def _worker_round_trip(app, window, timeout_s: float) -> float:
    """Ask the window's worker to differentiate x² and wait for its answer, in milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    outcome: dict[str, object] = {}
    loop = QEventLoop()
    bridge = window.worker

    request: list[int] = []

    def finish(request_id: int, key: str, value: object) -> None:
        # The panels use the same worker; only this command's own request counts.
        if request and request_id == request[0]:
            outcome.setdefault(key, value)
            loop.quit()

    bridge.result_ready.connect(lambda rid, _task, result: finish(rid, "result", result))
    bridge.failed.connect(lambda rid, _task, message: finish(rid, "error", message))
    started = time.perf_counter()
    request.append(
        bridge.submit(
            "simplify_derivative", {"text": "x^2"}, timeout=timeout_s, channel="self-test"
        )
    )
    QTimer.singleShot(int((timeout_s + 5) * 1000), loop.quit)
    if not outcome:
        loop.exec()
    elapsed_ms = (time.perf_counter() - started) * 1000
    if "error" in outcome:
        raise CommandError(f"the symbolic worker failed: {outcome['error']}", EXIT_FAILURE)
    result = outcome.get("result")
    if not isinstance(result, dict):
        raise CommandError(
            f"the symbolic worker did not answer within {timeout_s:g} s", EXIT_FAILURE
        )
    if result.get("simplified") != EXPECTED_DERIVATIVE:
        raise CommandError(
            f"the symbolic worker answered d/dx x² = {result.get('simplified')!r}, "
            f"not {EXPECTED_DERIVATIVE!r}",
            EXIT_FAILURE,
        )
    return elapsed_ms
