package io.seamline.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One row of audio on the timeline: which lane, where its first sample sits on the reference clock,
 * its rate and length, the sample ranges {@code [start, end)} that hold no source audio, and the
 * pieces it is drawn in: a lane with spans cut out of it (missing spans) continues after each cut
 * later on the reference clock than its own sample count says.
 */
public record TimelineLane(long laneId, long evidenceId, String label, LaneKind kind, Instant alignedStartUtc,
        int sampleRateHz, long sampleCount, String note, List<long[]> holes, List<Piece> pieces) {

    /** Samples {@code [fromSample, toSample)} of the lane, the first of them at {@code startUtc}. */
    public record Piece(long fromSample, long toSample, Instant startUtc) {
        /** The instant just after the piece's last sample at {@code rateHz}. */
        public Instant endUtc(int rateHz) {
            return startUtc.plusNanos(Math.round((toSample - fromSample) * 1e9 / rateHz));
        }
    }

    public TimelineLane {
        holes = holes == null ? List.of() : List.copyOf(holes);
        pieces = pieces == null || pieces.isEmpty() ? List.of(new Piece(0, sampleCount, alignedStartUtc))
                : List.copyOf(pieces);
    }

    /** A lane drawn in one piece from its aligned start. */
    public TimelineLane(long laneId, long evidenceId, String label, LaneKind kind, Instant alignedStartUtc,
            int sampleRateHz, long sampleCount, String note, List<long[]> holes) {
        this(laneId, evidenceId, label, kind, alignedStartUtc, sampleRateHz, sampleCount, note, holes, null);
    }

    /** The instant just after the last sample. */
    public Instant endUtc() {
        return pieces.get(pieces.size() - 1).endUtc(sampleRateHz);
    }

    /**
     * The sample index at an instant (may be negative or past the end); inside a missing span, the
     * sample just after the cut.
     */
    public long sampleAt(Instant t) {
        Piece at = pieces.get(0);
        for (Piece p : pieces) {
            if (!t.isBefore(p.startUtc())) {
                at = p;
            }
        }
        long offset = Math.round(Duration.between(at.startUtc(), t).toNanos() * (double) sampleRateHz / 1e9);
        if (at != pieces.get(pieces.size() - 1) && at.fromSample() + offset > at.toSample()) {
            return at.toSample();
        }
        return at.fromSample() + offset;
    }

    /** The instant of a sample on the reference clock, following the pieces. */
    public Instant timeOf(long sample) {
        Piece at = pieces.get(0);
        for (Piece p : pieces) {
            if (sample >= p.fromSample()) {
                at = p;
            }
        }
        return at.startUtc().plusNanos(Math.round((sample - at.fromSample()) * 1e9 / sampleRateHz));
    }
}
