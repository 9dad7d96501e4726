package io.seamline.analysis;

import java.time.Instant;

/**
 * Where a lane sits on the case's reference clock: the instant of its first sample, the correction
 * applied to what its metadata said, drift, confidence and method ({@code show alignment --json}).
 */
public record AlignmentRecord(long laneId, String lane, long evidenceId, Instant alignedStartUtc, double offsetMs,
        long offsetSamples, double driftPpm, double confidence, String method, boolean flagged, String reference) {
}
