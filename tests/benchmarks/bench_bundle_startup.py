"""Start of the standalone build vs the installed app, to the first window (budget ≤ 1.2×).

Both run ``self-test`` offscreen in a fresh process; the time is taken in this process from the
launch to the moment the child's "Window shown" line arrives, so the bundle's bootloader and
unpacking count. Runs alternate between the two and the medians are compared.

    python tests/benchmarks/bench_bundle_startup.py [BUNDLE_DIR] [runs]
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def time_to_window(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    env["PYTHONPATH"] = str(REPO)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO
    )
    shown = None
    for line in process.stdout:
        if line.startswith("Window shown") and shown is None:
            shown = time.perf_counter() - started
    if process.wait() != 0 or shown is None:
        raise SystemExit(f"{' '.join(command)} failed (exit {process.returncode})")
    return shown * 1000


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dist" / "calculus-explorer"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    app = bundle / "calculus-explorer"
    if not app.is_file():
        raise SystemExit(f"no built app at {app}: run packaging/build.sh first")
    installed = [sys.executable, "-m", "explorer", "self-test"]
    frozen = [str(app), "self-test"]
    times: dict[str, list[float]] = {"installed": [], "bundle": []}
    time_to_window(installed)  # warm the file cache for both before measuring
    time_to_window(frozen)
    for _ in range(runs):
        times["installed"].append(time_to_window(installed))
        times["bundle"].append(time_to_window(frozen))
    installed_ms = statistics.median(times["installed"])
    bundle_ms = statistics.median(times["bundle"])
    print(f"installed app: window shown after {installed_ms:.0f} ms (median of {runs})")
    print(f"bundle:        window shown after {bundle_ms:.0f} ms (median of {runs})")
    print(f"ratio bundle / installed = {bundle_ms / installed_ms:.2f}× (budget ≤ 1.2×)")


if __name__ == "__main__":
    main()
