#!/usr/bin/env bash
# Set up a virtual environment and run the demo round end to end:
# sample workbooks → round database (SQLite) → import → selection → PDF and workbook.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/reviewer demo "${1:-demo}"
