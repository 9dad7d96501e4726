#!/usr/bin/env bash
# Smoke test of a built app-image: prints the version, checks that the JVM maps its classes from the
# image's class-data archive (installer/train-class-data.sh), analyses sample case 1 headless and,
# with xvfb-run, opens it in the window once.
#   bash installer/smoke-test.sh           (after installer/build-app-image.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/installer/seamline/bin/seamline
"$app" --version
JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$app" --version 2>/dev/null \
  | grep -q "io.seamline.cli.Launcher source: shared objects file" \
  || { echo "smoke test: the launcher does not use its class-data archive (lib/app/seamline.jsa)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$app" sample sample-cases/failover --no-gui --case "$out/failover.seamline"
"$app" show "$out/failover.seamline" gaps | grep -q "missing-span  media handoff" \
  || { echo "smoke test: the failover sample did not show its missing span" >&2; exit 1; }
"$app" verify "$out/failover.seamline"
# The window, once, where a private X display can be had (Debian package xvfb): it opens the case and
# quits after its first frames; JavaFX's native libraries must load from lib/app (installer/common.sh).
if command -v xvfb-run >/dev/null; then
  XDG_CONFIG_HOME="$out/config" JAVA_TOOL_OPTIONS="-Dseamline.exitAfterFirstPaint=true -Djavafx.verbose=true" \
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$app" gui "$out/failover.seamline" >"$out/gui.log" 2>&1 \
    || { tail -20 "$out/gui.log" >&2; echo "smoke test: the window did not open and close on the failover sample" >&2; exit 1; }
  grep -q "lib/app/./libglass.so from relative path" "$out/gui.log" \
    || { tail -20 "$out/gui.log" >&2; echo "smoke test: JavaFX's native libraries did not load from lib/app" >&2; exit 1; }
else
  echo "smoke test: no xvfb-run (Debian package xvfb), the window was not opened"
fi
echo "smoke test passed"
