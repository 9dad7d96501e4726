#!/usr/bin/env bash
# Capture-analysis benchmark: generates a two-way G.711 call of N RTP packets (default 1 000 000) and
# times `seamline analyze` (heap capped at 256 MB) against `tshark -q -z rtp,streams` on the same file
# in the same run. Target: analyze >= 10x tshark's speed. Also times the JVM start alone
# (`seamline --help`) and prints the load average, since both programs share the machine.
# With --phases, also runs io.seamline.analysis.bench.CaptureAnalysisPhases once per phase (each in a
# fresh JVM) to show where analyze's time goes: open, vault read, records, dissection, RTP statistics,
# the whole analysis, and reading a lane back on demand.
# Usage (repository root, after `mvn -B -q -DskipTests package`; needs python3 and tshark):
#   bash src/test/bench/analyze-vs-tshark.sh [PACKETS] [--phases]
set -euo pipefail
packets=${1:-1000000}
phases=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 src/test/bench/make-g711-capture.py "$work/call.pcap" "$packets"
ls -la "$work/call.pcap" | awk '{print "capture: " $5 " bytes"}'
cat "$work/call.pcap" > /dev/null
echo "before: $(uptime)"

t0=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/tshark-cpu.txt" \
  tshark -r "$work/call.pcap" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$work/tshark.txt" 2>/dev/null
t1=$(date +%s.%N)
java -jar target/seamline.jar new "$work/b.seamline" --title bench --examiner bench > /dev/null
java -jar target/seamline.jar add "$work/b.seamline" "$work/call.pcap" > /dev/null
cp "$work/b.seamline" "$work/fresh.seamline"
t2=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$work/rss.txt" java -Xmx256m -jar target/seamline.jar analyze "$work/b.seamline" > "$work/seamline.txt"
t3=$(date +%s.%N)
java -jar target/seamline.jar --help > /dev/null
t4=$(date +%s.%N)
echo "after:  $(uptime)"
cat "$work/seamline.txt"
python3 - "$packets" "$t0" "$t1" "$t2" "$t3" "$t4" $(cat "$work/rss.txt") $(cat "$work/tshark-cpu.txt") <<'PY'
import sys
n, t0, t1, t2, t3, t4 = int(sys.argv[1]), *map(float, sys.argv[2:7])
rss, user, system = int(sys.argv[7]), float(sys.argv[8]), float(sys.argv[9])
tuser, tsystem = float(sys.argv[10]), float(sys.argv[11])
ts, sl, start = t1 - t0, t3 - t2, t4 - t3
print(f"RTP packets: {n}")
print(f"tshark -z rtp,streams: {ts:7.2f} s  CPU {tuser:.2f} s user + {tsystem:.2f} s sys")
print(f"seamline analyze:      {sl:7.2f} s  ({ts / sl:.1f}x tshark), -Xmx256m, peak RSS {rss / 1024:.0f} MiB,"
      f" CPU {user:.2f} s user + {system:.2f} s sys (all threads: {(tuser + tsystem) / (user + system):.1f}x"
      f" less CPU than tshark)")
print(f"seamline --help:       {start:7.2f} s  (JVM start and exit alone)")
PY
if [ "$phases" = "--phases" ]; then
  for phase in open vault records dissect rtp analyze lane; do
    if [ "$phase" = analyze ]; then cp "$work/fresh.seamline" "$work/b.seamline"; fi
    java -Xmx256m -cp target/seamline.jar:target/test-classes io.seamline.analysis.bench.CaptureAnalysisPhases \
      "$work/b.seamline" "$phase" "$work/phases.txt"
  done
  echo "phases (each in a fresh JVM, timed after the case is open; each includes the one above it):"
  cat "$work/phases.txt"
fi
