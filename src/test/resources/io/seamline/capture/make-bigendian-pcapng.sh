#!/bin/sh
# Makes mixed-endian.pcapng: the section of two-interfaces.pcapng rewritten in big-endian byte order
# (as a big-endian machine would write it), followed by the little-endian section of
# ipip-nanosecond.pcapng, so one file holds sections of both byte orders. Only block framing, fixed
# fields and option headers are swapped; option string values and packet bytes are unchanged.
# Checked with: tshark -r mixed-endian.pcapng (reads 13 frames).
# Run from anywhere after make-reader-fixtures.sh:  sh src/test/resources/io/seamline/capture/make-bigendian-pcapng.sh
# Tools: python3, editcap (Wireshark 4.0).
set -eu
cd "$(dirname "$0")"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
editcap -F pcapng ipip-nanosecond-bigendian.pcap "$W/ipip-nanosecond.pcapng"
python3 - two-interfaces.pcapng "$W/big.pcapng" <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
raw = open(src, "rb").read()
out, pos = bytearray(), 0
NUMERIC = {(1, 14): 8, (6, 2): 4, (6, 4): 8, (6, 5): 8}   # if_tsoffset, epb_flags, epb_dropcount, epb_packetid

def options(block_type, body):
    res, i = bytearray(), 0
    while i + 4 <= len(body):
        code, length = struct.unpack_from("<HH", body, i)
        value = body[i + 4:i + 4 + length]
        size = NUMERIC.get((block_type, code))
        if size == length and size:
            value = value[::-1]
        pad = (4 - length % 4) % 4
        res += struct.pack(">HH", code, length) + value + body[i + 4 + length:i + 4 + length + pad]
        i += 4 + length + pad
        if code == 0:
            break
    return res

while pos < len(raw):
    btype, blen = struct.unpack_from("<II", raw, pos)
    body = raw[pos + 8:pos + blen - 4]
    if btype == 0x0A0D0D0A:
        bom, major, minor, seclen = struct.unpack_from("<IHHq", body, 0)
        new = struct.pack(">IHHq", bom, major, minor, seclen) + options(btype, body[16:])
    elif btype == 1:
        link, res, snap = struct.unpack_from("<HHI", body, 0)
        new = struct.pack(">HHI", link, res, snap) + options(btype, body[8:])
    elif btype == 6:
        iface, hi, lo, cap, orig = struct.unpack_from("<IIIII", body, 0)
        padded = (cap + 3) & ~3
        new = struct.pack(">IIIII", iface, hi, lo, cap, orig) + body[20:20 + padded] + options(btype, body[20 + padded:])
    else:
        raise SystemExit("unexpected block type %d" % btype)
    out += struct.pack(">II", btype, len(new) + 12) + new + struct.pack(">I", len(new) + 12)
    pos += blen
open(dst, "wb").write(out)
PY
cat "$W/big.pcapng" "$W/ipip-nanosecond.pcapng" > mixed-endian.pcapng
