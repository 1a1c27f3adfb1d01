#!/usr/bin/env bash
# Key press -> painted frame, seen from inside the app (KALIBRER_TRACE_FRAMES prints every
# pass). Screen polling (key_latency.sh) is only as fine as one xwd capture (60-90 ms) and
# competes for the two cores with the app's later frames; this reads the app's own passes.
# For each of N presses of + / - (1.2 s apart) it takes the first pass after the press and
# the start of the pass after it: eframe runs passes one after the other, so by then the
# first frame has been painted and swapped to the X server (an upper bound of key -> screen).
# Usage: benches/key_frames.sh [SESSION.ron] [N=12] [KEY=plus]; needs Xvfb and xdotool. With
# KEY=plus the presses alternate plus/minus (xdotool types "+" with Shift on its US layout,
# so each + also brings Shift's press and release); any other KEY is pressed N times
# (KEY=equal steps up without Shift, as "+" on a Danish keyboard).
set -u
file=${1:-}; n=${2:-12}; key=${3:-plus}
. "$(dirname "$0")/xvfb_app.sh"
export KALIBRER_TRACE_FRAMES=1
start_app "$file"
trap stop_app EXIT
d=$tmp
xdotool key Next; sleep 2
: > "$d/marks"
for k in $(seq 1 "$n"); do
  date +%s%3N >> "$d/marks"
  if [ "$key" != plus ]; then xdotool key "$key"; elif [ $((k % 2)) = 1 ]; then xdotool key plus; else xdotool key minus; fi
  sleep 1.2
done
kill "$ap" 2>/dev/null; sleep 1
awk 'NR==FNR { m[++n]=$1; next } /^pass/ { p[++q]=$2 } END {
  for (i=1;i<=n;i++) { for (j=1;j<=q;j++) if (p[j]>=m[i]) { if (j<q) print p[j+1]-m[i]; break } } }' \
  "$d/marks" "$d/stderr" | sort -n | awk '{a[NR]=$1} END {
  printf "key -> first frame painted: n=%d min=%d median=%d max=%d ms\n", NR, a[1], a[int((NR+1)/2)], a[NR] }'
# eframe's own frame time of that first frame (pass + paint, without the swap), which the
# pass after it reports as cpu_prev.
awk 'NR==FNR { m[++n]=$1; next } /^pass/ { p[++q]=$2; c[q]=$4 } END {
  for (i=1;i<=n;i++) { for (j=1;j<=q;j++) if (p[j]>=m[i]) { if (j<q) { sub("cpu_prev=", "", c[j+1]); print c[j+1] } break } } }' \
  "$d/marks" "$d/stderr" | sort -n | awk '{a[NR]=$1} END {
  printf "its frame time (pass + paint, eframe): n=%d min=%.1f median=%.1f max=%.1f ms\n", NR, a[1], a[int((NR+1)/2)], a[NR] }'
[ -n "${KEEP_TRACE:-}" ] && cp "$d/stderr" "$KEEP_TRACE"
awk 'NR==FNR { m[++n]=$1; next } /^pass/ { for (i=1;i<=n;i++) if ($2>=m[i] && $2<m[i]+1100) c[i]++ } END {
  for (i=1;i<=n;i++) s+=c[i]; printf "passes per key press (within 1.1 s): %.1f\n", s/n }' "$d/marks" "$d/stderr"
