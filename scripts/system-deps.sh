#!/usr/bin/env bash
# Debian packages the tests need besides Qt's own libraries (scripts/qt-deps.sh reads
# those from the installed PySide6): poppler (pdftotext, pdffonts, pdftoppm),
# LibreOffice Calc (opening exported workbooks), Xvfb (screenshots of the window), the
# Nanum fonts, and ICU's tools with a C compiler (the bundle's ICU trimming is tested
# on a small data package). Installs only what is missing.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # Debian keeps icupkg in /usr/sbin
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
command -v icupkg >/dev/null 2>&1 && command -v genrb >/dev/null 2>&1 || need+=(icu-devtools)
command -v cc >/dev/null 2>&1 || need+=(gcc)
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
