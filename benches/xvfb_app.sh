# Sourced by key_latency.sh, drag_latency.sh and key_frames.sh: the real app in a virtual
# 1920x1080 display (software GL), on a copy of SESSION with its own settings directory.
#   start_app SESSION [TOOLS...]  checks $BIN and the tools, starts Xvfb and the app, gives the
#                                 window the keyboard; sets disp, tmp, xp, ap, wid, file
#   stop_app                      ends both and removes $tmp (call it from an EXIT trap)
#   snap                          a hash of the screen's pixels
#   select_first                  PageDown, checked: the screen must change
# Lessons kept here once: hash the pixels only (xwd's colour map carries padding bytes that
# differ between captures); `windowfocus`, not `windowactivate` (no window manager); a copy
# of the session (the keys edit it, and a recovery copy beside it greets the next run with a
# dialog) and an own settings directory (no panel sizes from earlier runs).

start_app() {
  file=$1; shift
  bin=${BIN:-target/release/kalibrer}
  [ -x "$bin" ] || { echo "no $bin: build with cargo build --release first" >&2; exit 2; }
  for tool in Xvfb xdotool "$@"; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb xdotool x11-apps python3)" >&2; exit 2; }
  done
  tmp=$(mktemp -d); chmod 700 "$tmp"
  [ -n "$file" ] && { cp "$file" "$tmp/session.ron" && file=$tmp/session.ron; }
  disp=:$((60 + RANDOM % 30))
  Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xp=$!
  sleep 1
  export DISPLAY=$disp XDG_RUNTIME_DIR=$tmp XDG_DATA_HOME=$tmp
  if [ -n "$file" ]; then "$bin" "$file" 2>"$tmp/stderr" >/dev/null & else "$bin" 2>"$tmp/stderr" >/dev/null & fi
  ap=$!
  sleep 8
  wid=$(xdotool search --pid "$ap" 2>/dev/null | tail -1)
  [ -n "$wid" ] || { echo "no window" >&2; exit 1; }
  xdotool windowsize "$wid" 1920 1080 windowmove "$wid" 0 0 windowfocus "$wid"
  sleep 3
}

stop_app() {
  kill "$ap" 2>/dev/null; sleep 0.5; kill "$xp" 2>/dev/null; rm -rf "$tmp"
}

snap() { xwd -root -silent -display "$disp" | tail -c $((1920 * 1080 * 4)) | md5sum | cut -c1-32; }

select_first() {
  local before
  before=$(snap); xdotool key Next; sleep 3
  [ "$(snap)" != "$before" ] || { echo "PageDown did not change the screen (no keyboard focus?)" >&2; exit 1; }
}
