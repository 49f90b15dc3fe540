#!/usr/bin/env bash
# Install the Debian libraries that the window's Qt needs and this machine lacks.
# What is needed is read from the installed PySide6 itself: ldd lists what the X11
# (xcb) and offscreen platform plugins and the Qt libraries the program uses link
# against, and each library that is "not found" is installed from its Debian package
# (named after the library's soname, as Debian names them: libxcb-icccm.so.4 is in
# libxcb-icccm4). Usage: scripts/qt-deps.sh [PYTHON]   (default .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
qt="$("$python" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "Qt")')"
files=("$qt"/plugins/platforms/libqxcb.so "$qt"/plugins/platforms/libqoffscreen.so)
files+=("$qt"/plugins/xcbglintegrations/*.so)
for module in Core Gui Widgets DBus XcbQpa OpenGL Pdf PdfWidgets Charts Svg; do
  files+=("$qt"/lib/libQt6"$module".so.6)
done
missing=$(for file in "${files[@]}"; do
  [ -e "$file" ] && LD_LIBRARY_PATH="$qt/lib" ldd "$file" 2>/dev/null || true
done | awk '/=> not found/ {print $1}' | sort -u)
[ -n "$missing" ] || exit 0

package_of() {  # libxkbcommon-x11.so.0 -> libxkbcommon-x11-0; libEGL.so.1 -> libegl1
  local name="${1%%.so.*}" version="${1##*.so.}"
  version="${version%%.*}"
  name="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')"
  case "$name" in *[0-9]) printf '%s-%s\n' "$name" "$version" ;; *) printf '%s%s\n' "$name" "$version" ;; esac
}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
need=()
for library in $missing; do
  package="$(package_of "$library")"
  if apt-cache show "$package" >/dev/null 2>&1; then
    need+=("$package")
  else
    echo "warning: $library is missing and no Debian package $package exists" >&2
  fi
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing the libraries Qt needs: ${need[*]}"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
