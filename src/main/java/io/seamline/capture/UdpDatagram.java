package io.seamline.capture;

import java.time.Instant;

/**
 * One UDP datagram after IP reassembly.
 *
 * @param frameNumber 1-based number of the frame that completed the datagram
 * @param timeUtc     capture time of that frame, UTC, microsecond precision
 * @param srcIp       source address as Wireshark prints it (dotted IPv4, RFC 5952 IPv6)
 * @param srcPort     source port
 * @param dstIp       destination address, same form as {@code srcIp}
 * @param dstPort     destination port
 * @param ipv6        true when carried in IPv6
 * @param payload     UDP payload bytes (network byte order as on the wire); taps must not modify them
 * @param payloadOffset offset in bytes of {@code payload[0]} from the start of the capture file, where the
 *                    payload lies contiguously in one frame; -1 when it was reassembled from IP fragments
 */
public record UdpDatagram(long frameNumber, Instant timeUtc, String srcIp, int srcPort, String dstIp, int dstPort,
                          boolean ipv6, byte[] payload, long payloadOffset) {
}
