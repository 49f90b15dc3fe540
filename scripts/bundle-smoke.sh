#!/usr/bin/env bash
# Smoke test of a built bundle (scripts/bundle.sh): the frozen programs themselves,
# with no Python and no system Korean font. Usage: bash scripts/bundle-smoke.sh [DIR]
# DIR holds the programs: dist/reviewer (default), or Reviewer.app/Contents/MacOS.
#  - reviewer --version is the package's version
#  - the resources and migrations sit at their package paths, with the dist-info
#  - reviewer template and reviewer demo (database, PDF, workbook) work
#  - reviewer-gui renders the chair's dashboard in Korean with the bundled fonts
#  - a reviewer package opens in the reviewer's window (when this build has packages)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bundle="$(cd "${1:-dist/reviewer}" && pwd)"
exe=""
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) exe=".exe" ;; esac
cli="$bundle/reviewer$exe"
gui="$bundle/reviewer-gui$exe"
internal="$bundle/_internal"
[ -d "$internal" ] || internal="$bundle/../Resources"  # macOS .app: data under Resources
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# nothing from the build machine: no settings, no Python, no system fonts
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export QT_QPA_PLATFORM=offscreen
cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fontconfig</cachedir></fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"
python="${PYTHON:-$(command -v python3 || command -v python)}"  # only to read pyproject and check PNGs
ok() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >&2; exit 1; }

expected="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
shown="$("$cli" --version)"
[ "$shown" = "reviewer $expected" ] || fail "reviewer --version: '$shown', expected 'reviewer $expected'"
ok "reviewer --version: $shown"
shown="$("$gui" --version 2>&1 || true)"
[ "$exe" = ".exe" ] || [ "$shown" = "reviewer $expected" ] || fail "reviewer-gui --version: '$shown'"

for file in fonts/NanumGothic.ttf fonts/NanumGothicBold.ttf templates/seoul-2025.toml \
  translations/reviewer_ko.qm icons/reviewer.png; do
  [ -s "$internal/reviewer/resources/$file" ] || fail "missing in the bundle: reviewer/resources/$file"
done
[ -s "$internal/reviewer/store/migrations/env.py" ] || fail "missing: the migrations' env.py"
ls "$internal"/reviewer/store/migrations/versions/0001_*.py >/dev/null || fail "missing: migration versions"
ls -d "$internal"/reviewer-"$expected".dist-info >/dev/null || fail "missing: reviewer-$expected.dist-info"
ok "resources, migrations and dist-info at their package paths"
ls "$internal"/_rl_accel.* >/dev/null 2>&1 || fail "missing: reportlab's accelerators (_rl_accel)"
ok "reportlab's C accelerators"

"$cli" template "$work/round.toml" >/dev/null
cmp -s "$work/round.toml" src/reviewer/resources/templates/seoul-2025.toml || fail "reviewer template differs from the shipped template"
ok "reviewer template"

"$cli" --lang ko demo "$work/demo" --applications 120 >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; fail "reviewer demo"; }
for file in round.db ranking.pdf ranking.xlsx; do
  [ -s "$work/demo/$file" ] || fail "reviewer demo did not write $file"
done
if command -v pdffonts >/dev/null 2>&1; then
  pdffonts "$work/demo/ranking.pdf" | grep -q NanumGothic || fail "the PDF does not embed NanumGothic"
fi
ok "reviewer demo: round.db, ranking.pdf, ranking.xlsx"

"$gui" --lang ko "$work/demo/round.db" --screenshot "$work/dashboard.png" --view dashboard 2>"$work/gui.log" \
  || { cat "$work/gui.log"; fail "reviewer-gui --screenshot"; }
picture="$("$python" scripts/check_png.py "$work/dashboard.png" --min-width 1000 --min-colours 40)" \
  || fail "the dashboard screenshot is blank or small: $picture"
ok "reviewer-gui dashboard screenshot: $picture"
if [ -n "${BUNDLE_SMOKE_KEEP:-}" ]; then
  mkdir -p "$BUNDLE_SMOKE_KEEP" && cp "$work"/*.png "$BUNDLE_SMOKE_KEEP"/
fi

# The reviewer's package and window (the demo round has assignments and proposal PDFs):
# a package made and verified by the frozen command line, then opened in the frozen
# reviewer's window with its proposal shown (QtPdf), the password from the environment.
export REVIEWER_PACKAGE_PASSWORD="${REVIEWER_PACKAGE_PASSWORD:-bundle-smoke-password}"
export REVIEWER_DATA_DIR="$work/reviewer-data"
reviewer_id="${BUNDLE_SMOKE_REVIEWER:-R001}"
"$cli" package create "$work/demo/round.db" --reviewer "$reviewer_id" \
  --out "$work/$reviewer_id.rvpkg" --password-env REVIEWER_PACKAGE_PASSWORD >"$work/package.log" 2>&1 \
  || { cat "$work/package.log"; fail "reviewer package create"; }
"$cli" package verify "$work/$reviewer_id.rvpkg" --password-env REVIEWER_PACKAGE_PASSWORD >/dev/null \
  || fail "reviewer package verify"
"$gui" --lang ko "$work/$reviewer_id.rvpkg" --password-env REVIEWER_PACKAGE_PASSWORD \
  --screenshot "$work/package.png" --view reviewer-form 2>"$work/gui.log" \
  || { cat "$work/gui.log"; fail "reviewer-gui R.rvpkg --screenshot"; }
picture="$("$python" scripts/check_png.py "$work/package.png" --min-width 600 --min-colours 20)" \
  || fail "the reviewer's window screenshot is blank or small: $picture"
[ -z "${BUNDLE_SMOKE_KEEP:-}" ] || cp "$work/package.png" "$BUNDLE_SMOKE_KEEP"/
ok "reviewer package create/verify and the reviewer's window: $picture"
echo "bundle smoke test passed: $bundle"
