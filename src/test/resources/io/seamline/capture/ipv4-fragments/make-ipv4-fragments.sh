#!/bin/sh
# Makes ipv4-fragments.pcap and its tshark SIP statistics: on loopback in a network namespace with the
# MTU lowered to 1500, sipp sends a ~3.5 kB SIPREC-style INVITE over UDP (three IPv4 fragments) to
# sipp's built-in UAS, then ACK and BYE.
# Run as root from anywhere:  sh src/test/resources/io/seamline/capture/ipv4-fragments/make-ipv4-fragments.sh
# Tools: sipp 3.6, dumpcap/tshark 4.0, iproute2.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
NS=seamline-ipv4-fragments
WORK=$(mktemp -d)
trap 'ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS ip link set lo mtu 1500
ip netns exec $NS dumpcap -q -i lo -P -w lo.pcap &
CAP_PID=$!
sleep 2
ip netns exec $NS sipp -sn uas -i 127.0.0.1 -p 5070 -m 1 -nostdin >/dev/null 2>&1 &
UAS_PID=$!
sleep 1
ip netns exec $NS sipp -sf "$HERE/large-invite.xml" 127.0.0.1:5070 -i 127.0.0.1 -p 5061 -m 1 -nostdin >/dev/null 2>&1
wait $UAS_PID || true
sleep 1
kill $CAP_PID
wait $CAP_PID || true
cp lo.pcap "$HERE"/ipv4-fragments.pcap
tshark -r "$HERE"/ipv4-fragments.pcap -q -z sip,stat > "$HERE"/ipv4-fragments.sip-stat.txt
