#!/usr/bin/env bash
# deps.sh: make sure this machine can build Orchard (and, with --e2e, run it
# headless). Installs what is missing on Debian/Ubuntu with apt-get; on other
# systems it says what to install.
set -euo pipefail

e2e=0
[[ ${1:-} == --e2e ]] && e2e=1

if ! command -v go >/dev/null; then
  echo "Orchard needs Go 1.26 or newer: https://go.dev/dl/ (then run this again)" >&2
  exit 1
fi

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
for pc in gl:libgl1-mesa-dev x11:libx11-dev xcursor:libxcursor-dev xrandr:libxrandr-dev \
          xinerama:libxinerama-dev xi:libxi-dev xxf86vm:libxxf86vm-dev; do
  if ! pkg-config --exists "${pc%%:*}" 2>/dev/null; then need+=("${pc#*:}"); fi
done
if [[ $e2e == 1 ]]; then
  command -v xvfb-run >/dev/null || need+=(xvfb)
  command -v xauth >/dev/null || need+=(xauth)
  command -v xdotool >/dev/null || need+=(xdotool)
  command -v import >/dev/null || need+=(imagemagick)
  [[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so || -e /usr/lib/aarch64-linux-gnu/dri/swrast_dri.so ]] || need+=(libgl1-mesa-dri)
fi
[[ ${#need[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing packages for building Orchard: ${need[*]}" >&2
  echo "Install the C compiler and the OpenGL/X11 development headers for your system (see README.md)." >&2
  exit 1
fi
sudo=""
[[ $(id -u) -ne 0 ]] && sudo=sudo
echo "Installing: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
