package io.seamline.analysis;

import java.time.Instant;
import java.util.Map;

/**
 * A gap in one lane: where (UTC and seconds into the evidence file), how long, what kind, why, and
 * how sure; a missing span has {@code startSec == endSec} at the splice ({@code show gaps --json}).
 */
public record GapRecord(long laneId, String lane, long evidenceId, Instant startUtc, Instant endUtc, double startSec,
        double endSec, double durationSec, String kind, String cause, String causeDetail, double confidence,
        Map<String, Object> thresholds) {
}
