#!/bin/sh
# Makes the "hold" sample case: hold.pcap (an agent's call to a customer, SIP over UDP on loopback in its
# own network namespace, G.711 mu-law speech both ways from sipp; 16 s after the ACK the agent holds the
# call with a re-INVITE a=sendonly, the customer answers a=recvonly and sends no RTP for 12 s, then a
# re-INVITE a=sendrecv resumes the call on the same ports and SSRCs, and 18 s later BYE),
# hold.rtp-streams.txt (tshark's RTP stream table), cloud-recording.wav (the recorder's mix of both
# directions, not paused on hold: the hold is low noise) and expected.json (the truth from generation).
#
# Run as root (network namespaces):  sh sample-cases/hold/make.sh
# Takes about 55 s. Re-runnable: it replaces every generated file.
# Tools: SIPp v3.6.1 (Debian sip-tester), dumpcap/tshark 4.0.17, espeak-ng 1.51, SoX 14.4.2,
# iproute2, Python 3.11 with numpy.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-sample-hold
WORK=$(mktemp -d)
cleanup() { ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ip netns del $NS 2>/dev/null || true
cp "$HERE"/*.xml "$WORK"/
cd "$WORK"

python3 "$HERE"/build.py speech "$WORK"

ip netns add $NS
ip netns exec $NS ip link set lo up
# the warm-up call (SIP port 5063) only shifts the customer side's SSRC; it is not part of the story
ip netns exec $NS dumpcap -q -i lo -P -w "$WORK"/lo.pcap -f "not udp port 5063" &
CAP=$!
sleep 2
ip netns exec $NS sipp -sf uas-customer.xml -i 127.0.0.1 -p 5070 -mp 7000 -m 2 -nostdin >/dev/null 2>&1 &
UAS=$!
sleep 1
ip netns exec $NS sipp -sf warm-up.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5063 -mp 6900 -m 1 -nostdin >/dev/null 2>&1
sleep 1
ip netns exec $NS sipp -sf uac-agent.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5060 -mp 6000 -m 1 \
    -cid_str 'c2b8e4a0-91d7-4f3c-8e25-%u@cc.example.com' -nostdin >/dev/null 2>&1
wait $UAS || true
sleep 1
kill $CAP
wait $CAP || true

cp lo.pcap "$HERE"/hold.pcap && chmod 644 "$HERE"/hold.pcap
tshark -r "$HERE"/hold.pcap -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$HERE"/hold.rtp-streams.txt
python3 "$HERE"/build.py outputs "$WORK" "$HERE"/hold.pcap
cat "$HERE"/hold.rtp-streams.txt
