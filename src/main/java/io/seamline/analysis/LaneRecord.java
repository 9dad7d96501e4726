package io.seamline.analysis;

import java.time.Instant;
import java.util.List;

/**
 * One audio lane: a channel of a recording or edge buffer, or one decoded direction of a capture,
 * with its sample rate, length, the start time its metadata claims, and the sample ranges
 * {@code [start, end)} no source data covered (holes in decoded capture audio).
 */
public record LaneRecord(long id, long evidenceId, int channel, String name, String kind, String callId,
        int sampleRateHz, long sampleCount, Instant metadataStartUtc, String startSource, String note,
        List<long[]> holes) {

    public LaneRecord {
        holes = holes == null ? List.of() : List.copyOf(holes);
    }

    /** Duration in seconds. */
    public double durationSec() {
        return sampleRateHz == 0 ? 0 : (double) sampleCount / sampleRateHz;
    }
}
