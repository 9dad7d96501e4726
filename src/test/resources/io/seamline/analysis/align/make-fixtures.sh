#!/usr/bin/env bash
# Makes the speech fixtures for the alignment and splice tests (io.seamline.analysis.AlignerTest,
# SpliceDetectorTest). Run from this directory:   bash make-fixtures.sh
# Tools: espeak-ng 1.51 and SoX 14.4.2 (sox with libsox-fmt-all).
#
#   speech-8k.wav        ~36 s of varied English sentences (several voices and rates), 8 kHz 16-bit
#                        mono PCM, the reference every test derives its variants from.
#   speech-16k-from-10s.wav
#                        seconds 10..18 of the same espeak-ng output, resampled by SoX's own `rate`
#                        effect to 16 kHz: a second source at another sample rate whose true offset
#                        against speech-8k.wav is 10 s = 80000 samples at 8 kHz.
#   speech-gsm-from-12s.wav
#                        speech-8k.wav encoded with GSM 06.10 full rate (SoX's libgsm, 13 kbit/s, as on
#                        a mobile leg) and decoded again, then seconds 12..22: a codec-degraded copy whose
#                        true offset is 12 s = 96000 samples.
#   unrelated-8k.wav     ~9 s of different sentences by a different voice: audio that does not occur
#                        in speech-8k.wav, for the low-confidence tests.
# Exact commands: see below; each espeak-ng call writes a 22050 Hz WAV, SoX joins them, lowers the
# level by 4 dB (espeak-ng peaks near full scale and would clip in the rate filter), then converts to the
# target rate with `rate -v` (very high quality, linear phase, so no delay is introduced). `-D` turns
# dither off so that re-running the script gives byte-identical files.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # voice rate text outfile
  espeak-ng -v "$1" -s "$2" -w "$4" "$3"
}
say en-gb        165 "The caller reported that the payment was taken twice from her account last Tuesday." "$tmp/01.wav"
say en-us+f3     150 "Please hold the line while I check the reference number on your order." "$tmp/02.wav"
say en-gb-scotland 175 "Seven hundred and forty two pounds, fifteen pence, was refunded on the third of March." "$tmp/03.wav"
say en-us        140 "Can you confirm the first line of your address and the postcode, please?" "$tmp/04.wav"
say en-gb+m4     185 "Thank you. I can see the transaction, and I am raising a dispute with the merchant now." "$tmp/05.wav"
say en-us+f2     160 "Will that affect my credit score, or the direct debit for the mortgage next month?" "$tmp/06.wav"
say en-gb-x-rp   150 "No, the dispute is recorded separately. You will receive a letter within ten working days." "$tmp/07.wav"
say en-us+m3     170 "Is there anything else I can help you with today, Missus Okonkwo?" "$tmp/08.wav"
say en-gb+f4     155 "Yes, one more question about the overdraft limit on the joint account we opened in June." "$tmp/09.wav"
sox "$tmp"/0*.wav -c 1 -b 16 -e signed-integer -D "$tmp/all.wav" gain -4 rate -v 8000 trim 0 36
cp "$tmp/all.wav" speech-8k.wav
sox "$tmp"/0*.wav -c 1 -b 16 -e signed-integer -D "$tmp/all16.wav" gain -4 rate -v 16000
sox "$tmp/all16.wav" speech-16k-from-10s.wav trim 10 8

sox speech-8k.wav -t gsm "$tmp/speech.gsm"
sox -t gsm -r 8000 -c 1 "$tmp/speech.gsm" -b 16 -e signed-integer speech-gsm-from-12s.wav trim 12 10

say en-us+f5 145 "Our quarterly garden club meeting moves to the library hall. Bring seeds, gloves, and a packed lunch for the walk by the river." "$tmp/u1.wav"
sox "$tmp/u1.wav" -c 1 -b 16 -e signed-integer -D unrelated-8k.wav gain -4 rate -v 8000 trim 0 9
