#!/bin/sh
# Makes the "failover" sample case: failover.pcap (a SIP call over UDP on loopback in its own network
# namespace, G.711 mu-law speech both ways from sipp; after 25 s the media stops in both directions,
# 16.5 s later a re-INVITE moves the call to media server 2 (new SDP port 6100, answer 7200), and
# about 17 s after the last old packet new RTP flows with new SSRCs from new source ports, then BYE),
# failover.rtp-streams.txt (tshark's RTP stream table), cloud-recording.wav (the cloud recorder's mix with
# the handoff window cut out), sbc01_<Call-ID>_<start>.wav (the SBC edge buffer, Broadcast Wave, whole
# call including the window) with its .json sidecar, and expected.json (the truth from generation).
#
# Run as root (network namespaces):  sh sample-cases/failover/make.sh
# Takes about 75 s. Re-runnable: it replaces every generated file.
# Tools: SIPp v3.6.1 (Debian sip-tester), dumpcap/tshark 4.0.17, espeak-ng 1.51, SoX 14.4.2,
# iproute2, Python 3.11 with numpy; mediainfo 23.04 to check the bext start.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-sample-failover
WORK=$(mktemp -d)
cleanup() { ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ip netns del $NS 2>/dev/null || true
cp "$HERE"/*.xml "$WORK"/
cd "$WORK"

python3 "$HERE"/build.py speech "$WORK"

ip netns add $NS
ip netns exec $NS ip link set lo up
# The second legs' own SIP (5062 <-> 5072) and the warm-up calls (5063) are not part of the story.
ip netns exec $NS dumpcap -q -i lo -P -w "$WORK"/lo.pcap -f "not (udp port 5062 or udp port 5072 or udp port 5063)" &
CAP=$!
sleep 2

ip netns exec $NS sipp -sf uas-1.xml -i 127.0.0.1 -p 5070 -mp 7000 -m 2 -nostdin >/dev/null 2>&1 &
UAS1=$!
ip netns exec $NS sipp -sf uas-2.xml -i 127.0.0.1 -p 5072 -mp 7200 -m 4 -nostdin >/dev/null 2>&1 &
UAS2=$!
sleep 1
ip netns exec $NS sipp -sf warm.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5063 -mp 6900 -m 1 -nostdin >/dev/null 2>&1
ip netns exec $NS sipp -sf warm.xml 127.0.0.1:5072 -i 127.0.0.1 -p 5063 -mp 6900 -m 1 -nostdin >/dev/null 2>&1
sleep 1
ip netns exec $NS sipp -sf uac-a.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5060 -mp 6000 -m 1 \
    -cid_str '7c3e91d2-4f0b-4a6e-b5d8-%u@sbc01.example.net' -nostdin >/dev/null 2>&1 &
UACA=$!
sleep 42
ip netns exec $NS sipp -sf uac-b.xml 127.0.0.1:5072 -i 127.0.0.1 -p 5062 -mp 6100 -m 3 -l 1 -r 100 -nostdin >/dev/null 2>&1
wait $UACA
wait $UAS1 $UAS2 || true
sleep 1
kill $CAP
wait $CAP || true

cp lo.pcap "$HERE"/failover.pcap && chmod 644 "$HERE"/failover.pcap
tshark -r "$HERE"/failover.pcap -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$HERE"/failover.rtp-streams.txt
rm -f "$HERE"/sbc01_*.wav "$HERE"/sbc01_*.wav.json
python3 "$HERE"/build.py outputs "$WORK" "$HERE"/failover.pcap
cat "$HERE"/failover.rtp-streams.txt
