#!/usr/bin/env bash
# Capture-analysis benchmark: generates a two-way G.711 call of N RTP packets (default 1 000 000) and
# times `seamline analyze` (heap capped at 256 MB) against `tshark -q -z rtp,streams` on the same file
# in the same run. Target: analyze >= 10x tshark's speed.
# Usage (repository root, after `mvn -B -q -DskipTests package`; needs python3 and tshark):
#   bash src/test/bench/analyze-vs-tshark.sh [PACKETS]
set -euo pipefail
packets=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 src/test/bench/make-g711-capture.py "$work/call.pcap" "$packets"
ls -la "$work/call.pcap" | awk '{print "capture: " $5 " bytes"}'
cat "$work/call.pcap" > /dev/null

t0=$(date +%s.%N)
tshark -r "$work/call.pcap" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$work/tshark.txt" 2>/dev/null
t1=$(date +%s.%N)
java -jar target/seamline.jar new "$work/b.seamline" --title bench --examiner bench > /dev/null
java -jar target/seamline.jar add "$work/b.seamline" "$work/call.pcap" > /dev/null
t2=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss.txt" java -Xmx256m -jar target/seamline.jar analyze "$work/b.seamline" > "$work/seamline.txt"
t3=$(date +%s.%N)
cat "$work/seamline.txt"
python3 - "$packets" "$t0" "$t1" "$t2" "$t3" "$(cat "$work/rss.txt")" <<'PY'
import sys
n, t0, t1, t2, t3, rss = int(sys.argv[1]), *map(float, sys.argv[2:6]), int(sys.argv[6])
ts, sl = t1 - t0, t3 - t2
print(f"RTP packets: {n}")
print(f"tshark -z rtp,streams: {ts:7.2f} s")
print(f"seamline analyze:      {sl:7.2f} s  ({ts / sl:.1f}x tshark), -Xmx256m, peak RSS {rss / 1024:.0f} MiB")
PY
