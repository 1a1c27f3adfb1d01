#!/usr/bin/env bash
# Drag -> screen updates of the real app in a virtual display (software GL, as on a desktop without GPU).
# Usage: benches/drag_latency.sh [SESSION.ron] [SECONDS=4]
# Without SESSION it generates 2,206 managers (`kalibrer generate --managers 2206 --seed 1`).
# Starts $BIN (default target/release/kalibrer) at 1920x1080 in Xvfb (own settings directory),
# selects the first manager of the agenda (PageDown), finds that manager's dot in the lanes
# (the black selection ring, #111111), presses the mouse on it and moves the pointer left
# and right in 4-px steps every 16 ms for SECONDS. Prints how many frames reached the X
# server during the drag (frames per second) and the intervals between them (min / median /
# max), counted through the DAMAGE extension instead of polling the screen (a poll costs
# 60-90 ms here and competes with the app for the two cores). Needs xwd and python3 to find
# the dot, and libXdamage.
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

start_shot=$(snap)

xdotool mousemove "$cx" "$cy"; sleep 0.5
xdotool mousedown 1; sleep 0.5
# Frames reaching the X server during the drag, from the DAMAGE extension (no polling, so
# nothing competes with the app for the CPU): one frame is one XPutImage of the window;
# reports within 3 ms of each other are counted as one frame.
python3 - "$wid" "$disp" "$secs" >"$out" <<'PY' &
import ctypes, sys, time
wid, disp, secs = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
X = ctypes.CDLL("libX11.so.6"); D = ctypes.CDLL("libXdamage.so.1")
X.XOpenDisplay.restype = ctypes.c_void_p; X.XOpenDisplay.argtypes = [ctypes.c_char_p]
X.XPending.argtypes = [ctypes.c_void_p]; X.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
X.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
D.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]; D.XDamageCreate.restype = ctypes.c_ulong
dpy = X.XOpenDisplay(disp.encode())
D.XDamageCreate(dpy, wid, 0)
X.XSync(dpy, 0)
event = ctypes.create_string_buffer(192)
end = time.monotonic() + secs
last = 0.0
while time.monotonic() < end:
    if X.XPending(dpy):
        X.XNextEvent(dpy, event)
        now = time.monotonic()
        if now - last > 0.003:
            print(int(now * 1e9))
        last = now
    else:
        time.sleep(0.0005)
PY
counter=$!
(
  end=$(( $(date +%s%N) + secs * 1000000000 ))
  while [ "$(date +%s%N)" -lt "$end" ]; do
    for dx in 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4 -4; do
      xdotool mousemove_relative -- "$dx" 0; sleep 0.016
    done
  done
) & mover=$!
wait "$counter"
kill "$mover" 2>/dev/null
mover=
before=$(snap)
xdotool mouseup 1
[ -s "$out" ] || { echo "no frame reached the X server during the drag (dot at $cx,$cy)" >&2; exit 1; }
awk -v secs="$secs" -v cx="$cx" -v cy="$cy" '
  { t[NR] = $1 }
  END {
    n = NR
    for (i = 2; i <= n; i++) d[i - 1] = (t[i] - t[i - 1]) / 1e6
    m = n - 1
    if (m > 0) {
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (d[j] < d[i]) { x = d[i]; d[i] = d[j]; d[j] = x }
      printf "drag at (%d,%d) for %d s: %d frames at the X server, %.1f frames/s; interval ms: min=%.0f median=%.0f max=%.0f\n", cx, cy, secs, n, m / ((t[n] - t[1]) / 1e9), d[1], d[int((m + 1) / 2)], d[m]
    } else {
      printf "drag at (%d,%d): %d frame\n", cx, cy, n
    }
  }' "$out"
# The drag moved the dot: the screen before the release differs from the one at the start.
[ "$before" != "$start_shot" ] || echo "the drag did not change the screen" >&2
