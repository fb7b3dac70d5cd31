#!/usr/bin/env bash
# e2e.sh: build the real binary, start it under Xvfb on a demo workspace,
# screenshot its window and fail unless the window really rendered.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG_OVERRIDE:-en_US.UTF-8}
out=${E2E_OUT:-$(mktemp -d)}
mkdir -p "$out"
go build -o "$out/orchard" .
# Start-up builds the first screen on a goroutine while the main one makes
# and shows the window (app/startup.go); a race-detecting build of the app
# as users get it (migrated to fyne.Do) checks that the two share nothing.
go build -race -tags migrated_fynedo -o "$out/orchard-race" .
rm -f "$out/demo.orchard"*
"$out/orchard" demo --db "$out/demo.orchard" >/dev/null
# No toolkit messages on stderr whatever the locale (C.UTF-8 is the default
# of many Linux systems).
for loc in C C.UTF-8 POSIX en_US.UTF-8 de_DE.UTF-8; do
  errs=$(env -u LC_ALL -u LANGUAGE LANG=$loc "$out/orchard" summary --db "$out/demo.orchard" 2>&1 >/dev/null)
  if [[ -n $errs ]]; then echo "e2e: with LANG=$loc orchard printed on stderr: $errs" >&2; exit 1; fi
done

printf 'Customer,Contact,Job title,Reports to,Stance\nNorthwind Logistics,Hanna Berg,COO,,supporter\nNorthwind Logistics,Jonas Lind,Head of Fleet,Hanna Berg,sceptical\n' >"$out/contacts.csv"

cat >"$out/inner.sh" <<INNER
set -u
export HOME="$out/home" XDG_CONFIG_HOME="$out/home/.config" LANG=en_US.UTF-8
mkdir -p "\$HOME"
"$out/orchard" --db "$out/demo.orchard" >"$out/app.log" 2>&1 & pid=\$!
wid=""
for i in \$(seq 1 60); do
  wid=\$(xdotool search --name '^Orchard' 2>/dev/null | head -n 1 || true)
  [[ -n \$wid ]] && break
  sleep 0.5
done
if [[ -z \$wid ]]; then echo "e2e: no Orchard window appeared" >&2; kill \$pid; exit 1; fi
sleep 3
import -window "\$wid" "$out/window.png"
kill \$pid; wait \$pid 2>/dev/null
# (-noreset above keeps the X server up between the two runs.)
# The import wizard on a spreadsheet: read, understood and planned on
# goroutines that hand their results to the window through fyne.Do.
wid=""
for attempt in 1 2 3; do
  "$out/orchard" --db "$out/demo.orchard" --import "$out/contacts.csv" >"$out/import.log" 2>&1 & pid=\$!
  for i in \$(seq 1 60); do
    wid=\$(xdotool search --name '^Orchard' 2>/dev/null | head -n 1 || true)
    [[ -n \$wid ]] && break
    kill -0 \$pid 2>/dev/null || break # it could not reach the display: try again
    sleep 0.5
  done
  [[ -n \$wid ]] && break
  sleep 1
done
if [[ -z \$wid ]]; then echo "e2e: no Orchard window appeared for the import" >&2; kill \$pid; exit 1; fi
sleep 4
import -window "\$wid" "$out/import.png"
kill \$pid; wait \$pid 2>/dev/null
# Five starts of the race-detecting build, each until its first content.
for run in 1 2 3 4 5; do
  ORCHARD_STARTUP_PROBE=1 GORACE=halt_on_error=1 "$out/orchard-race" --db "$out/demo.orchard" >"$out/race-\$run.out" 2>"$out/race-\$run.log" & pid=\$!
  for i in \$(seq 1 120); do
    grep -q first-content "$out/race-\$run.out" && break
    kill -0 \$pid 2>/dev/null || break
    sleep 0.5
  done
  sleep 0.5
  kill \$pid 2>/dev/null; wait \$pid 2>/dev/null
done
exit 0
INNER
xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" bash "$out/inner.sh"

read -r w h colours < <(identify -format '%w %h %k\n' "$out/window.png")
# The most common colour's share: an empty or black frame is one colour.
top=$(convert "$out/window.png" -format %c histogram:info:- | sort -rn | awk 'NR == 1 {sub(":", "", $1); print $1}')
share=$(( top * 100 / (w * h) ))
echo "e2e: window ${w}x${h}, ${colours} distinct colours, commonest colour covers ${share}% (screenshot: $out/window.png)"
fail=0
(( w >= 1000 && h >= 600 && w <= 1280 && h <= 720 )) || { echo "e2e: window is ${w}x${h}, expected to fit a 1280x720 screen and be at least 1000x600" >&2; fail=1; }
(( colours >= 64 )) || { echo "e2e: only ${colours} colours: the window did not render its content" >&2; fail=1; }
(( share <= 97 )) || { echo "e2e: ${share}% of the window is one colour: blank frame" >&2; fail=1; }
grep -q "Northwind Logistics" < <("$out/orchard" summary --db "$out/demo.orchard") || { echo "e2e: summary lacks the sample accounts" >&2; fail=1; }
# The wizard must have drawn over the window, and no Fyne call may have
# come from the wrong thread.
read -r iw ih icolours < <(identify -format '%w %h %k\n' "$out/import.png")
echo "e2e: import wizard ${iw}x${ih}, ${icolours} distinct colours (screenshot: $out/import.png)"
changed=$(compare -metric AE "$out/window.png" "$out/import.png" null: 2>&1 | awk '{print int($1)}' || true)
(( icolours >= 64 && changed * 100 / (iw * ih) >= 20 )) || { echo "e2e: the import wizard did not render (${changed} pixels differ from the plain window)" >&2; fail=1; }
if grep -qi "thread" "$out/app.log" "$out/import.log"; then
  echo "e2e: Fyne reported a call from the wrong thread:" >&2; grep -i "thread" "$out/app.log" "$out/import.log" >&2; fail=1
fi
raced=0
for run in 1 2 3 4 5; do
  if grep -q "DATA RACE" "$out/race-$run.log"; then
    echo "e2e: start-up $run of the race-detecting build raced:" >&2; head -n 60 "$out/race-$run.log" >&2; raced=1
  elif ! grep -q first-content "$out/race-$run.out"; then
    echo "e2e: start-up $run of the race-detecting build never showed its first content:" >&2; tail -n 20 "$out/race-$run.log" >&2; raced=1
  fi
done
if (( raced )); then fail=1; else echo "e2e: the race-detecting build started 5 times to its first content without a data race"; fi
exit $fail
