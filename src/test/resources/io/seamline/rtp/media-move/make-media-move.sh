#!/bin/sh
# Makes media-move.pcap (+ .pcapng and a Linux cooked v2 variant) and their tshark reference tables:
# a SIP call on loopback in its own network namespace where leg A streams 3 s of espeak-ng speech as
# PCMU from port 6000 to the agent's port 7000, re-INVITEs its media to port 6100, and after ~15 s of
# silence a second sipp process streams 3 s more from port 6100 (new source port, new SSRC).
# The second process's own SIP (ports 5062/5072) is kept out of the capture by the capture filter.
#
# Run as root from anywhere:  sh src/test/resources/io/seamline/rtp/media-move/make-media-move.sh
# Tools: sipp 3.6 (sip-tester), dumpcap/editcap/tshark 4.0, espeak-ng, sox, iproute2.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-media-move
WORK=$(mktemp -d)
trap 'ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
cp "$HERE"/uac-a.xml "$HERE"/uac-b.xml "$HERE"/uas.xml .

espeak-ng -v en-us -s 160 -w a.wav "Thank you for calling. May I have your account number please?"
espeak-ng -v en-us -s 160 -w b.wav "Sorry, the line dropped. I can see your payment arrived on Monday."
sox a.wav -r 8000 -c 1 -t raw -e mu-law -b 8 speech-a.ul trim 0 3
sox b.wav -r 8000 -c 1 -t raw -e mu-law -b 8 speech-b.ul trim 0 3

ip netns add $NS
ip netns exec $NS ip link set lo up
FILTER="not (udp port 5062 or udp port 5072)"
ip netns exec $NS dumpcap -q -i lo -P -w lo.pcap -f "$FILTER" &
LO_PID=$!
ip netns exec $NS dumpcap -q -i any -y LINUX_SLL2 -w any.pcapng -f "$FILTER" &
ANY_PID=$!
sleep 2

ip netns exec $NS sipp -sf uas.xml -i 127.0.0.1 -p 5070 -mp 7000 -m 1 -nostdin >/dev/null 2>&1 &
UAS_PID=$!
ip netns exec $NS sipp -sf uas.xml -i 127.0.0.1 -p 5072 -mp 7200 -m 2 -nostdin >/dev/null 2>&1 &
UAS2_PID=$!
sleep 1
ip netns exec $NS sipp -sf uac-a.xml 127.0.0.1:5070 -i 127.0.0.1 -p 5061 -mp 6000 -m 1 -nostdin >/dev/null 2>&1 &
A_PID=$!
sleep 18
ip netns exec $NS sipp -sf uac-b.xml 127.0.0.1:5072 -i 127.0.0.1 -p 5062 -mp 6100 -m 2 -l 1 -nostdin >/dev/null 2>&1
wait $A_PID $UAS_PID $UAS2_PID || true
sleep 1
kill $LO_PID $ANY_PID
wait $LO_PID $ANY_PID || true

cp lo.pcap "$HERE"/media-move.pcap
editcap -F pcapng lo.pcap "$HERE"/media-move.pcapng
editcap -F pcap any.pcapng "$HERE"/media-move-sll2.pcap
for f in media-move.pcap media-move.pcapng media-move-sll2.pcap; do
  tshark -r "$HERE/$f" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams > "$HERE/${f%.*}.$(echo "$f" | sed 's/.*\.//').rtp-streams.txt"
done
