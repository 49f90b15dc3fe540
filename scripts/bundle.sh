#!/usr/bin/env bash
# Build the installable bundle for this platform with PyInstaller (build.spec) and put
# an archive in dist/: reviewer-VERSION-linux-x86_64.tar.gz on Linux, a .zip of the
# folder on Windows and of Reviewer.app on macOS. A virtual environment of its own
# (build/bundle-venv) gets the program installed as a wheel would be, with PyInstaller
# and nothing of the test tools. Usage: bash scripts/bundle.sh [PYTHON]   (default python3)
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # Debian keeps icupkg in /usr/sbin
cd "$(dirname "$0")/.."
python="${1:-python3}"
case "$(uname -s)" in
  Linux*) platform=linux ;;
  Darwin*) platform=macos ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows ;;
  *) platform="$(uname -s | tr '[:upper:]' '[:lower:]')" ;;
esac
if [ "$platform" = linux ]; then
  # binutils: PyInstaller reads shared libraries with objdump; icu-devtools (icupkg) and
  # a C compiler trim Qt's ICU data (packaging/trim_icu.py); the compilers and the zlib
  # and FreeType headers build NumPy and Pillow lean (below)
  missing=()
  command -v objdump >/dev/null 2>&1 || missing+=(binutils)
  command -v icupkg >/dev/null 2>&1 || missing+=(icu-devtools)
  command -v cc >/dev/null 2>&1 || missing+=(gcc)
  command -v c++ >/dev/null 2>&1 || missing+=(g++)
  [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  [ -d /usr/include/freetype2 ] || missing+=(libfreetype-dev)
  include="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
  [ -f "$include/Python.h" ] || missing+=(python3-dev)
  if [ "${#missing[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "bundle.sh needs (Debian names): ${missing[*]}; install them and run it again" >&2
      exit 1
    fi
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
venv=build/bundle-venv
[ -d "$venv" ] || "$python" -m venv "$venv"
if [ "$platform" = windows ]; then bin="$venv/Scripts"; else bin="$venv/bin"; fi
pip() { "$bin/python" -m pip "$@" 2> >(grep -v '^WARNING: Location' >&2); }
pip install -q --upgrade pip
# the program as a wheel installs it (not editable), and PyInstaller
pip install -q --force-reinstall --no-deps .
pip install -q ".[bundle]"
if [ "$platform" = linux ]; then
  bash scripts/qt-deps.sh "$bin/python"
  # NumPy without OpenBLAS (nothing here multiplies matrices: 28 MB less) and Pillow
  # with only PNG and FreeType (the charts' pictures: 8 MB less), built once from
  # their sources at the versions installed and kept in build/wheels
  wheels=build/wheels
  mkdir -p "$wheels"
  lean() {  # lean PACKAGE CONFIG-SETTINGS...
    local package="$1"; shift
    local installed tag settings folder
    installed="$("$bin/python" -c "from importlib.metadata import version; print(version('$package'))")"
    tag="$("$bin/python" -c 'import sys; print("cp%d%d" % sys.version_info[:2])')"
    # one folder per build: the version, the Python and the settings it was built with
    settings="$(printf '%s\n' "$@" | sha256sum | cut -c1-12)"
    folder="$wheels/$package-$installed-$tag-$settings"
    if ! ls "$folder/"*.whl >/dev/null 2>&1; then
      echo "building $package $installed from source (once)"
      rm -rf "$folder"
      pip wheel -q --no-deps --no-binary "$package" "$@" -w "$folder" "$package==$installed"
    fi
    pip install -q --force-reinstall --no-deps "$folder/"*.whl
  }
  lean numpy -Csetup-args=-Dallow-noblas=true -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none
  lean pillow -C jpeg=disable -C tiff=disable -C jpeg2000=disable -C lcms=disable \
    -C webp=disable -C avif=disable -C xcb=disable -C imagequant=disable -C raqm=disable
fi
version="$("$bin/python" -c 'from importlib.metadata import version; print(version("reviewer"))')"
"$bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
if [ "$platform" = linux ]; then
  # symbol tables of Python and the extension modules (a third of libpython's size);
  # Qt's libraries and plugins and the wheels' own repaired libraries (*.libs) are
  # left as they came
  find dist/reviewer/_internal -type f -name '*.so*' -not -path '*/PySide6/*' \
    -not -path '*.libs/*' -exec strip --strip-unneeded {} +
fi
machine="$(uname -m)"
name="reviewer-$version-$platform-$machine"
cd dist
rm -f "$name".tar.gz "$name".zip
case "$platform" in
  linux) tar -czf "$name.tar.gz" reviewer && archive="$name.tar.gz" ;;
  macos) ditto -c -k --keepParent Reviewer.app "$name.zip" && archive="$name.zip" ;;
  windows) powershell -NoProfile -Command "Compress-Archive -Path reviewer -DestinationPath '$name.zip' -Force" && archive="$name.zip" ;;
  *) tar -czf "$name.tar.gz" reviewer && archive="$name.tar.gz" ;;
esac
echo "dist/$archive"
