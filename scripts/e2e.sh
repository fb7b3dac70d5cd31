#!/usr/bin/env bash
# e2e.sh: build the real binary, start it under Xvfb on a demo workspace,
# screenshot its window and fail unless the window really rendered.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG_OVERRIDE:-en_US.UTF-8}
out=${E2E_OUT:-$(mktemp -d)}
mkdir -p "$out"
go build -o "$out/orchard" .
rm -f "$out/demo.orchard"*
"$out/orchard" demo --db "$out/demo.orchard" >/dev/null

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
exit 0
INNER
xvfb-run -a -s "-screen 0 1600x1000x24" bash "$out/inner.sh"

read -r w h colours < <(identify -format '%w %h %k\n' "$out/window.png")
# The most common colour's share: an empty or black frame is one colour.
top=$(convert "$out/window.png" -format %c histogram:info:- | sort -rn | awk 'NR == 1 {sub(":", "", $1); print $1}')
share=$(( top * 100 / (w * h) ))
echo "e2e: window ${w}x${h}, ${colours} distinct colours, commonest colour covers ${share}% (screenshot: $out/window.png)"
fail=0
(( w >= 1000 && h >= 700 )) || { echo "e2e: window is ${w}x${h}, expected at least 1000x700" >&2; fail=1; }
(( colours >= 64 )) || { echo "e2e: only ${colours} colours: the window did not render its content" >&2; fail=1; }
(( share <= 97 )) || { echo "e2e: ${share}% of the window is one colour: blank frame" >&2; fail=1; }
grep -q "Northwind Logistics" < <("$out/orchard" summary --db "$out/demo.orchard") || { echo "e2e: summary lacks the sample accounts" >&2; fail=1; }
exit $fail
