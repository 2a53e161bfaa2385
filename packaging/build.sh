#!/usr/bin/env bash
# Build the standalone one-folder app into dist/calculus-explorer/ and smoke-test it.
#   packaging/build.sh            a fresh build environment in build/packaging-venv
#   PYTHON=/path/python packaging/build.sh --here   build with that Python's installed packages
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ "${1:-}" != "--here" ]; then
  venv=build/packaging-venv
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet . "pyinstaller>=6.10"
  python="$venv/bin/python"
fi
"$python" -m PyInstaller --noconfirm --clean \
  --distpath dist --workpath build/pyinstaller packaging/calculus-explorer.spec
python3 packaging/smoke.py dist/calculus-explorer
