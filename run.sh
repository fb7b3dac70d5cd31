#!/usr/bin/env bash
# run.sh: build Orchard and open it. With no arguments it opens the default
# workspace, which on first launch is created holding the sample portfolio.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
export CGO_ENABLED=1
go build -o orchard .
exec ./orchard "$@"
