#!/usr/bin/env bash
# Set up a virtual environment with the test tools and run everything CI runs:
# ruff (lint and format), mypy, the import-layer contracts, and the whole pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
bash scripts/qt-deps.sh .venv/bin/python
export PATH="$PWD/.venv/bin:$PATH"
ruff check src tests benchmarks packaging
ruff format --check src tests benchmarks packaging
mypy
lint-imports
pytest "$@"
