#!/usr/bin/env python3
"""Writes a pcap of one SIP call (INVITE/200/ACK with SDP, BYE/200) carrying two-way G.711 µ-law RTP,
20 ms packets, for benchmarking `seamline analyze` against tshark. Usage:
    python3 make-g711-capture.py OUT.pcap PACKETS
PACKETS is the total RTP packet count (both directions together)."""
import math, struct, sys

out, total = sys.argv[1], int(sys.argv[2])
A, B = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
MAC_A, MAC_B = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF

def frame(src, dst, sport, dport, payload):
    udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0x4000, 64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    smac, dmac = (MAC_A, MAC_B) if src == A else (MAC_B, MAC_A)
    return dmac + smac + b"\x08\x00" + ip + udp

def sdp(ip, port):
    return ("v=0\r\no=- 1 1 IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\n"
            "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n" % (ip, ip, port))

def sip(first_line, cseq, body=""):
    headers = [first_line, "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-bench-%d" % cseq,
               "From: <sip:caller@10.0.0.1>;tag=a1", "To: <sip:agent@10.0.0.2>" + (";tag=b2" if cseq > 1 or first_line.startswith("SIP") else ""),
               "Call-ID: bench-1@10.0.0.1", "CSeq: %d %s" % (cseq, "INVITE" if cseq == 1 else ("ACK" if cseq == 2 else "BYE")),
               "Contact: <sip:caller@10.0.0.1>", "Max-Forwards: 70"]
    if body:
        headers.append("Content-Type: application/sdp")
    headers.append("Content-Length: %d" % len(body))
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode()

tone = bytes((int(0x55 + 40 * math.sin(i / 3.0)) & 0xFF) for i in range(160))
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    t0 = 1_795_000_000.0
    def write(t, data):
        sec = int(t)
        f.write(struct.pack("<IIII", sec, int(round((t - sec) * 1e6)), len(data), len(data)))
        f.write(data)
    write(t0, frame(A, B, 5060, 5060, sip("INVITE sip:agent@10.0.0.2 SIP/2.0", 1, sdp("10.0.0.1", 20000))))
    write(t0 + 0.1, frame(B, A, 5060, 5060, sip("SIP/2.0 200 OK", 1, sdp("10.0.0.2", 30000))))
    write(t0 + 0.11, frame(A, B, 5060, 5060, sip("ACK sip:agent@10.0.0.2 SIP/2.0", 2)))
    per_side = total // 2
    for n in range(per_side):
        t = t0 + 0.2 + n * 0.02
        for (src, dst, sp, dp, ssrc, off) in ((A, B, 20000, 30000, 0x11111111, 0.0), (B, A, 30000, 20000, 0x22222222, 0.0005)):
            rtp = struct.pack("!BBHII", 0x80, 0, n & 0xFFFF, (n * 160) & 0xFFFFFFFF, ssrc) + tone
            write(t + off, frame(src, dst, sp, dp, rtp))
    end = t0 + 0.2 + per_side * 0.02 + 0.1
    write(end, frame(A, B, 5060, 5060, sip("BYE sip:agent@10.0.0.2 SIP/2.0", 3)))
