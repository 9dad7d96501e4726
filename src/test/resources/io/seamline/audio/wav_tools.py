#!/usr/bin/env python3
"""Rewrites sox-made WAV files into the variants sox cannot write (called by make-fixtures.sh).

Usage:
  wav_tools.py bwf IN OUT      add bext (EBU Tech 3285 v2), LIST/INFO and iXML chunks before fmt
  wav_tools.py rf64 IN OUT     rewrite as RF64 (EBU Tech 3306): ds64 chunk, 0xFFFFFFFF sizes
  wav_tools.py nan IN OUT      float32 WAV with samples 4000..4009 = NaN and 4010 = +Inf
Only the Python standard library is used.
"""
import struct
import sys


def chunks(data):
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", "not a RIFF WAVE file"
    pos, out = 12, []
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        out.append((cid, data[pos + 8:pos + 8 + size]))
        pos += 8 + size + (size & 1)
    return out


def chunk(cid, body):
    return cid + struct.pack("<I", len(body)) + body + (b"\0" if len(body) & 1 else b"")


def fixed(text, n):
    raw = text.encode("ascii")
    assert len(raw) <= n
    return raw + b"\0" * (n - len(raw))


def bwf(src, dst):
    parts = chunks(open(src, "rb").read())
    # 08:42:15.123 local time at 8000 Hz: TimeReference = (8*3600+42*60+15)*8000 + 984 samples.
    time_ref = (8 * 3600 + 42 * 60 + 15) * 8000 + 984
    bext = (fixed("Edge buffer of SBC sbc01 for call a84b4c76e66710", 256) + fixed("sbc01", 32)
            + fixed("sbc01-000042", 32) + b"2026-11-22" + b"08:42:15"
            + struct.pack("<II", time_ref & 0xFFFFFFFF, time_ref >> 32) + struct.pack("<H", 2)
            + bytes(range(64)) + struct.pack("<hhhhh", -2300, 850, -310, -1800, -2000) + b"\0" * 180
            + b"A=PCM,F=8000,W=16,M=mono,T=sbc01 edge buffer\r\n")
    info_body = b"INFO" + chunk(b"INAM", b"call a84b4c76e66710\0") + chunk(b"ICMT", b"edge buffer\0")
    ixml = b'<?xml version="1.0" encoding="UTF-8"?><BWFXML><PROJECT>seamline</PROJECT><NOTE>edge</NOTE></BWFXML>'
    body = b"WAVE" + chunk(b"bext", bext)
    for cid, data in parts:
        body += chunk(cid, data)
    body += chunk(b"LIST", info_body) + chunk(b"iXML", ixml)
    open(dst, "wb").write(b"RIFF" + struct.pack("<I", len(body)) + body)


def rf64(src, dst):
    parts = chunks(open(src, "rb").read())
    fmt = [d for c, d in parts if c == b"fmt "][0]
    data = [d for c, d in parts if c == b"data"][0]
    frames = len(data) // struct.unpack("<H", fmt[12:14])[0]
    riff_size = 4 + (8 + 28) + (8 + len(fmt)) + (8 + len(data))
    ds64 = struct.pack("<QQQI", riff_size, len(data), frames, 0)
    out = (b"RF64" + struct.pack("<I", 0xFFFFFFFF) + b"WAVE" + chunk(b"ds64", ds64) + chunk(b"fmt ", fmt)
           + b"data" + struct.pack("<I", 0xFFFFFFFF) + data)
    open(dst, "wb").write(out)


def nan(src, dst):
    raw = bytearray(open(src, "rb").read())
    pos = raw.find(b"data") + 8
    fmt_tag = struct.unpack("<H", raw[20:22])[0]
    assert fmt_tag in (3, 0xFFFE), "expected a float WAV"
    for i in range(4000, 4010):
        raw[pos + 4 * i:pos + 4 * i + 4] = struct.pack("<f", float("nan"))
    raw[pos + 4 * 4010:pos + 4 * 4011] = struct.pack("<f", float("inf"))
    open(dst, "wb").write(bytes(raw))


if __name__ == "__main__":
    {"bwf": bwf, "rf64": rf64, "nan": nan}[sys.argv[1]](sys.argv[2], sys.argv[3])
