package io.seamline.analysis;

import java.time.Instant;

/**
 * One audio lane: a channel of a recording or edge buffer, or one decoded direction of a capture,
 * with its sample rate, length and the start time its metadata claims.
 */
public record LaneRecord(long id, long evidenceId, int channel, String name, String kind, String callId,
        int sampleRateHz, long sampleCount, Instant metadataStartUtc, String startSource, String note) {

    /** Duration in seconds. */
    public double durationSec() {
        return sampleRateHz == 0 ? 0 : (double) sampleCount / sampleRateHz;
    }
}
