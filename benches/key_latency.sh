#!/usr/bin/env bash
# Key press -> changed screen latency of the real app in a virtual display (software GL, as on a
# desktop without GPU). A corrected copy of ../shared/tools/latency.sh (same usage and output):
# - the screen is compared by its pixels only: xwd's colour map carries padding bytes that
#   differ from one capture to the next (seen with Xvfb 21.1.7), so hashing the whole xwd
#   output reported "changed" screens without any change on screen;
# - the window gets the keyboard focus with `xdotool windowfocus` (there is no window manager,
#   so `windowactivate` fails and key presses went nowhere);
# - the app runs with its own settings directory (no panel sizes left over from earlier runs).
# Usage: benches/key_latency.sh [SESSION.ron] [N=15] [KEY=plus]
# Starts $BIN (default target/release/kalibrer) at 1920x1080, selects the first manager
# (PageDown, checked: the screen must change), then N times: press KEY (alternating plus/minus),
# poll the screen until its pixels change, print milliseconds. Prints n, min, median, max and
# what one poll costs (an interval is measured to within about one poll).
set -u
file=${1:-}; n=${2:-15}; key=${3:-plus}
. "$(dirname "$0")/xvfb_app.sh"
start_app "$file" xwd
trap stop_app EXIT
out=$tmp/ms
select_first
t0=$(date +%s%N); for _ in 1 2 3 4 5; do snap >/dev/null; done; t1=$(date +%s%N)
poll=$(( (t1 - t0) / 5000000 ))
for i in $(seq 1 "$n"); do
  k=$key; [ $((i % 2)) -eq 0 ] && [ "$key" = plus ] && k=minus
  before=$(snap); t0=$(date +%s%N)
  xdotool key "$k"
  while :; do
    now=$(snap); t1=$(date +%s%N)
    [ "$now" != "$before" ] && break
    [ $(( (t1 - t0) / 1000000 )) -gt 5000 ] && break
  done
  echo $(( (t1 - t0) / 1000000 )) >>"$out"
  sleep 1
done
sort -n "$out" | awk -v poll="$poll" '{a[NR]=$1} END{print "key->screen ms: n="NR, "min="a[1], "median="a[int((NR+1)/2)], "max="a[NR], "(one poll " poll " ms)"}'
