#!/usr/bin/env bash
# Smoke test of a built app-image: prints the version, checks that the JVM maps its classes from the
# image's class-data archive (installer/train-class-data.sh) and analyses sample case 1 headless.
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
echo "smoke test passed"
