#!/bin/sh
# Makes the "siprec" sample case: siprec.pcap (a SIPREC recording session, RFC 7866, SIP over UDP on
# loopback in its own network namespace: a first recording INVITE offering G.729 is refused 488 Not
# Acceptable Here; a second one, multipart SDP + application/rs-metadata+xml with participants and a
# conversationId, offering G.711 mu-law, is answered 200; the SRC starts forking RTP to the recorder only
# 5 s after the 200 OK, streams 20 s of the conversation, and sends BYE), siprec.rtp-streams.txt (tshark's
# RTP stream table), recording.wav (what the recorder stored: it starts 5 s late, mid-sentence) and
# expected.json (the truth from generation).
#
# Run as root (network namespaces):  sh sample-cases/siprec/make.sh
# Takes about 35 s. Re-runnable: it replaces every generated file.
# Tools: SIPp v3.6.1 (Debian sip-tester), dumpcap/tshark 4.0.17, espeak-ng 1.51, SoX 14.4.2,
# iproute2, Python 3.11 with numpy.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-sample-siprec
WORK=$(mktemp -d)
cleanup() { ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ip netns del $NS 2>/dev/null || true
cp "$HERE"/*.xml "$HERE"/codecs.csv "$WORK"/
cd "$WORK"

python3 "$HERE"/build.py speech "$WORK"

ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS dumpcap -q -i lo -P -w "$WORK"/lo.pcap &
CAP=$!
sleep 2
ip netns exec $NS sipp -sf srs-uas.xml -i 127.0.0.1 -p 5070 -mp 9000 -m 2 -nostdin >/dev/null 2>&1 &
SRS=$!
sleep 1
# the metadata's start-time (the recorded call's start, to the second) is the time the SRC starts
sed -i "s/START_TIME/$(date -u +%Y-%m-%dT%H:%M:%SZ)/g" src-uac.xml
ip netns exec $NS sipp -sf src-uac.xml -inf codecs.csv 127.0.0.1:5070 -i 127.0.0.1 -p 5060 -mp 6000 \
    -m 2 -l 1 -r 1 -cid_str 'e5f0a9c3-7d12-4b8e-9f46-%u@sbc01.example.net' -nostdin >/dev/null 2>&1
wait $SRS || true
sleep 1
kill $CAP
wait $CAP || true

cp lo.pcap "$HERE"/siprec.pcap && chmod 644 "$HERE"/siprec.pcap
tshark -r "$HERE"/siprec.pcap -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$HERE"/siprec.rtp-streams.txt
tshark -r "$HERE"/siprec.pcap -q -z sip,stat > "$HERE"/siprec.sip-stat.txt
python3 "$HERE"/build.py outputs "$WORK" "$HERE"/siprec.pcap
cat "$HERE"/siprec.rtp-streams.txt
