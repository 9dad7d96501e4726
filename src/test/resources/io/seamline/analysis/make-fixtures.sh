#!/bin/sh
# Makes the gap-detector fixtures of io.seamline.analysis with espeak-ng and sox (8 kHz, 16-bit, mono).
# Run from this directory:  sh make-fixtures.sh
# speech-a.wav / speech-b.wav: espeak-ng sentences with natural pauses (SSML breaks of 0.4 to 1.5 s); sox
#   resamples and dithers, so pauses are low noise around -96 dBFS, never digital zero.
# speech-a-line.wav: speech-a mixed with pink "line" noise of about -54 dBFS RMS.
# quiet-noise-2s.wav: white noise at 0.0001 of full scale (about -85 dBFS), the filler of a near-silent gap.
# white-noise-2s.wav: white noise at 0.3 of full scale, the filler of a noise burst.
# loud-line-2s.wav: pink noise at 0.1 of full scale, a loud line the tests add to speech.
# comfort-noise-2s.wav: white noise at 0.002 of full scale (about -67 dBFS): above -70 dBFS, far below a loud line.
# clipped-speech.wav: 3 s of speech-a amplified 6 times; sox clips (and says so on stderr).
# clipped-speech-mulaw.wav: the same in G.711 mu-law, whose largest value is 0.980 of full scale.
# dropout-500ms.wav: 3 s of speech-a with 0.5 s of zeros inserted by sox at 1.5 s (sample 12000).
# The tests splice 17 s of zeros / quiet noise / white noise into speech at a known sample at run time.
set -eu
T=$(mktemp -d)
cat > "$T/a.ssml" <<'SSML'
<speak>The customer called about a late delivery. <break time="700ms"/> I checked the order, and it left the
warehouse on Monday. Could you confirm the postcode for me, please? <break time="1500ms"/> Yes, it is twelve.</speak>
SSML
cat > "$T/b.ssml" <<'SSML'
<speak>Thank you. <break time="400ms"/> The parcel is with the courier now, and it should arrive tomorrow.
Is there anything else I can help you with? <break time="1200ms"/> No, that is all, thank you.</speak>
SSML
espeak-ng -m -v en-us -s 160 -w "$T/a.wav" -f "$T/a.ssml"
espeak-ng -m -v en-us -s 160 -w "$T/b.wav" -f "$T/b.ssml"
sox "$T/a.wav" -r 8000 -c 1 -b 16 speech-a.wav
sox "$T/b.wav" -r 8000 -c 1 -b 16 speech-b.wav
sox -n -r 8000 -c 1 -b 16 "$T/pink.wav" synth "$(soxi -D speech-a.wav)" pinknoise vol 0.01
sox -m speech-a.wav "$T/pink.wav" speech-a-line.wav
sox -n -r 8000 -c 1 -b 16 quiet-noise-2s.wav synth 2 whitenoise vol 0.0001
sox -n -r 8000 -c 1 -b 16 white-noise-2s.wav synth 2 whitenoise vol 0.3
sox -n -r 8000 -c 1 -b 16 loud-line-2s.wav synth 2 pinknoise vol 0.1
sox -n -r 8000 -c 1 -b 16 comfort-noise-2s.wav synth 2 whitenoise vol 0.002
sox speech-a.wav clipped-speech.wav trim 0 3 vol 6 || true
sox clipped-speech.wav -t wavpcm -e mu-law -b 8 clipped-speech-mulaw.wav
sox speech-a.wav dropout-500ms.wav trim 0 3 pad 0.5@1.5
rm -rf "$T"
