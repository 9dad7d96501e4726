package io.seamline.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Broadcast Wave {@code bext} chunk (EBU Tech 3285 v2 §2.3), with text fields trimmed of NUL padding.
 *
 * @param description free text, 256 bytes in the file
 * @param originator name of the originating system (an SBC name for an edge buffer), 32 bytes
 * @param originatorReference unique reference given by the originator, 32 bytes
 * @param originationDate {@code yyyy-mm-dd} as stored, 10 bytes
 * @param originationTime {@code hh:mm:ss} as stored, 8 bytes (whole seconds only)
 * @param timeReferenceSamples first sample's count of samples since midnight of {@code originationDate}
 *     (two 32-bit little-endian words, low word first; unsigned)
 * @param version BWF version (0, 1 or 2)
 * @param umidHex SMPTE 330M UMID (64 bytes) as lower-case hex, empty when all zero
 * @param loudnessValue integrated loudness in LUFS times 100 (version 2), 0x7fff when absent
 * @param loudnessRange loudness range in LU times 100 (version 2)
 * @param maxTruePeakLevel maximum true peak in dBTP times 100 (version 2)
 * @param maxMomentaryLoudness maximum momentary loudness in LUFS times 100 (version 2)
 * @param maxShortTermLoudness maximum short-term loudness in LUFS times 100 (version 2)
 * @param codingHistory CodingHistory text (EBU R 98 lines)
 */
public record BextChunk(
        String description,
        String originator,
        String originatorReference,
        String originationDate,
        String originationTime,
        long timeReferenceSamples,
        int version,
        String umidHex,
        short loudnessValue,
        short loudnessRange,
        short maxTruePeakLevel,
        short maxMomentaryLoudness,
        short maxShortTermLoudness,
        String codingHistory) {

    /** Bytes before CodingHistory (EBU Tech 3285 v2: 602). */
    static final int FIXED_SIZE = 602;

    /**
     * Parses a {@code bext} chunk body.
     *
     * @param body chunk bytes (at least {@value #FIXED_SIZE})
     * @return the parsed chunk
     * @throws IllegalArgumentException if the body is shorter than the fixed part
     */
    static BextChunk parse(byte[] body) {
        if (body.length < FIXED_SIZE) {
            throw new IllegalArgumentException("bext chunk has " + body.length + " bytes, fewer than the " + FIXED_SIZE
                    + " of EBU Tech 3285");
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        long low = b.getInt(338) & 0xffffffffL;
        long high = b.getInt(342) & 0xffffffffL;
        byte[] umid = new byte[64];
        System.arraycopy(body, 348, umid, 0, 64);
        boolean umidZero = true;
        for (byte x : umid) {
            umidZero &= x == 0;
        }
        return new BextChunk(
                text(body, 0, 256), text(body, 256, 32), text(body, 288, 32), text(body, 320, 10), text(body, 330, 8),
                (high << 32) | low,
                b.getShort(346) & 0xffff,
                umidZero ? "" : HexFormat.of().formatHex(umid),
                b.getShort(412), b.getShort(414), b.getShort(416), b.getShort(418), b.getShort(420),
                text(body, FIXED_SIZE, body.length - FIXED_SIZE));
    }

    private static String text(byte[] body, int offset, int length) {
        int end = offset;
        while (end < offset + length && body[end] != 0) {
            end++;
        }
        // EBU Tech 3285 §2.3: text is ASCII; read as Latin-1 so that no byte is ever rejected.
        return new String(body, offset, end - offset, StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * Works out the instant of the first sample: OriginationDate at midnight in {@code caseZone} plus
     * TimeReference / sampleRate (EBU Tech 3285 §2.3: TimeReference counts samples since midnight). The sub-second
     * part comes from TimeReference; OriginationTime (whole seconds) is only cross-checked.
     *
     * @param sampleRateHz the file's sample rate
     * @param caseZone time zone in which the recorder wrote its local date and time
     * @return the start, truncated to microseconds, with warnings; empty start when the date cannot be read
     */
    public BwfStart startInstant(int sampleRateHz, ZoneId caseZone) {
        List<String> warnings = new ArrayList<>();
        Optional<LocalDate> date = parseDate(originationDate);
        if (date.isEmpty() || sampleRateHz <= 0) {
            warnings.add("bext OriginationDate '" + originationDate + "' is not a yyyy-mm-dd date; start unknown");
            return new BwfStart(Optional.empty(), warnings);
        }
        long seconds = Long.divideUnsigned(timeReferenceSamples, sampleRateHz);
        long remainder = Long.remainderUnsigned(timeReferenceSamples, sampleRateHz);
        if (seconds >= 86_400L) {
            warnings.add("bext TimeReference " + Long.toUnsignedString(timeReferenceSamples)
                    + " samples is more than one day after midnight");
        }
        if (seconds > 3_650L * 86_400L) {
            return new BwfStart(Optional.empty(), warnings);
        }
        long nanos = remainder * 1_000_000_000L / sampleRateHz;
        Instant midnight = date.get().atStartOfDay(caseZone).toInstant();
        Instant start = midnight.plusSeconds(seconds).plusNanos(nanos).truncatedTo(ChronoUnit.MICROS);
        Optional<LocalTime> time = parseTime(originationTime);
        if (time.isEmpty()) {
            warnings.add("bext OriginationTime '" + originationTime + "' is not hh:mm:ss; not cross-checked");
        } else {
            Instant stated = date.get().atTime(time.get()).atZone(caseZone).toInstant();
            Duration diff = Duration.between(stated, start).abs();
            if (diff.compareTo(Duration.ofSeconds(1)) > 0) {
                warnings.add("bext OriginationTime " + originationTime + " disagrees with TimeReference ("
                        + start.atZone(caseZone).toLocalTime() + ") by " + diff.toMillis() + " ms");
            }
        }
        return new BwfStart(Optional.of(start), warnings);
    }

    private static Optional<LocalDate> parseDate(String s) {
        // Tech 3285 writes "yyyy-mm-dd"; recorders also use ':' '/' '_' '.' or ' ' as the separator.
        if (s.length() != 10 || !digits(s, 0, 4) || !digits(s, 5, 7) || !digits(s, 8, 10)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                    Integer.parseInt(s.substring(8, 10))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> parseTime(String s) {
        if (s.length() != 8 || !digits(s, 0, 2) || !digits(s, 3, 5) || !digits(s, 6, 8)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(3, 5)),
                    Integer.parseInt(s.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
