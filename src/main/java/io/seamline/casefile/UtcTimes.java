package io.seamline.casefile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The one textual form of an instant in Seamline: ISO-8601 UTC with exactly six fraction digits
 * ({@code 2026-11-22T08:42:31.204000Z}), used in the case file, the custody hash and JSON output.
 */
public final class UtcTimes {
    private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    /** The current instant truncated to microseconds, the precision every Seamline time carries. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Formats an instant with microsecond precision in UTC. */
    public static String format(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Parses what {@link #format} wrote (any ISO-8601 instant is accepted). */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
