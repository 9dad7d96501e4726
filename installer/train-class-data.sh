#!/usr/bin/env bash
# Gives a built app-image a class-data sharing archive (AppCDS, JDK 17 static archive) made from its
# own runtime and jar, so the JVM maps the classes a start needs instead of reading, verifying and
# linking them from the jar every time (a cold start of the window takes about half as long).
#   bash installer/train-class-data.sh [APP_IMAGE]     (default target/installer/seamline; run by
#                                                       installer/build-app-image.sh)
# Training runs the image's own launcher on real work and records the classes each run loads
# (-XX:DumpLoadedClassList, passed through JAVA_TOOL_OPTIONS, which the jpackage launcher's JVM reads):
#   1. `sample sample-cases/failover --no-gui --case TMP`  (import, capture and audio analysis)
#   2. `show TMP gaps`, `show TMP lanes`, `verify TMP`
#   3. `gui TMP` with -Dseamline.exitAfterFirstPaint=true: opens the case and quits after the frames
#      that show its lanes and tables. It needs an X display: a private Xvfb through xvfb-run when
#      installed, otherwise $DISPLAY; with neither, this step is skipped (the archive then lacks the
#      window's classes and the window starts without their benefit).
# Then `-Xshare:dump` writes lib/app/seamline.jsa from the merged list (kept as
# lib/app/seamline.classlist) and the launcher's configuration gets `-XX:SharedArchiveFile=$APPDIR/seamline.jsa -Xshare:auto`: a missing, stale or
# unusable archive (other JVM build, jar changed, image moved where the JVM cannot match its class
# path) is ignored and the classes are loaded from the jar as without it. The archive is built on
# the build machine and never committed; rebuild the image after any change to the jar.
# A JDK 17 archive records the jar's absolute path: it serves the image where it was built (and
# where it is moved to, it is ignored). The .deb therefore writes it again at install time from the
# same class list (installer/deb-resources/postinst).
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-target/installer/seamline}
launcher="$app/bin/seamline"
cfg="$app/lib/app/seamline.cfg"
archive="$app/lib/app/seamline.jsa"
classlist="$app/lib/app/seamline.classlist"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "train-class-data: $app is no app-image (no $launcher)" >&2; exit 3; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
export XDG_CONFIG_HOME="$work/config"   # the window's recent-case list stays out of the builder's home
case="$work/failover.seamline"

# Runs the launcher with the class list of this run going to $work/NAME.classlist.
train() {
  local name=$1
  shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$name.classlist -Dseamline.exitAfterFirstPaint=true" \
    "$@" >>"$work/training.log" 2>&1 || { echo "train-class-data: training run '$name' failed:" >&2;
    cat "$work/training.log" >&2; exit 1; }
}

echo "train-class-data: training runs"
train sample "$launcher" sample sample-cases/failover --no-gui --case "$case"
train show-gaps "$launcher" show "$case" gaps
train show-lanes "$launcher" show "$case" lanes
train verify "$launcher" verify "$case"
# The window run may fail where the build machine cannot show a window (no GTK 3): the archive then
# lacks the window's classes, which makes only the window's start slower, so it is a warning.
gui_run() {
  if JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/gui.classlist -Dseamline.exitAfterFirstPaint=true" \
      timeout 120 "$@" >"$work/gui.log" 2>&1; then
    return 0
  fi
  echo "train-class-data: WARNING: the window run failed; the archive will not hold the window's classes:"
  tail -5 "$work/gui.log"
  rm -f "$work/gui.classlist"
}
if command -v xvfb-run >/dev/null; then
  echo "train-class-data: window run on a private Xvfb display"
  gui_run xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" gui "$case"
elif [ -n "${DISPLAY:-}" ]; then
  echo "train-class-data: window run on display $DISPLAY (it opens and closes by itself)"
  gui_run "$launcher" gui "$case"
else
  echo "train-class-data: WARNING: no X display and no xvfb-run (Debian package xvfb): the archive will not hold the window's classes"
fi

# One list, first occurrence first (a lambda line needs its class earlier); the per-run ids would
# clash between runs and are only needed for classes of custom loaders, which the app has none of.
# Dynamic proxies ($ProxyN) are generated at run time and cannot be loaded by name.
lists=()
for f in gui sample show-gaps show-lanes verify; do
  [ -f "$work/$f.classlist" ] && lists+=("$work/$f.classlist")
done
cat "${lists[@]}" | sed -E 's/ id: [0-9]+$//' | grep -v '\$Proxy[0-9]' | awk '!seen[$0]++' >"$classlist"
echo "train-class-data: $(grep -vc '^[#@]' "$classlist") classes; dumping $archive"
rm -f "$archive"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist -XX:SharedArchiveFile=$archive" \
  "$launcher" >"$work/dump.log" 2>&1 || true
[ -s "$archive" ] || { echo "train-class-data: no archive was written:" >&2; cat "$work/dump.log" >&2; exit 1; }

[ "$(grep '^\[' "$cfg" | tail -1)" = "[JavaOptions]" ] \
  || { echo "train-class-data: $cfg does not end with its [JavaOptions] section" >&2; exit 1; }
sed -i '/^java-options=-XX:SharedArchiveFile=/d; /^java-options=-Xshare:/d' "$cfg"
# The launcher expands $APPDIR (the folder of the jar and this configuration) wherever the image is.
printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/seamline.jsa' 'java-options=-Xshare:auto' >>"$cfg"
echo "train-class-data: $(du -h "$archive" | cut -f1) archive; the launcher uses it"
