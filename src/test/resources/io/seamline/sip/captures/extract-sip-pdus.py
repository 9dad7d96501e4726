#!/usr/bin/env python3
"""Extracts every SIP message tshark finds in a capture, whatever carries it (UDP, TCP with
reassembly, WebSocket, IP-in-IP, GRE/ERSPAN, fragmented IPv4/IPv6), into a JSON fixture with the same
fields as extract-sip.py. It reads tshark's own SIP PDU bytes (`sip_raw` of `-T json -x`), so TCP
reassembly, WebSocket unmasking and IP defragmentation are tshark's; a frame carrying several SIP
messages gives several entries with the same frame number. Addresses are the innermost IP header's.

Run (tshark 4.0.17), from this directory, e.g.:
  python3 extract-sip-pdus.py ../../../../../../../../shared/captures/public/heplify-sip_ipv4_tcp.pcap heplify-sip_ipv4_tcp.sip.json
(the tests use heplify-sip_ipv4_tcp, heplify-sip_ipv4_tcp_retrans, heplify-sip_tcp_websocket,
heplify-erspan_sip_ipv4_udp (.pcapng), sngrep-ipv6frag and sngrep-ipip; tshark finds no SIP in
heplify-sip_ipv4_tcp_fragmented and heplify-ipv6_udp_fragmented, so they have no fixture)
"""
import base64
import json
import os
import subprocess
import sys


def as_list(v):
    return v if isinstance(v, list) else [v]


def last(layers, name):
    v = layers.get(name)
    if v is None:
        return None
    return as_list(v)[-1]


def main(capture, out):
    cmd = ["tshark", "-r", capture, "-Y", "sip && !icmp && !icmpv6", "-T", "json", "-x", "--no-duplicate-keys"]
    frames = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    messages = []
    for f in frames:
        layers = f["_source"]["layers"]
        frame = layers["frame"]
        ip = last(layers, "ip") or last(layers, "ipv6")
        src = ip.get("ip.src") or ip.get("ipv6.src")
        dst = ip.get("ip.dst") or ip.get("ipv6.dst")
        if "websocket" in layers:
            transport, l4 = "WS", last(layers, "tcp")
        elif "tcp" in layers:
            transport, l4 = "TCP", last(layers, "tcp")
        else:
            transport, l4 = "UDP", last(layers, "udp")
        p = "tcp" if transport != "UDP" else "udp"
        sips = as_list(layers["sip"])
        raws = layers["sip_raw"]
        raws = raws if isinstance(raws[0], list) else [raws]
        for sip, raw in zip(sips, raws):
            req = sip.get("sip.Request-Line_tree", {})
            stat = sip.get("sip.Status-Line_tree", {})
            messages.append({
                "frame": int(frame["frame.number"]),
                "timeEpoch": frame["frame.time_epoch"],
                "srcIp": src,
                "srcPort": int(l4[p + ".srcport"]),
                "dstIp": dst,
                "dstPort": int(l4[p + ".dstport"]),
                "transport": transport,
                "tsharkMethod": req.get("sip.Method", ""),
                "tsharkStatusCode": stat.get("sip.Status-Code", ""),
                "tsharkResend": (req.get("sip.resend") or stat.get("sip.resend") or "0") in ("1", "True"),
                "payloadBase64": base64.b64encode(bytes.fromhex(raw[0])).decode(),
            })
    with open(out, "w") as fh:
        json.dump({"capture": os.path.basename(capture), "tool": "tshark 4.0.17", "messages": messages}, fh, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
