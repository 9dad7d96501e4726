#!/bin/sh
# Makes TCP reassembly fixtures from the first 120 frames of heplify-sip_ipv4_tcp_fragmented.pcap
# (SIP over TCP port 6060, messages split across segments):
#   tcp-in-order.pcap           the 120 frames as captured (editcap -F pcap -r ... 1-120)
#   tcp-in-order.sip-stat.txt   tshark -r tcp-in-order.pcap -d tcp.port==6060,sip -q -z sip,stat
#   tcp-reordered.pcap          the same frames with every pair of consecutive data segments of one
#                               direction swapped and every fifth data segment sent twice (a retransmission)
# Run from anywhere:  sh src/test/resources/io/seamline/capture/make-tcp-variants.sh
# Tools: editcap/tshark 4.0, python3.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PUB=$(cd "$HERE/../../../../../.." && pwd)/../shared/captures/public
cd "$HERE"
editcap -F pcap -r "$PUB/heplify-sip_ipv4_tcp_fragmented.pcap" tcp-in-order.pcap 1-120
tshark -r tcp-in-order.pcap -d tcp.port==6060,sip -q -z sip,stat > tcp-in-order.sip-stat.txt
python3 - <<'PY'
import struct
raw = open("tcp-in-order.pcap", "rb").read()
header, pos, frames = raw[:24], 24, []
while pos + 16 <= len(raw):
    incl = struct.unpack_from("<I", raw, pos + 8)[0]
    frames.append(raw[pos:pos + 16 + incl])
    pos += 16 + incl

def data_length(frame):
    ip = 16 + 14
    ihl = (frame[ip] & 0x0F) * 4
    total = struct.unpack_from(">H", frame, ip + 2)[0]
    tcp = ip + ihl
    return total - ihl - ((frame[tcp + 12] >> 4) * 4), struct.unpack_from(">H", frame, tcp)[0]

out, pending = [], {}
for n, f in enumerate(frames):
    length, sport = data_length(f)
    if length == 0:
        out.append(f)
        continue
    if sport in pending:
        out.append(f)
        out.append(pending.pop(sport))
    else:
        pending[sport] = f
    if n % 5 == 0:
        out.append(f)
out.extend(pending.values())
open("tcp-reordered.pcap", "wb").write(header + b"".join(out))
PY
