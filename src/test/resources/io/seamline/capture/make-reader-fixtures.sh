#!/bin/sh
# Makes the small reader fixtures in this folder from the public captures in ../shared/captures/public:
#   truncated-mid-record.pcap      first 10000 bytes of heplify-sip_ipv4_tcp.pcap (cut inside a record)
#   truncated-mid-block.pcapng     first 3000 bytes of heplify-erspan_sip_ipv4_udp.pcapng (cut inside a block)
#   impossible-length.pcap         sngrep-ipip.pcap with record 2's included length set to 0x7FFFFFFF
#   impossible-length.pcapng       heplify-erspan_sip_ipv4_udp.pcapng cut to 5 blocks, block 4's length set to 16 MiB
#   not-a-capture.wav              first 2048 bytes of an espeak-ng recording (someone dropped audio, not a capture)
#   ipip-nanosecond-bigendian.pcap sngrep-ipip.pcap rewritten as big-endian nanosecond pcap (same frames)
#   two-interfaces.pcapng          mergecap of sngrep-ipip.pcap (Ethernet) and heplify-sip_sctp.pcap (Linux cooked)
#   two-sections.pcapng            two-interfaces.pcapng followed by ipip-nanosecond.pcapng (second section, if_tsresol 9)
# Run from anywhere:  sh src/test/resources/io/seamline/capture/make-reader-fixtures.sh
# Tools: coreutils, python3, editcap/mergecap (Wireshark 4.0), espeak-ng.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PUB=$(cd "$HERE/../../../../../.." && pwd)/../shared/captures/public
cd "$HERE"
head -c 10000 "$PUB/heplify-sip_ipv4_tcp.pcap" > truncated-mid-record.pcap
head -c 3000 "$PUB/heplify-erspan_sip_ipv4_udp.pcapng" > truncated-mid-block.pcapng
python3 - "$PUB" <<'PY'
import struct, sys
pub = sys.argv[1]
raw = open(pub + "/sngrep-ipip.pcap", "rb").read()
# pcap: 24-byte header, then 16-byte record headers (little-endian in this file)
first_len = struct.unpack_from("<I", raw, 24 + 8)[0]
second = 24 + 16 + first_len
bad = bytearray(raw)
struct.pack_into("<I", bad, second + 8, 0x7FFFFFFF)
open("impossible-length.pcap", "wb").write(bad)
# big-endian nanosecond copy of the same frames
out = bytearray(struct.pack(">IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 262144, struct.unpack_from("<I", raw, 20)[0]))
pos = 24
while pos + 16 <= len(raw):
    sec, usec, incl, orig = struct.unpack_from("<IIII", raw, pos)
    out += struct.pack(">IIII", sec, usec * 1000, incl, orig) + raw[pos + 16:pos + 16 + incl]
    pos += 16 + incl
open("ipip-nanosecond-bigendian.pcap", "wb").write(out)
ng = open(pub + "/heplify-erspan_sip_ipv4_udp.pcapng", "rb").read()
pos, blocks = 0, []
while pos < len(ng) and len(blocks) < 5:
    length = struct.unpack_from("<I", ng, pos + 4)[0]
    blocks.append((pos, length))
    pos += length
cut = bytearray(ng[:pos])
struct.pack_into("<I", cut, blocks[3][0] + 4, 16 * 1024 * 1024)
open("impossible-length.pcapng", "wb").write(cut)
PY
W=$(mktemp -d)
espeak-ng -v en-us -w "$W/said.wav" "This is a recording, not a capture."
head -c 2048 "$W/said.wav" > not-a-capture.wav
mergecap -F pcapng -w two-interfaces.pcapng "$PUB/sngrep-ipip.pcap" "$PUB/heplify-sip_sctp.pcap"
editcap -F pcapng ipip-nanosecond-bigendian.pcap "$W/ipip-nanosecond.pcapng"
cat two-interfaces.pcapng "$W/ipip-nanosecond.pcapng" > two-sections.pcapng
rm -rf "$W"
