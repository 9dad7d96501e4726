#!/usr/bin/env python3
"""Extracts every SIP message of a UDP capture into a JSON fixture for DialogTrackerTest.

For each frame tshark dissects as SIP over UDP (not the copies quoted inside ICMP errors) it records
frame number, capture time (epoch seconds with microseconds), source/destination address and port,
transport, tshark's own sip.Method /
sip.Status-Code / sip.resend verdicts, and the UDP payload (the raw SIP message) in base64. The tests
feed the payloads to DialogTracker in capture order and compare with tshark's `-z sip,stat` figures in
/work/shared/captures/reference/.

Run (tshark 4.0.17, Debian package tshark), from this directory:
  python3 extract-sip.py ../../../../../../../../shared/captures/public/sngrep-aaa.pcap sngrep-aaa.sip.json
  python3 extract-sip.py ../../../../../../../../shared/captures/public/heplify-rtp_rtcp_sip_ipv4_udp.pcap heplify-rtp_rtcp_sip_ipv4_udp.sip.json
  python3 extract-sip.py ../../../../../../../../shared/captures/public/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.sip.json
  python3 extract-sip.py ../../../../../../../../shared/captures/public/heplify-sip_ipv6_udp.pcap heplify-sip_ipv6_udp.sip.json
"""
import base64
import json
import os
import subprocess
import sys

FIELDS = ["frame.number", "frame.time_epoch", "ip.src", "ipv6.src", "udp.srcport", "ip.dst", "ipv6.dst",
          "udp.dstport", "sip.Method", "sip.Status-Code", "sip.resend", "udp.payload"]


def main(capture, out):
    cmd = ["tshark", "-r", capture, "-Y", "sip && udp && !icmp && !icmpv6", "-T", "fields", "-E", "separator=\t", "-E", "occurrence=f"]
    for f in FIELDS:
        cmd += ["-e", f]
    rows = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    messages = []
    for row in rows:
        v = dict(zip(FIELDS, row.split("\t")))
        messages.append({
            "frame": int(v["frame.number"]),
            "timeEpoch": v["frame.time_epoch"],
            "srcIp": v["ip.src"] or v["ipv6.src"],
            "srcPort": int(v["udp.srcport"]),
            "dstIp": v["ip.dst"] or v["ipv6.dst"],
            "dstPort": int(v["udp.dstport"]),
            "transport": "UDP",
            "tsharkMethod": v["sip.Method"],
            "tsharkStatusCode": v["sip.Status-Code"],
            "tsharkResend": v["sip.resend"] in ("1", "True"),
            "payloadBase64": base64.b64encode(bytes.fromhex(v["udp.payload"].replace(":", ""))).decode(),
        })
    with open(out, "w") as f:
        json.dump({"capture": os.path.basename(capture), "tool": "tshark 4.0.17", "messages": messages}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
