package io.seamline.analysis;

import java.time.Instant;

/**
 * One RTP stream of a capture with tshark's statistics (Wireshark {@code ui/tap-rtp-common.c}) and
 * its place in the call: the JSON form {@code show streams --json} prints.
 */
public record StreamRecord(long evidenceId, String callId, String direction, String ssrc, String srcIp, int srcPort,
        String dstIp, int dstPort, String payload, long packets, long expected, long lost, long sequenceErrors,
        double minDeltaMs, double meanDeltaMs, double maxDeltaMs, double minJitterMs, double meanJitterMs,
        double maxJitterMs, boolean problems, String problemReason, Instant startUtc, Instant endUtc, String decoding) {
}
