#!/usr/bin/env bash
# Refresh the window's Korean translation: collect tr() strings (and the column titles
# written with header(), which lupdate reads like translate()) into the .ts file, then
# compile the .qm the program loads. Translate the new entries in the .ts file; the
# tests fail while any is unfinished.
set -euo pipefail
cd "$(dirname "$0")/../src/reviewer"
PATH="$PWD/../../.venv/bin:$PATH"
pyside6-lupdate $(find ui -name '*.py' | sort) -tr-function-alias translate+=header \
    -ts resources/translations/reviewer_ko.ts -target-language ko_KR -no-obsolete
pyside6-lrelease resources/translations/reviewer_ko.ts -qm resources/translations/reviewer_ko.qm
