#!/usr/bin/env bash
# Drag -> screen updates of the real app in a virtual display (software GL, as on a desktop without GPU).
# Usage: benches/drag_latency.sh [SESSION.ron] [SECONDS=4]
# Without SESSION it generates 2,206 managers (`kalibrer generate --managers 2206 --seed 1`).
# Starts $BIN (default target/release/kalibrer) at 1920x1080 in Xvfb (own settings directory),
# selects the first manager
# of the agenda (PageDown), finds that manager's dot in the lanes (the black selection ring,
# #111111), presses the mouse on it and moves the pointer left and right in 4-px steps every
# 16 ms for SECONDS, while polling the screen. Prints how often the screen changed during the
# drag (updates per second) and the intervals between changed screens (min / median / max),
# plus what one screen poll costs (the resolution: no interval can be shorter than a poll).
# The polling and the pointer mover share the CPU with the app; compare figures taken with
# this same script on the same machine. Same approach as ../shared/tools/latency.sh.
set -u
file=${1:-}; secs=${2:-4}
. "$(dirname "$0")/xvfb_app.sh"
if [ -z "$file" ]; then
  gen=$(mktemp -d)
  "${BIN:-target/release/kalibrer}" generate --managers 2206 --seed 1 --out "$gen/s2206.ron" >/dev/null \
    || { echo "generate failed" >&2; exit 2; }
  file=$gen/s2206.ron
fi
start_app "$file" xwd python3
[ -n "${gen:-}" ] && rm -rf "$gen"
out=$tmp/changes
mover=
trap 'xdotool mouseup 1 2>/dev/null; [ -n "$mover" ] && kill $mover 2>/dev/null; stop_app' EXIT
select_first

# The selected dot: the centre of the #111111 pixels of its ring in the lanes (below the top
# bar, left of the focus card).
xwd -root -silent -display "$disp" >"$tmp/shot.xwd"
read -r cx cy < <(python3 - "$tmp/shot.xwd" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
h = struct.unpack(">25I", data[:100])
header_size, width, height, byte_order, bpp, bytes_per_line, ncolors = h[0], h[4], h[5], h[7], h[11], h[12], h[19]
if bpp != 32:
    sys.exit("unexpected xwd depth %d" % bpp)
pixels = data[header_size + 12 * ncolors:]
xs, ys = [], []
for y in range(90, height // 3):
    row = pixels[y * bytes_per_line:(y + 1) * bytes_per_line]
    for x in range(width * 7 // 10):
        b0, b1, b2 = row[4 * x], row[4 * x + 1], row[4 * x + 2]
        if b0 == 0x11 and b1 == 0x11 and b2 == 0x11:
            xs.append(x); ys.append(y)
if not xs:
    sys.exit("no selected dot found")
# The ring is the lowest cluster of #111111 (the label's frame above it has the same colour).
bottom = max(ys)
ring = [(x, y) for x, y in zip(xs, ys) if y > bottom - 26]
print(round(sum(x for x, _ in ring) / len(ring)), round(sum(y for _, y in ring) / len(ring)))
PY
) || { echo "could not find the selected dot" >&2; exit 1; }
[ -n "${cx:-}" ] || { echo "could not find the selected dot" >&2; exit 1; }

# What one poll costs.
t0=$(date +%s%N); for _ in 1 2 3 4 5; do snap >/dev/null; done; t1=$(date +%s%N)
poll=$(( (t1 - t0) / 5000000 ))

xdotool mousemove "$cx" "$cy"; sleep 0.5
xdotool mousedown 1; sleep 0.5
(
  end=$(( $(date +%s%N) + secs * 1000000000 ))
  while [ "$(date +%s%N)" -lt "$end" ]; do
    for dx in 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4; do
      xdotool mousemove_relative -- "$dx" 0; sleep 0.016
    done
  done
) & mover=$!
prev=$(snap)
while kill -0 "$mover" 2>/dev/null; do
  now=$(snap); t=$(date +%s%N)
  if [ "$now" != "$prev" ]; then echo "$t" >>"$out"; prev=$now; fi
done
mover=
xdotool mouseup 1
[ -s "$out" ] || { echo "the screen did not change during the drag (dot at $cx,$cy)" >&2; exit 1; }
awk -v secs="$secs" -v poll="$poll" -v cx="$cx" -v cy="$cy" '
  { t[NR] = $1 }
  END {
    n = NR
    for (i = 2; i <= n; i++) d[i - 1] = (t[i] - t[i - 1]) / 1e6
    m = n - 1
    if (m > 0) {
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (d[j] < d[i]) { x = d[i]; d[i] = d[j]; d[j] = x }
      printf "drag at (%d,%d) for %d s: %d changed screens, %.1f updates/s; interval ms: min=%.0f median=%.0f max=%.0f; one poll %d ms\n", cx, cy, secs, n, m / ((t[n] - t[1]) / 1e9), d[1], d[int((m + 1) / 2)], d[m], poll
    } else {
      printf "drag at (%d,%d): %d changed screen; one poll %d ms\n", cx, cy, n, poll
    }
  }' "$out"
