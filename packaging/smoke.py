"""Smoke test of a built standalone app: version, one headless export of each kind, the window
(in English, and in Chinese from the compiled catalogue the build made with pyside6-lrelease).

Usage: python3 packaging/smoke.py [dist/calculus-explorer]   (standard library only)
Exits non-zero on the first failure, saying which check failed and what the app printed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "calculus-explorer"

# One headless export per kind. A kind the app offers but this table lacks fails the smoke test,
# so a new export kind cannot ship untried (tests/packaging checks the table against the app).
SAMPLE_EXPORTS: dict[str, list[str]] = {
    "function": ["--expr", "x^3 - 1/x"],
    "derivative": ["--expr", "3x^2 - 4x", "--at", "1"],
    "graph": ["log(exp(x) + exp(y))", "--at", "x=0,y=0.6931471805599453"],
    "gradient": ["log(exp(x)+exp(y))", "--at", "0,ln(2)"],
    "integral": ["--expr", "x^2", "--from", "0", "--to", "1"],
    "descent": ["x^2 + 2y^2", "--start", "-5,-2", "--opt", "sgd:lr=0.1", "--steps", "20"],
}


def export_kinds(help_text: str) -> list[str]:
    """The kinds ``export --help`` lists: argparse indents each sub-command name by 4 spaces."""
    kinds = re.findall(r"^    ([a-z][a-z_-]*)(?:\s|$)", help_text, flags=re.MULTILINE)
    if not kinds:
        raise ValueError("no export kinds listed by 'export --help'")
    return kinds


def main(argv: list[str]) -> int:
    bundle = Path(argv[1]) if len(argv) > 1 else DEFAULT_BUNDLE
    app = bundle / "calculus-explorer"
    if not app.is_file():
        print(f"smoke: no built app at {app}; run packaging/build.sh first", file=sys.stderr)
        return 1
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")

    def run(*args: str, **extra: str) -> str:
        done = subprocess.run(
            [str(app), *args], capture_output=True, text=True, env={**env, **extra}, timeout=180
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"'{' '.join(args)}' exited {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done.stdout

    try:
        print(run("--version").strip())
        kinds = export_kinds(run("export", "--help"))
        missing = [kind for kind in kinds if kind not in SAMPLE_EXPORTS]
        if missing:
            raise RuntimeError(f"no sample arguments for export kind(s): {', '.join(missing)}")
        with tempfile.TemporaryDirectory() as folder:
            for kind in kinds:
                for suffix in (".png", ".svg"):
                    out = Path(folder) / f"{kind}{suffix}"
                    run("export", kind, *SAMPLE_EXPORTS[kind], "--out", str(out))
                    if out.stat().st_size == 0:
                        raise RuntimeError(f"export {kind} wrote an empty {out.name}")
                print(f"export {kind}: PNG and SVG written")
        print(run("self-test").strip())
        # A Chinese system: the window's tabs in Chinese, translated from the bundle's zh.qm.
        chinese = run("self-test", LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", LANGUAGE="zh_CN")
        print(chinese.strip())
        if "简体中文 (zh.qm)" not in chinese:
            raise RuntimeError("the app on a Chinese system did not load the compiled zh.qm")
    except (RuntimeError, ValueError, OSError, subprocess.TimeoutExpired) as error:
        print(f"smoke: FAILED: {error}", file=sys.stderr)
        return 1
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"smoke: passed; bundle {size / 2**20:.0f} MiB in {bundle}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
