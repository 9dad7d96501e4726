#!/bin/sh
# Makes the audio reader fixtures of io.seamline.audio with espeak-ng, sox, opusenc (opus-tools) and
# wav_tools.py (standard-library Python for the chunks sox cannot write: bext/INFO/iXML, RF64, NaN samples).
# Run from this directory:  sh make-fixtures.sh
# Check BWF headers independently with:  mediainfo --Full bwf-edge-buffer.wav
set -eu
T=$(mktemp -d)
espeak-ng -v en-us -s 160 -w "$T/a.wav" "Thank you for calling. Your order left the warehouse on Monday."
espeak-ng -v en-gb -s 150 -w "$T/b.wav" "Hello, I am calling about my delivery."
# Base: 8 kHz 16-bit mono speech (sox dithers, so pauses are low noise, not zero).
sox "$T/a.wav" -r 8000 -c 1 -b 16 speech-8k-s16.wav
# One second of the same speech in every sample encoding the WAV reader supports.
sox speech-8k-s16.wav "$T/one.wav" trim 0.5 1.0
sox "$T/one.wav" -t wavpcm -b 8 -e unsigned-integer pcm-u8.wav
sox "$T/one.wav" -t wavpcm -b 16 pcm-s16.wav
sox "$T/one.wav" -b 24 pcm-s24-extensible.wav
sox "$T/one.wav" -t wavpcm -b 24 pcm-s24.wav
sox "$T/one.wav" -b 32 pcm-s32-extensible.wav
sox "$T/one.wav" -t wavpcm -e floating-point -b 32 float32.wav
sox "$T/one.wav" -t wavpcm -e floating-point -b 64 float64.wav
sox "$T/one.wav" -t wavpcm -e mu-law -b 8 mulaw.wav
sox "$T/one.wav" -t wavpcm -e a-law -b 8 alaw.wav
# Agent on the left channel, customer on the right.
sox "$T/b.wav" -r 8000 -c 1 -b 16 "$T/b8.wav" trim 0 2
sox speech-8k-s16.wav "$T/a2.wav" trim 0 2
sox -M "$T/a2.wav" "$T/b8.wav" stereo-agent-customer.wav
# Three channels force WAVE_FORMAT_EXTENSIBLE with 16-bit samples.
sox -M "$T/a2.wav" "$T/b8.wav" "$T/a2.wav" three-channels-extensible.wav
# Broadcast Wave edge buffer and RF64.
python3 wav_tools.py bwf "$T/one.wav" bwf-edge-buffer.wav
python3 wav_tools.py rf64 "$T/one.wav" rf64-small.wav
python3 wav_tools.py nan float32.wav float32-nan.wav
# Ogg Opus: mono from 8 kHz input and stereo; opusenc resamples to 48 kHz and writes a pre-skip.
opusenc --quiet speech-8k-s16.wav speech.opus
opusenc --quiet stereo-agent-customer.wav stereo.opus
# Three channels: channel mapping family 1 (RFC 7845 §5.1.1.2).
opusenc --quiet three-channels-extensible.wav three-channels.opus
opusdec --quiet --rate 48000 speech.opus "$T/ref.wav"
soxi -s "$T/ref.wav" > speech.opus.opusdec-samples.txt
# Malformed fixtures, one per rejection path.
head -c 9000 speech-8k-s16.wav > data-overrun.wav
sox -n -r 8000 -c 1 -b 16 zero-samples.wav trim 0 0
# A recorder that died before patching sizes: RIFF size and data size left at 0, audio present.
cp speech-8k-s16.wav unfinalised-header.wav
printf '\000\000\000\000' | dd of=unfinalised-header.wav bs=1 seek=4 conv=notrunc status=none
printf '\000\000\000\000' | dd of=unfinalised-header.wav bs=1 seek=40 conv=notrunc status=none
sox "$T/one.wav" -e ms-adpcm unknown-codec-adpcm.wav
printf 'RIFX\000\000\000\000WAVEfmt ' > bad-magic.wav
head -c 3000 speech.opus > truncated-page.opus
head -c 47 speech.opus > bad-ogg-version.opus
printf '\001' | dd of=bad-ogg-version.opus bs=1 seek=4 conv=notrunc status=none
cp speech-8k-s16.wav not-ogg.opus
# Sidecar metadata: SBC file-name habit plus a JSON sidecar.
cp "$T/one.wav" "sbc01_a84b4c76e66710@pc33.example.com_20261122T084215.123Z.wav"
cp "$T/one.wav" "sbc02_3848276298220188511@atlanta.example.com_20261122-084215.wav"
cat > "sbc01_a84b4c76e66710@pc33.example.com_20261122T084215.123Z.json" <<'JSON'
{"callId": "a84b4c76e66710@pc33.example.com", "conversationId": "conv-7f3e2a",
 "startUtc": "2026-11-22T08:42:15.123456Z", "recorder": "sbc01"}
JSON
rm -rf "$T"
