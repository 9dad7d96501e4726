package io.seamline.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One row of audio on the timeline: which lane, where its first sample sits on the reference clock,
 * its rate and length, and the sample ranges {@code [start, end)} that hold no source audio.
 */
public record TimelineLane(long laneId, long evidenceId, String label, LaneKind kind, Instant alignedStartUtc,
        int sampleRateHz, long sampleCount, String note, List<long[]> holes) {
    public TimelineLane {
        holes = holes == null ? List.of() : List.copyOf(holes);
    }

    /** The instant just after the last sample. */
    public Instant endUtc() {
        return alignedStartUtc.plusNanos(Math.round(sampleCount * 1e9 / sampleRateHz));
    }

    /** The sample index at an instant (may be negative or past the end). */
    public long sampleAt(Instant t) {
        return Math.round(Duration.between(alignedStartUtc, t).toNanos() * (double) sampleRateHz / 1e9);
    }
}
