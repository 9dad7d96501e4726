#!/bin/sh
# Makes g722-call.pcap: 1.5 s of G.722 RTP (PT 9, RFC 3551 §4.5.2: 8 kHz RTP clock, 160 octets per 20 ms)
# from 10.0.0.1:40000 to 10.0.0.2:40002, carrying ../../rtp/codecs/speech.g722 (espeak-ng speech encoded by
# ffmpeg), framed by text2pcap (Wireshark 4.0) with Ethernet/IPv4/UDP headers.
# Run from anywhere:  sh src/test/resources/io/seamline/analysis/g722/make-g722-call.sh
# Tools: python3, text2pcap.
set -eu
cd "$(dirname "$0")"
W=$(mktemp -d)
python3 - ../../rtp/codecs/speech.g722 > "$W/call.txt" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
for n in range(len(data) // 160):
    rtp = bytes([0x80, 9]) + (n + 1).to_bytes(2, "big") + (n * 160).to_bytes(4, "big") + (0x722C0DEC).to_bytes(4, "big")
    rtp += data[n * 160:(n + 1) * 160]
    print("12:00:%02d.%06d 000000 %s" % ((n * 20000) // 1000000, (n * 20000) % 1000000, " ".join("%02x" % b for b in rtp)))
PY
text2pcap -q -t "%H:%M:%S.%f" -4 10.0.0.1,10.0.0.2 -u 40000,40002 "$W/call.txt" g722-call.pcap
rm -rf "$W"
