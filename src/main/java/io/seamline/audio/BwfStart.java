package io.seamline.audio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The start instant of a Broadcast Wave file worked out from its {@code bext} chunk, with the disagreements found.
 *
 * @param startUtc instant of the first sample in UTC (microsecond precision), empty when the date is unusable
 * @param warnings one line per problem (OriginationTime off by more than a second, TimeReference past a day, ...)
 */
public record BwfStart(Optional<Instant> startUtc, List<String> warnings) {
    /** Copies the warnings so the record stays immutable. */
    public BwfStart {
        warnings = List.copyOf(warnings);
    }
}
