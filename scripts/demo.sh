#!/usr/bin/env bash
# Set up a virtual environment and run the demo round end to end:
# sample workbooks → round database (SQLite) → import → selection → PDF and workbook.
# It also installs the Debian libraries the window needs (reviewer gui demo/round.db).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
bash scripts/qt-deps.sh .venv/bin/python   # the libraries the window needs, from ldd
.venv/bin/reviewer demo "${1:-demo}"
