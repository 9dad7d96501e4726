#!/usr/bin/env bash
# Makes the small evidence files the casefile tests import, one per detectable format.
# Tools (Debian): espeak-ng, sox, opus-tools, python3. Run from this folder: bash make-fixtures.sh
set -euo pipefail
espeak-ng -v en-us -s 160 -w /tmp/seamline-hello.wav "Hello, this is the agent speaking."
# Cloud recording: 8 kHz mono 16-bit PCM WAV.
sox /tmp/seamline-hello.wav -r 8000 -c 1 -b 16 recording.wav
# Edge buffer: the same audio as Broadcast Wave, with a bext chunk (EBU Tech 3285 v1) before fmt.
python3 - <<'PY'
import struct
data = open("recording.wav", "rb").read()
assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
def fixed(s, n): return s.encode("ascii").ljust(n, b"\0")
time_reference = (8 * 3600 + 42 * 60 + 15) * 8000 + 1000   # 08:42:15.125 at 8 kHz
bext = (fixed("Seamline test edge buffer", 256) + fixed("sbc01", 32) + fixed("call-4711", 32)
        + fixed("2026-11-22", 10) + fixed("08:42:15", 8)
        + struct.pack("<II", time_reference & 0xffffffff, time_reference >> 32)
        + struct.pack("<H", 1) + b"\0" * 64 + b"\0" * 190 + b"A=PCM,F=8000,W=16,M=mono\r\n")
if len(bext) % 2: bext += b"\0"
body = b"WAVE" + b"bext" + struct.pack("<I", len(bext)) + bext + data[12:]
open("edge-buffer.wav", "wb").write(b"RIFF" + struct.pack("<I", len(body)) + body)
PY
# Ogg Opus recording.
opusenc --quiet /tmp/seamline-hello.wav recording.opus
# Sidecar metadata and SIPREC-like XML.
printf '{"callId":"4711@sbc01.example.net","conversationId":"c0ffee00-1111-2222-3333-444455556666","startUtc":"2026-11-22T08:42:15.125Z","recorder":"sbc01"}\n' > sidecar.json
printf '<?xml version="1.0" encoding="UTF-8"?>\n<recording xmlns="urn:ietf:params:xml:ns:recording:1"><datamode>complete</datamode></recording>\n' > metadata.xml
printf 'this is neither a capture nor audio\n' > unknown.txt
