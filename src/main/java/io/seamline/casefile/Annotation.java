package io.seamline.casefile;

import java.time.Instant;

/** An examiner's note on a time range of the case (optionally on one lane), with the custody entry that recorded it. */
public record Annotation(long id, Instant startUtc, Instant endUtc, Long laneId, String text, long custodySeq) {
}
