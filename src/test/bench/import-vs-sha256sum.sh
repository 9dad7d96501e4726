#!/usr/bin/env bash
# Import throughput benchmark: `seamline add` of a 1 GiB capture-like file, under -Xmx256m, against
# `sha256sum` of the same file, in the same run. Target: import >= 0.7x sha256sum's speed.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`):
#   bash src/test/bench/import-vs-sha256sum.sh [SIZE_MIB]
set -euo pipefail
size_mib=${1:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/big.pcap"
# A pcap global header, then incompressible bytes.
printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x01\x00\x00\x00' > "$file"
head -c $((size_mib * 1024 * 1024 - 24)) /dev/urandom >> "$file"
cat "$file" > /dev/null   # both runs read from the page cache

t0=$(date +%s.%N); sha256sum "$file" > /dev/null; t1=$(date +%s.%N)
java -jar target/seamline.jar new "$work/bench.seamline" --title bench --examiner bench > /dev/null
t2=$(date +%s.%N); java -Xmx256m -jar target/seamline.jar add "$work/bench.seamline" "$file" > /dev/null; t3=$(date +%s.%N)

python3 - "$size_mib" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
mib, t0, t1, t2, t3 = int(sys.argv[1]), *map(float, sys.argv[2:])
sha, imp = t1 - t0, t3 - t2
print(f"file: {mib} MiB")
print(f"sha256sum:          {sha:6.2f} s  {mib / sha:7.1f} MiB/s")
print(f"seamline add (256m): {imp:6.2f} s  {mib / imp:7.1f} MiB/s  ({sha / imp:.2f}x sha256sum)")
PY
