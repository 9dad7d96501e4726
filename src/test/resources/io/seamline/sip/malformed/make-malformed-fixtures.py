#!/usr/bin/env python3
"""Writes one malformed SIP message per rejection path of SipParser that RFC 4475 does not cover,
plus a multipart bomb that must be bounded (kept, not rejected). Each file is a small variation of
an ordinary OPTIONS request (RFC 3261 §24.2 style), line ends CRLF.

Run: cd src/test/resources/io/seamline/sip/malformed && python3 make-malformed-fixtures.py
"""

HEAD = """OPTIONS sip:carol@chicago.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877
Max-Forwards: 70
To: <sip:carol@chicago.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710
CSeq: 63104 OPTIONS
"""

def bomb(depth):
    """multipart/mixed nested `depth` times, each level holding 40 text parts and the next level."""
    if depth == 0:
        return "Content-Type: text/plain\n\nleaf\n"
    b = "b%d" % depth
    parts = "".join("--%s\nContent-Type: text/plain\n\npart %d\n" % (b, i) for i in range(40))
    return ('Content-Type: multipart/mixed;boundary=%s\n\n' % b) + parts + "--%s\n" % b + bomb(depth - 1) + "--%s--\n" % b

FILES = {
    "header-without-colon.sip": HEAD + "Foobar roobar\nContent-Length: 0\n\n",
    "continuation-before-any-header.sip": HEAD.split("\n", 1)[0] + "\n folded line with no header\nContent-Length: 0\n\n",
    "keepalive-only.sip": "\n\n",
    "content-length-not-number.sip": HEAD + "Content-Length: twelve\n\n",
    "method-not-token.sip": HEAD.replace("OPTIONS sip:", "OPT@IONS sip:", 1) + "Content-Length: 0\n\n",
    "too-many-headers.sip": HEAD + "".join("X-Filler-%d: %d\n" % (i, i) for i in range(300)) + "Content-Length: 0\n\n",
}

if __name__ == "__main__":
    for name, text in FILES.items():
        with open(name, "wb") as f:
            f.write(text.replace("\n", "\r\n").encode("ascii"))
    body = bomb(6).replace("\n", "\r\n")
    top, rest = body.split("\r\n\r\n", 1)
    with open("multipart-bomb.sip", "wb") as f:
        f.write((HEAD.replace("\n", "\r\n") + top + "\r\nContent-Length: %d\r\n\r\n" % len(rest.encode()) + rest).encode("ascii"))
