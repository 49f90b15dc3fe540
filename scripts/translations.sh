#!/usr/bin/env bash
# Refresh the window's Korean translation: collect tr() strings into the .ts file
# (translate the new entries there), then compile the .qm the program loads.
set -euo pipefail
cd "$(dirname "$0")/../src/reviewer"
pyside6-lupdate ui/*.py -ts resources/translations/reviewer_ko.ts -target-language ko_KR
pyside6-lrelease resources/translations/reviewer_ko.ts -qm resources/translations/reviewer_ko.qm
