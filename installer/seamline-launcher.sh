#!/usr/bin/env bash
# Seamline's launcher on Linux: bin/seamline of the app-image (installer/build-app-image.sh puts it in
# place of jpackage's native launcher). It starts the image's own Java runtime with the JVM options,
# class path and main class of lib/app/seamline.cfg, the file jpackage's launcher reads, with $APPDIR
# expanded to the folder of that file, and passes every argument on.
# Why not jpackage's launcher: on Linux it asks `rpm -qf` and then `dpkg -S` which package owns it on
# every start (src/jdk.jpackage/linux/native/applauncher/LinuxPackage.c, findOwnerOfFile), and `dpkg -S`
# reads the file list of every installed package: about 0.15-0.19 s before the JVM starts, on every
# command and every start of the window (docs/ui.md, "First paint").
set -euo pipefail
image=$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")
APPDIR=$image/lib/app
options=()
classpath=""
main=""
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    java-options=*) options+=("${line#java-options=}") ;;
    app.classpath=*) classpath=${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
  esac
done < "$APPDIR/seamline.cfg"
options=("${options[@]//\$APPDIR/$APPDIR}")
# `seamline analyze` runs with C1 only (-XX:TieredStopAtLevel=1): it is a batch of short passes where
# the optimising compiler spends more CPU compiling than it saves (the 2-hour 3-source audio analysis:
# 2.2 s against 3.0-3.4 s; a 1M-packet capture the same either way, 3M packets 25 % slower). Every
# other command and the window keep C2 (with the raised thresholds of seamline.cfg): stitching and the
# signed report take twice as long without it. _JAVA_OPTIONS=-XX:TieredStopAtLevel=4 overrides this.
if [ "${1:-}" = analyze ]; then
  options+=("-XX:TieredStopAtLevel=1")
fi
# Without a GPU device node there is no hardware OpenGL, and the window renders in software
# (io.seamline.ui.RenderingChoice). GTK would still load and probe Mesa's software OpenGL while it
# starts (its swrast_dri.so and libLLVM), to pick window visuals for GL drawing nobody does here:
# GDK_GL=disable skips that (docs/ui.md). A value the user set is kept.
if [ ! -e /dev/dri ] && [ ! -e /dev/nvidiactl ] && [ -z "${GDK_GL+set}" ]; then
  export GDK_GL=disable
fi
exec "$image/lib/runtime/bin/java" "${options[@]}" -cp "${classpath//\$APPDIR/$APPDIR}" "$main" "$@"
