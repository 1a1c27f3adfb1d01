#!/usr/bin/env bash
# Key press -> the app's first frame on the X server, without polling the screen.
# Usage: benches/key_damage.sh [SESSION.ron] [N=15] [KEY=plus]
# Screen polling (key_latency.sh, ../shared/tools/latency.sh) is only as fine as one xwd
# capture (60-90 ms here), and its captures compete for the two cores with the frames the
# app paints after the first. This asks the X server instead: the DAMAGE extension reports
# every change of the app's window contents as it happens (Mesa's software renderer puts
# each frame into the window with XPutImage), so the figure is key -> first frame received
# by the X server. Each press is also checked with a pixel hash 1 s later: a press that did
# not change the screen is reported (with KEY=F20, which Kalibrer ignores, every press is).
# Presses alternate plus/minus as in latency.sh. Needs Xvfb, xdotool, xwd, python3 and
# libXdamage (part of the X client libraries).
set -u
file=${1:-}; n=${2:-15}; key=${3:-plus}
. "$(dirname "$0")/xvfb_app.sh"
start_app "$file" xwd python3
trap stop_app EXIT
select_first
python3 - "$wid" "$n" "$key" "$disp" <<'PY'
import ctypes, subprocess, sys, time, hashlib
wid, n, key, disp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
X = ctypes.CDLL("libX11.so.6")
D = ctypes.CDLL("libXdamage.so.1")
X.XOpenDisplay.restype = ctypes.c_void_p
X.XOpenDisplay.argtypes = [ctypes.c_char_p]
for f in (X.XPending, X.XFlush, X.XSync):
    f.argtypes = [ctypes.c_void_p] + ([ctypes.c_int] if f is X.XSync else [])
X.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
D.XDamageQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
D.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
D.XDamageCreate.restype = ctypes.c_ulong
dpy = X.XOpenDisplay(disp.encode())
base, err = ctypes.c_int(), ctypes.c_int()
if not dpy or not D.XDamageQueryExtension(dpy, ctypes.byref(base), ctypes.byref(err)):
    sys.exit("no DAMAGE extension on %s" % disp)
D.XDamageCreate(dpy, wid, 0)  # XDamageReportRawRectangles: one event per change
X.XSync(dpy, 0)
event = ctypes.create_string_buffer(192)  # sizeof(XEvent) is 192 on 64-bit

def drain():
    count = 0
    while X.XPending(dpy):
        X.XNextEvent(dpy, event)
        count += 1
    return count

def pixels():
    shot = subprocess.run(["xwd", "-root", "-silent", "-display", disp], capture_output=True).stdout
    return hashlib.md5(shot[-1920 * 1080 * 4:]).hexdigest()

times, unchanged = [], 0
for i in range(n):
    k = "minus" if key == "plus" and i % 2 else key
    time.sleep(0.3)
    drain()
    before = pixels()
    time.sleep(0.3)
    drain()
    t0 = time.monotonic()
    subprocess.Popen(["xdotool", "key", k])
    seen = None
    while time.monotonic() - t0 < 5:
        if X.XPending(dpy):
            X.XNextEvent(dpy, event)
            seen = time.monotonic()
            break
        time.sleep(0.0005)
    time.sleep(1.0)
    drain()
    if pixels() == before:
        unchanged += 1
    elif seen is not None:
        times.append(round((seen - t0) * 1000))
times.sort()
if times:
    print("key->first frame at the X server ms: n=%d min=%d median=%d max=%d" %
          (len(times), times[0], times[(len(times) - 1) // 2], times[-1]))
if unchanged:
    print("%d of %d presses did not change the screen" % (unchanged, n))
PY
