package io.seamline.timeline;

import java.time.Instant;

/**
 * A shaded span on one lane: what is missing there, why, and how sure. A missing span (audio cut out
 * of the file) has a real duration on the reference clock though it occupies no samples of the lane.
 */
public record TimelineGap(long laneId, Instant startUtc, Instant endUtc, String kind, String cause,
        double confidence, String detail) {
}
