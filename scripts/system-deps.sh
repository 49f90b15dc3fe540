#!/usr/bin/env bash
# Debian packages the tests and the window need: Qt's runtime libraries, poppler
# (pdftotext, pdffonts, pdftoppm), LibreOffice Calc (opening exported workbooks),
# Xvfb (screenshots of the window) and the Nanum fonts. Installs only what is missing.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libGL.so.1 \
           libxcb-cursor.so.0 libxkbcommon-x11.so.0; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || {
    need+=(libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libgl1
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
           libxcb-image0 libxcb-randr0 libxcb-xinerama0)
    break
  }
done
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
