#!/bin/sh
# Makes link-layer variants of two real captures by rewriting only their link headers (frames unchanged
# from the IP header on), with tshark's stream table for each RTP variant:
#   dtmf-vlan.pcap      ../rtp/dtmf/dtmf.pcap with an 802.1Q tag (VLAN 42) in every Ethernet header
#   dtmf-qinq.pcap      same with an 802.1ad outer tag (VLAN 7) and an 802.1Q inner tag (VLAN 42)
#   dtmf-raw.pcap       Ethernet header removed, LINKTYPE_RAW (101)
#   dtmf-ipv4.pcap      Ethernet header removed, LINKTYPE_IPV4 (228)
#   dtmf-null.pcap      BSD loopback: 4-byte AF_INET (2) in little-endian host order, LINKTYPE_NULL (0)
#   dtmf-loop.pcap      OpenBSD loopback: 4-byte AF_INET in network order, LINKTYPE_LOOP (108)
#   sip-ipv6-raw.pcap   heplify-sip_ipv6_udp.pcap with the Ethernet header removed, LINKTYPE_IPV6 (229)
# Run from anywhere:  sh src/test/resources/io/seamline/capture/make-link-variants.sh
# Tools: python3, tshark 4.0.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PUB=$(cd "$HERE/../../../../../.." && pwd)/../shared/captures/public
cd "$HERE"
python3 - "$HERE/../rtp/dtmf/dtmf.pcap" "$PUB/heplify-sip_ipv6_udp.pcap" <<'PY'
import struct, sys

def records(path):
    raw = open(path, "rb").read()
    assert struct.unpack_from("<I", raw, 0)[0] == 0xA1B2C3D4, "expects a little-endian microsecond pcap"
    pos = 24
    while pos + 16 <= len(raw):
        sec, usec, incl, orig = struct.unpack_from("<IIII", raw, pos)
        yield sec, usec, orig, raw[pos + 16:pos + 16 + incl]
        pos += 16 + incl

def variant(src, dst, linktype, rewrite):
    frames = []
    for sec, usec, orig, data in records(src):
        new = rewrite(data)
        frames.append((sec, usec, orig + len(new) - len(data), new))
    with open(dst, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for sec, usec, orig, data in frames:
            out.write(struct.pack("<IIII", sec, usec, len(data), orig) + data)

dtmf, v6 = sys.argv[1], sys.argv[2]
tag = lambda tpid, vid: struct.pack(">HH", tpid, vid)
variant(dtmf, "dtmf-vlan.pcap", 1, lambda d: d[:12] + tag(0x8100, 42) + d[12:])
variant(dtmf, "dtmf-qinq.pcap", 1, lambda d: d[:12] + tag(0x88A8, 7) + tag(0x8100, 42) + d[12:])
variant(dtmf, "dtmf-raw.pcap", 101, lambda d: d[14:])
variant(dtmf, "dtmf-ipv4.pcap", 228, lambda d: d[14:])
variant(dtmf, "dtmf-null.pcap", 0, lambda d: struct.pack("<I", 2) + d[14:])
variant(dtmf, "dtmf-loop.pcap", 108, lambda d: struct.pack(">I", 2) + d[14:])
variant(v6, "sip-ipv6-raw.pcap", 229, lambda d: d[14:])
PY
for f in dtmf-vlan dtmf-qinq dtmf-raw dtmf-ipv4 dtmf-null dtmf-loop; do
  tshark -r "$f.pcap" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$f.rtp-streams.txt"
done
tshark -r sip-ipv6-raw.pcap -q -z sip,stat > sip-ipv6-raw.sip-stat.txt
