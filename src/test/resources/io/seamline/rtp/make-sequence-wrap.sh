#!/bin/sh
# Makes sequence-wrap.pcap and its tshark table from media-move/media-move.pcap: leg A's RTP sequence
# numbers are shifted by 65480 so they wrap past 65535 mid-stream, and the packets that then carry
# sequence numbers 65534, 1 and 2 are dropped (three lost packets across the wrap). Nothing else changes.
# Run from anywhere:  sh src/test/resources/io/seamline/rtp/make-sequence-wrap.sh
# Tools: python3, tshark 4.0.
set -eu
cd "$(dirname "$0")"
python3 - media-move/media-move.pcap sequence-wrap.pcap <<'PY'
import struct, sys
raw = open(sys.argv[1], "rb").read()
out, pos = bytearray(raw[:24]), 24
while pos + 16 <= len(raw):
    incl = struct.unpack_from("<I", raw, pos + 8)[0]
    frame = bytearray(raw[pos + 16:pos + 16 + incl])
    record = raw[pos:pos + 16]
    pos += 16 + incl
    ip = 14
    if struct.unpack_from(">H", frame, 12)[0] == 0x0800 and frame[ip + 9] == 17:
        udp = ip + (frame[ip] & 0x0F) * 4
        sport = struct.unpack_from(">H", frame, udp)[0]
        rtp = udp + 8
        if sport == 6000 and frame[rtp] & 0xC0 == 0x80:
            seq = (struct.unpack_from(">H", frame, rtp + 2)[0] + 65480) & 0xFFFF
            if seq in (65534, 1, 2):
                continue
            struct.pack_into(">H", frame, rtp + 2, seq)
            struct.pack_into(">H", frame, udp + 6, 0)   # UDP checksum 0: not computed (RFC 768)
    out += record + frame
open(sys.argv[2], "wb").write(out)
PY
tshark -r sequence-wrap.pcap -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > sequence-wrap.rtp-streams.txt
