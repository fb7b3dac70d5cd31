#!/usr/bin/env bash
# package-windows.sh: cross-build Orchard's Windows package from Linux.
#
#   scripts/package-windows.sh [OUT_DIR]        (default: dist/windows)
#
# Builds Orchard.exe with the Fyne packaging tool: a GUI program (no console
# window opens when it is started from Explorer), with the icon, name,
# version and ID from FyneApp.toml embedded. Installs the MinGW-w64 cross
# compiler with apt when it is missing. Signing is done afterwards on the
# signed file, see the README ("Windows package").
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist/windows}
fyne_tool=fyne.io/tools/cmd/fyne@v1.7.4

if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "package-windows: installing the MinGW-w64 cross compiler (gcc-mingw-w64-x86-64)"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null
fi

start=$(date +%s)
# The packaging tool runs here; it builds the program for Windows itself.
# It counts builds in FyneApp.toml; the project's copy is put back after.
tools=$(mktemp -d)
cp FyneApp.toml "$tools/FyneApp.toml"
trap 'cp "$tools/FyneApp.toml" FyneApp.toml; rm -rf "$tools"' EXIT
GOBIN=$tools go install "$fyne_tool"
CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "$tools/fyne" package -os windows -release -src . -name Orchard
mkdir -p "$out"
mv -f Orchard.exe "$out/Orchard.exe"
echo "package-windows: $out/Orchard.exe ($(du -h "$out/Orchard.exe" | cut -f1)) built in $(( $(date +%s) - start )) s"
