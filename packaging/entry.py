"""Entry point of the standalone build: the same `main` as `calculus-explorer`, frozen-safe."""

import multiprocessing

from explorer.cli import main

if __name__ == "__main__":
    # The symbolic worker is a `spawn`ed process: in a frozen app the child re-runs this
    # executable, and freeze_support() turns that run into the worker instead of a second app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
