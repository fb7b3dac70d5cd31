#!/usr/bin/env bash
# startup.sh: time Orchard from start to first content, and its memory then,
# against a Fyne hello-world, on a workspace of N accounts (default 1000).
#
#   scripts/startup.sh [N] [RUNS]          (needs Xvfb: scripts/deps.sh --e2e)
#
# Each program is started RUNS times (default 5) under one virtual screen;
# the time is from starting the process to its "first-content" line, the
# memory its resident set at that moment. Prints each run and the medians.
# The two programs take turns, run by run.
#
# Where Orchard's time goes: ORCHARD_STARTUP_PROFILE=FILE makes it write a
# CPU profile of its start, up to the first frame, to FILE (go tool pprof).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -tags migrated_fynedo -o "$work/orchard" .
go build -tags migrated_fynedo -o "$work/hello" ./scripts/hello
{
  echo "Account Name,Industry,Owner,Annual Revenue,Currency"
  for ((i = 1; i <= n; i++)); do echo "Account $i,Industry $((i % 25)),Owner $((i % 40)),$((i * 1000)),EUR"; done
} >"$work/accounts.csv"
LANG=en_US.UTF-8 "$work/orchard" import "$work/accounts.csv" --db "$work/w.orchard" >/dev/null
measure() { # prints "SECONDS RSS_MB" for one start of the program given
  local start pid line rss
  start=$(date +%s%N)
  coproc PROG { ORCHARD_STARTUP_PROBE=1 LANG=en_US.UTF-8 exec "$@" 2>/dev/null; }
  pid=$PROG_PID
  read -r -t 30 line <&"${PROG[0]}" || true
  local t=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$t $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_all() {
  export DISPLAY=$1
  : >"$work/hello.txt"
  : >"$work/orchard.txt"
  # Interleaved, so that both see the same moments of a noisy machine.
  for ((r = 1; r <= runs; r++)); do
    for prog in hello orchard; do
      if [[ $prog == hello ]]; then m=$(measure "$work/hello"); else m=$(measure "$work/orchard" --db "$work/w.orchard"); fi
      echo "$prog run $r: ${m% *} ms, ${m#* } MB"
      echo "$m" >>"$work/$prog.txt"
    done
  done
  for prog in hello orchard; do
    echo "$prog median: $(cut -d' ' -f1 "$work/$prog.txt" | median) ms, $(cut -d' ' -f2 "$work/$prog.txt" | median) MB"
  done
}
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
run_all :97
