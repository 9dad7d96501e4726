package io.seamline.rtp;

import java.time.Instant;

/**
 * What one RTCP sender or receiver report (RFC 3550 §6.4) said about a media SSRC.
 *
 * @param frameNumber        frame carrying the report
 * @param timeUtc            arrival time of that frame
 * @param reporterSsrc       SSRC of the report's sender
 * @param sender             true for a sender report (then the NTP/RTP fields are set)
 * @param ntpTimestamp       64-bit NTP timestamp of the SR (RFC 3550 §6.4.1), 0 for an RR
 * @param ntpTimeUtc         that NTP timestamp as UTC, or {@code null} for an RR
 * @param rtpTimestamp       RTP timestamp corresponding to the NTP time (same clock as the media), 0 for an RR
 * @param senderPacketCount  packets sent so far by the SR's sender, 0 for an RR
 * @param senderOctetCount   payload octets sent so far, 0 for an RR
 * @param fractionLost       fraction lost since the last report, 0-255 (divide by 256), -1 when no block
 * @param cumulativeLost     cumulative packets lost (signed 24-bit), 0 when no block
 * @param jitterUnits        interarrival jitter reported, in media clock units, -1 when no block
 */
public record RtcpReport(long frameNumber, Instant timeUtc, long reporterSsrc, boolean sender, long ntpTimestamp,
                         Instant ntpTimeUtc, long rtpTimestamp, long senderPacketCount, long senderOctetCount,
                         int fractionLost, int cumulativeLost, long jitterUnits) {
}
