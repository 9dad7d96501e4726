#!/usr/bin/env bash
# Capture-analysis benchmark: generates a two-way G.711 call of N RTP packets (default 1 000 000) and
# times `seamline analyze` (heap capped at 256 MB) against `tshark -q -z rtp,streams` on the same file
# in the same run. Target: analyze >= 10x tshark's speed. Also times the floor under it: the same JVM
# command opening the analysed case and printing its calls (`seamline show CASE calls`), and the JVM
# start alone (`seamline --help`), and prints the load average, since both programs share the machine.
# With --phases, also runs io.seamline.analysis.bench.CaptureAnalysisPhases once per phase (each in a
# fresh JVM) to show where analyze's time goes: open, vault read, records, dissection, RTP statistics,
# the whole analysis, and reading a lane back on demand.
# With --cds, also trains an AppCDS archive (-XX:ArchiveClassesAtExit) on a small capture of the same
# kind (20 000 packets, its own case) and times analyze and the floor again with -XX:SharedArchiveFile,
# as an installed launcher with a trained archive would run them.
# With --app-image, also times analyze and the floor with the installed launcher
# (target/installer/seamline/bin/seamline from `bash installer/build-app-image.sh`: its own runtime,
# options and trained class-data archive; the heap capped at 256 MB through _JAVA_OPTIONS).
# Extra JVM flags for every seamline run (e.g. -XX:+UseSerialGC) come from $SEAMLINE_BENCH_JVM.
# Usage (repository root, after `mvn -B -q -DskipTests package`; needs python3 and tshark):
#   bash src/test/bench/analyze-vs-tshark.sh [PACKETS] [--phases] [--cds] [--app-image]
set -euo pipefail
packets=${1:-1000000}
shift || true
phases=""
cds=""
app=""
for option in "$@"; do
  case "$option" in
    --phases) phases=1 ;;
    --cds) cds=1 ;;
    --app-image) app=target/installer/seamline/bin/seamline
      [ -x "$app" ] || { echo "$app is missing: run bash installer/build-app-image.sh first" >&2; exit 2; } ;;
    *) echo "unknown option $option" >&2; exit 2 ;;
  esac
done
read -r -a jvm <<< "-Xmx256m ${SEAMLINE_BENCH_JVM:-}"
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
/usr/bin/time -f "%M %U %S" -o "$work/rss.txt" java "${jvm[@]}" -jar target/seamline.jar analyze "$work/b.seamline" \
  > "$work/seamline.txt"
t3=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/floor.txt" java "${jvm[@]}" -jar target/seamline.jar show "$work/b.seamline" calls \
  > /dev/null
t4=$(date +%s.%N)
java -jar target/seamline.jar --help > /dev/null
t5=$(date +%s.%N)
echo "after:  $(uptime)"
cat "$work/seamline.txt"
python3 - "$packets" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" $(cat "$work/rss.txt") $(cat "$work/tshark-cpu.txt") \
  $(cat "$work/floor.txt") <<'PY'
import sys
n, t0, t1, t2, t3, t4, t5 = int(sys.argv[1]), *map(float, sys.argv[2:8])
rss, user, system = int(sys.argv[8]), float(sys.argv[9]), float(sys.argv[10])
tuser, tsystem = float(sys.argv[11]), float(sys.argv[12])
fuser, fsystem = float(sys.argv[13]), float(sys.argv[14])
ts, sl, floor, start = t1 - t0, t3 - t2, t4 - t3, t5 - t4
print(f"RTP packets: {n}")
print(f"tshark -z rtp,streams: {ts:7.2f} s  CPU {tuser:.2f} s user + {tsystem:.2f} s sys")
print(f"seamline analyze:      {sl:7.2f} s  ({ts / sl:.1f}x tshark), peak RSS {rss / 1024:.0f} MiB,"
      f" CPU {user:.2f} s user + {system:.2f} s sys (all threads: {(tuser + tsystem) / (user + system):.1f}x"
      f" less CPU than tshark)")
print(f"floor (show CASE calls): {floor:5.2f} s  CPU {fuser + fsystem:.2f} s: JVM start, open the case, print,"
      f" exit; 10x tshark would be {ts / 10:.2f} s for everything")
print(f"seamline --help:       {start:7.2f} s  (JVM start and exit alone)")
PY
# Times analyze (on a fresh copy of the imported case) and the floor with another way of starting
# seamline: variant LABEL COMMAND... (COMMAND followed by the seamline arguments).
variant() {
  local label=$1
  shift
  cp "$work/fresh.seamline" "$work/b.seamline"
  echo "$label, before: $(uptime)"
  local a b c
  a=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss.txt" "$@" analyze "$work/b.seamline" > /dev/null 2>&1
  b=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/floor.txt" "$@" show "$work/b.seamline" calls > /dev/null 2>&1
  c=$(date +%s.%N)
  python3 - "$label" "$t1" "$t0" "$a" "$b" "$c" $(cat "$work/rss.txt") $(cat "$work/floor.txt") <<'PY'
import sys
label = sys.argv[1]
t1, t0, a, b, c = map(float, sys.argv[2:7])
rss, user, system, fuser, fsystem = int(sys.argv[7]), *map(float, sys.argv[8:12])
print(f"{'analyze, ' + label + ':':22s} {b - a:7.2f} s  ({(t1 - t0) / (b - a):.1f}x tshark), peak RSS {rss / 1024:.0f} MiB,"
      f" CPU {user:.2f} s user + {system:.2f} s sys")
print(f"{'floor, ' + label + ':':22s} {c - b:7.2f} s  CPU {fuser + fsystem:.2f} s")
PY
  echo "$label, after:  $(uptime)"
}
if [ -n "$cds" ]; then
  python3 src/test/bench/make-g711-capture.py "$work/train.pcap" 20000
  java -jar target/seamline.jar new "$work/train.seamline" --title train --examiner bench > /dev/null
  java -jar target/seamline.jar add "$work/train.seamline" "$work/train.pcap" > /dev/null
  java "${jvm[@]}" -XX:ArchiveClassesAtExit="$work/seamline.jsa" -jar target/seamline.jar analyze \
    "$work/train.seamline" > /dev/null 2>&1
  cp "$work/fresh.seamline" "$work/b.seamline"
  variant "AppCDS" java "${jvm[@]}" -XX:SharedArchiveFile="$work/seamline.jsa" -jar target/seamline.jar
fi
if [ -n "$app" ]; then
  variant "installed" env _JAVA_OPTIONS="${jvm[*]}" "$app"
fi
if [ -n "$phases" ]; then
  for phase in open vault records dissect rtp analyze lane; do
    if [ "$phase" = analyze ]; then cp "$work/fresh.seamline" "$work/b.seamline"; fi
    java "${jvm[@]}" -cp target/seamline.jar:target/test-classes io.seamline.analysis.bench.CaptureAnalysisPhases \
      "$work/b.seamline" "$phase" "$work/phases.txt"
  done
  echo "phases (each in a fresh JVM, timed after the case is open; each includes the one above it):"
  cat "$work/phases.txt"
fi
