#!/usr/bin/env bash
# Audio-analysis benchmark: a 2-hour call with three sources (cloud recording 8 kHz, SBC edge buffer
# 8 kHz Broadcast Wave starting 3.25 s earlier, duplicate recording at 16 kHz), made from the committed
# espeak-ng speech by sox. Times `seamline analyze` (pyramid, gaps and alignment of all three; the
# heap capped at 256 MB). Target: <= 3 s.
# Usage (repository root, after `mvn -B -q -DskipTests package`; needs sox and python3):
#   bash src/test/bench/analyze-2h-audio.sh [MINUTES] [--app-image]
# With --app-image, analyze runs through the installed launcher (target/installer/seamline/bin/seamline from
# `bash installer/build-app-image.sh`: its runtime, JVM options and class-data archive), the heap capped at
# 256 MB through _JAVA_OPTIONS; without it, as `java -Xmx256m -jar target/seamline.jar`.
# With BENCH_DIR=/some/dir the sources and the imported case (prepared.seamline) are kept there, and a later run
# with the same BENCH_DIR and MINUTES skips making them (about 30 s) and times analyze on a fresh copy of the case.
set -euo pipefail
minutes=${1:-120}
analyze=(java -Xmx256m -jar target/seamline.jar analyze)
if [ "${2:-}" = --app-image ]; then
  [ -x target/installer/seamline/bin/seamline ] \
    || { echo "target/installer/seamline is missing: run bash installer/build-app-image.sh first" >&2; exit 2; }
  analyze=(env _JAVA_OPTIONS=-Xmx256m target/installer/seamline/bin/seamline analyze)
fi
if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR/$minutes
  mkdir -p "$work"
  rm -f "$work/b.seamline" "$work"/b.seamline-*
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
J="java -jar target/seamline.jar"
if [ ! -f "$work/prepared.seamline" ]; then
speech=src/test/resources/io/seamline/analysis/align/speech-8k.wav
# The committed 36 s of speech at a different tempo each time (0.85 to 1.15), so that the two hours
# never repeat exactly: a looped signal would correlate at every loop length.
repeats=$(( minutes * 60 / 30 + 1 ))
parts=()
for i in $(seq 1 $repeats); do
  tempo=$(python3 -c "print(0.85 + 0.3 * ((($i * 7919) % 101) / 100))")
  sox $speech "$work/part-$i.wav" tempo -s "$tempo"
  parts+=("$work/part-$i.wav")
done
sox "${parts[@]}" "$work/long.wav" trim 0 $((minutes * 60 + 4))
rm -f "${parts[@]}"
sox "$work/long.wav" "$work/cloud-recording.wav" trim 3.25 $((minutes * 60))
sox "$work/long.wav" -r 16000 "$work/duplicate-16k.wav" trim 3.25 $((minutes * 60))
python3 - "$work/long.wav" "$work/sbc01_bench@sbc.example.net_20261122T080000.000Z.wav" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
def fixed(s, n): return s.encode("ascii").ljust(n, b"\0")
tr = 8 * 3600 * 8000
bext = (fixed("bench edge buffer", 256) + fixed("sbc01", 32) + fixed("bench", 32) + fixed("2026-11-22", 10)
        + fixed("08:00:00", 8) + struct.pack("<II", tr & 0xffffffff, tr >> 32) + struct.pack("<H", 1) + b"\0" * 254)
body = b"WAVE" + b"bext" + struct.pack("<I", len(bext)) + bext + data[12:]
open(sys.argv[2], "wb").write(b"RIFF" + struct.pack("<I", len(body)) + body)
PY
rm -f "$work/long.wav"
$J new "$work/prepared.seamline" --title bench --examiner bench --time-zone Europe/London > /dev/null
$J add "$work/prepared.seamline" "$work/cloud-recording.wav" "$work/duplicate-16k.wav" "$work"/sbc01_*.wav > /dev/null
fi
cp "$work/prepared.seamline" "$work/b.seamline"
# Write the copy (and the generated sources) back to disk first, so the kernel does not do it during the timing.
sync
echo "load average before analyze: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss.txt" "${analyze[@]}" "$work/b.seamline"
t1=$(date +%s.%N)
$J show "$work/b.seamline" alignment
# The digest of everything analyze stored: a faster analysis must leave it unchanged.
$J show "$work/b.seamline" custody --json | grep '"derivedSha256"' | tail -1
python3 -c "import sys; print(f'analyze of {sys.argv[3]} min x 3 sources: {float(sys.argv[2]) - float(sys.argv[1]):.2f} s, peak RSS {int(sys.argv[4]) / 1024:.0f} MiB')" "$t0" "$t1" "$minutes" "$(cat "$work/rss.txt")"
