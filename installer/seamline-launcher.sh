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
exec "$image/lib/runtime/bin/java" "${options[@]}" -cp "${classpath//\$APPDIR/$APPDIR}" "$main" "$@"
