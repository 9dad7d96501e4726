#!/bin/sh
# Makes hold-resume.pcap, its SIP messages as hold-resume.sip.json and tshark's -z sip,stat report
# hold-resume.sip-stat.txt: an ordinary call between two sipp instances over UDP on loopback
# (scenarios from make-call-scenarios.py): OPTIONS answered 503, INVITE 180/200, hold with
# a=sendonly, resume, hold with c=0.0.0.0, resume on a new RTP port, BYE from the callee.
# Only SIP is sent (no RTP).
#
# Needs root (network namespace), sipp 3.6.1 (Debian sip-tester), dumpcap and tshark 4.0.17.
# Run: cd src/test/resources/io/seamline/sip/calls && sh make-call-fixtures.sh
set -eu
NS=seamline-call-fixture
ip netns add $NS
trap 'ip netns delete $NS' EXIT
ip netns exec $NS ip link set lo up
ip netns exec $NS dumpcap -q -i lo -P -w /tmp/hold-raw.pcap -a duration:8 &
CAP=$!
sleep 1
ip netns exec $NS sipp -sf hold-uas.xml -i 127.0.0.1 -p 5080 -m 1 -nostdin >/dev/null 2>&1 &
sleep 0.5
ip netns exec $NS sipp -sf hold-uac.xml -i 127.0.0.1 -p 5060 127.0.0.1:5080 -m 1 -nostdin >/dev/null
wait $CAP || true
cp /tmp/hold-raw.pcap hold-resume.pcap
chmod 644 hold-resume.pcap
python3 ../captures/extract-sip.py hold-resume.pcap hold-resume.sip.json
tshark -r hold-resume.pcap -q -z sip,stat > hold-resume.sip-stat.txt
