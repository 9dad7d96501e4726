#!/bin/sh
# Makes the codec fixtures in this folder:
#   all-codes.bin            the 256 byte values 0..255
#   all-codes.ulaw.s16le     sox's G.711 µ-law decoding of all-codes.bin (16-bit little-endian)
#   all-codes.alaw.s16le     sox's G.711 A-law decoding of all-codes.bin
#   speech.g722              1.5 s of espeak-ng speech encoded by ffmpeg's G.722 encoder (64 kbit/s, raw octets)
#   speech.g722.s16le        ffmpeg's G.722 decoding of speech.g722 (16 kHz, 16-bit little-endian)
# Run from anywhere:  sh src/test/resources/io/seamline/rtp/codecs/make-codec-fixtures.sh
# Tools: python3, sox (libsox-fmt-all), espeak-ng, ffmpeg 5.1.
set -eu
cd "$(dirname "$0")"
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)))' > all-codes.bin
sox -t ul -r 8000 -c 1 all-codes.bin -t s16 -e signed -b 16 -L all-codes.ulaw.s16le
sox -t al -r 8000 -c 1 all-codes.bin -t s16 -e signed -b 16 -L all-codes.alaw.s16le
W=$(mktemp -d)
espeak-ng -v en-us -s 170 -w "$W/s.wav" "Your call is important to us."
ffmpeg -v error -y -i "$W/s.wav" -t 1.5 -ar 16000 -ac 1 -c:a g722 -f g722 speech.g722
ffmpeg -v error -y -f g722 -i speech.g722 -f s16le -ac 1 -ar 16000 speech.g722.s16le
rm -rf "$W"
