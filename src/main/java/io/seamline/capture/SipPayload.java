package io.seamline.capture;

import java.time.Instant;

/**
 * One whole SIP message (start line, headers and Content-Length body) found in a capture.
 *
 * @param frameNumber 1-based number of the frame that completed the message
 * @param timeUtc     capture time of that frame, UTC, microsecond precision
 * @param srcIp       source address (dotted IPv4 or RFC 5952 IPv6)
 * @param srcPort     source port
 * @param dstIp       destination address
 * @param dstPort     destination port
 * @param transport   UDP, TCP (reassembled, RFC 3261 §18.3 framing) or WebSocket (RFC 7118, unmasked)
 * @param message     the message bytes exactly as sent
 */
public record SipPayload(long frameNumber, Instant timeUtc, String srcIp, int srcPort, String dstIp, int dstPort,
                         SipTransport transport, byte[] message) {
}
