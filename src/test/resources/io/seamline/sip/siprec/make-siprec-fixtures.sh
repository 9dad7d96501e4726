#!/bin/sh
# Makes siprec-488-then-200.pcap, its SIP messages as siprec-488-then-200.sip.json and tshark's
# -z sip,stat report siprec-488-then-200.sip-stat.txt: a SIPREC (RFC 7866) recording
# client (sipp, src-uac.xml) calling a recording server (sipp, srs-uas.xml) twice over UDP on
# loopback. Call 1 offers G.729 and is rejected 488; call 2 offers G.711 with rs-metadata
# (participants, labels, conversationId) and is answered 200, paused (a=inactive), moved to new
# RTP ports, and ended by BYE from the client. Meanwhile an OPTIONS to a dead recorder port
# (options-uac.xml) goes unanswered. Only SIP is sent (no RTP).
#
# Needs root (network namespace), sipp 3.6.1 (Debian sip-tester), dumpcap and tshark 4.0.17.
# Run: cd src/test/resources/io/seamline/sip/siprec && sh make-siprec-fixtures.sh
set -eu
NS=seamline-siprec-fixture
ip netns add $NS
trap 'ip netns delete $NS' EXIT
ip netns exec $NS ip link set lo up
ip netns exec $NS dumpcap -q -i lo -P -w /tmp/siprec-raw.pcap -a duration:14 &
CAP=$!
sleep 1
ip netns exec $NS sipp -sf srs-uas.xml -i 127.0.0.1 -p 5070 -m 2 -nostdin >/dev/null 2>&1 &
sleep 0.5
ip netns exec $NS sipp -sf options-uac.xml -i 127.0.0.1 -p 5062 127.0.0.1:5090 -m 1 -nostdin >/dev/null 2>&1 &
ip netns exec $NS sipp -sf src-uac.xml -inf codecs.csv -i 127.0.0.1 -p 5060 127.0.0.1:5070 -m 2 -l 1 -r 1 -nostdin >/dev/null
wait $CAP || true
cp /tmp/siprec-raw.pcap siprec-488-then-200.pcap
python3 ../captures/extract-sip.py siprec-488-then-200.pcap siprec-488-then-200.sip.json
tshark -r siprec-488-then-200.pcap -q -z sip,stat > siprec-488-then-200.sip-stat.txt
