package io.seamline.sip;

/** A transport address (IP literal and port) that sent or received a SIP message or RTP media. */
public record SipEndpoint(String ip, int port) {

    /** @return {@code ip:port}, with IPv6 literals in brackets (RFC 3986 §3.2.2) */
    @Override
    public String toString() {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }
}
