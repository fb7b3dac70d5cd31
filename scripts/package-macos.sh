#!/usr/bin/env bash
# package-macos.sh: build Orchard.app on a Mac (it cannot be cross-built:
# Fyne needs Apple's toolchain for cgo and OpenGL).
#
#   scripts/package-macos.sh [OUT_DIR]        (default: dist/macos)
#
# Builds the program for Apple silicon and for Intel, joins them into one
# universal binary with lipo, and packages it with the Fyne packaging tool:
# icon, name, version and ID from FyneApp.toml; .orchard files open in it.
# Needs Go 1.26+ and the Xcode command line tools (xcode-select --install).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $(uname -s) == Darwin ]] || { echo "package-macos: run this on a Mac" >&2; exit 1; }
out=${1:-dist/macos}
tools=$(mktemp -d)
cp FyneApp.toml "$tools/FyneApp.toml"
trap 'cp "$tools/FyneApp.toml" FyneApp.toml; rm -rf "$tools"' EXIT
GOBIN=$tools go install fyne.io/tools/cmd/fyne@v1.7.4
for arch in arm64 amd64; do
  CGO_ENABLED=1 GOOS=darwin GOARCH=$arch go build -tags migrated_fynedo -trimpath -o "$tools/orchard-$arch" .
done
lipo -create -output "$tools/orchard" "$tools/orchard-arm64" "$tools/orchard-amd64"
"$tools/fyne" package -os darwin -release -executable "$tools/orchard" -name Orchard
mkdir -p "$out"
rm -rf "$out/Orchard.app"
mv Orchard.app "$out/Orchard.app"
echo "package-macos: $out/Orchard.app (universal: arm64 and amd64)"
