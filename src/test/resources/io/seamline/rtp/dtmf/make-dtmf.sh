#!/bin/sh
# Makes dtmf.pcap and its tshark reference table: on loopback in a network namespace, a sipp caller offers
# PCMU + telephone-event/8000 (PT 101), streams 1 s of espeak-ng speech, then plays sipp's RFC 4733
# captures for digits 1 and 2 (each: start, updates, three end packets).
# Run as root from anywhere:  sh src/test/resources/io/seamline/rtp/dtmf/make-dtmf.sh
# Tools: sipp 3.6 (sip-tester, with its /usr/share/sip-tester/dtmf_2833_*.pcap), dumpcap/tshark 4.0, espeak-ng, sox.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-dtmf
WORK=$(mktemp -d)
trap 'ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
cp "$HERE"/uac-dtmf.xml "$HERE"/uas-dtmf.xml /usr/share/sip-tester/dtmf_2833_1.pcap /usr/share/sip-tester/dtmf_2833_2.pcap .
espeak-ng -v en-us -s 160 -w s.wav "Please enter your PIN."
sox s.wav -r 8000 -c 1 -t raw -e mu-law -b 8 speech.ul trim 0 1
ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS dumpcap -q -i lo -P -w lo.pcap &
CAP_PID=$!
sleep 2
ip netns exec $NS sipp -sf uas-dtmf.xml -i 127.0.0.1 -p 5070 -mp 7000 -m 1 -nostdin >/dev/null 2>&1 &
UAS_PID=$!
sleep 1
ip netns exec $NS sipp -sf uac-dtmf.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5061 -mp 6000 -m 1 -nostdin >/dev/null 2>&1
wait $UAS_PID || true
sleep 1
kill $CAP_PID
wait $CAP_PID || true
cp lo.pcap "$HERE"/dtmf.pcap
tshark -r "$HERE"/dtmf.pcap -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$HERE"/dtmf.pcap.rtp-streams.txt
