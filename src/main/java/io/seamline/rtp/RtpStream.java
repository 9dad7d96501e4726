package io.seamline.rtp;

import java.time.Instant;
import java.util.List;

/**
 * One RTP stream with the figures {@code tshark -q -z rtp,streams} prints for it, plus what RTCP said
 * about it and the events (RFC 4733, comfort noise) it carried.
 *
 * @param key              addresses, ports and SSRC
 * @param payloadTypes     the PTs seen, in ascending order
 * @param payloadNames     tshark's Payload column, e.g. "g711A, CN, RTPType-100"
 * @param firstFrame       frame number of the first packet
 * @param startUtc         arrival of the first packet, UTC
 * @param endUtc           arrival of the last packet, UTC
 * @param startRelativeSec first arrival in seconds since the capture's first frame (tshark "Start time")
 * @param endRelativeSec   last arrival in seconds since the capture's first frame (tshark "End time")
 * @param packets          packets received
 * @param expected         packets expected from the extended sequence numbers
 * @param lost             expected minus received (negative when duplicates outnumber losses)
 * @param sequenceErrors   packets out of sequence (lost gaps, late or duplicated)
 * @param minDeltaMs       smallest arrival delta between regular packets, ms (-1 when none)
 * @param meanDeltaMs      mean arrival delta, ms
 * @param maxDeltaMs       largest arrival delta, ms
 * @param minJitterMs      smallest RFC 3550 interarrival jitter, ms (-1 when none)
 * @param meanJitterMs     mean jitter, ms
 * @param maxJitterMs      largest jitter, ms
 * @param problem          tshark's "Problems?" X: a wrong sequence number or timestamp was seen
 * @param rtcpReports      sender and receiver reports about this SSRC, in arrival order
 * @param events           telephone events and comfort-noise packets, in arrival order
 */
public record RtpStream(RtpStreamKey key, List<Integer> payloadTypes, String payloadNames, long firstFrame,
                        Instant startUtc, Instant endUtc, double startRelativeSec, double endRelativeSec,
                        long packets, long expected, long lost, long sequenceErrors,
                        double minDeltaMs, double meanDeltaMs, double maxDeltaMs,
                        double minJitterMs, double meanJitterMs, double maxJitterMs, boolean problem,
                        List<RtcpReport> rtcpReports, List<RtpEvent> events) {

    /** @return lost packets as a percentage of expected, as tshark prints it (0 when none expected) */
    public double lostPercent() {
        return expected == 0 ? 0 : lost * 100.0 / expected;
    }
}
