package io.seamline.ui;

import io.seamline.timeline.TimelineGap;
import io.seamline.timeline.TimelineLane;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each stretch of a lane's samples sits on the reference clock. A lane is one run of samples
 * from its aligned start, except that a {@code missing-span} gap (audio cut out of the file, the two
 * sides joined) occupies time but no samples: the samples after the splice belong after the span.
 * The window draws and plays each segment at its own place.
 */
public final class LaneClock {
    /** Samples {@code [firstSample, firstSample + sampleCount)} of the lane, starting at {@code startUtc}. */
    public record Segment(long firstSample, long sampleCount, Instant startUtc, int sampleRateHz) {
        /** The instant just after the segment's last sample. */
        public Instant endUtc() {
            return startUtc.plusNanos(Math.round(sampleCount * 1e9 / sampleRateHz));
        }

        /** The lane sample at an instant (may lie outside the segment). */
        public long sampleAt(Instant t) {
            return firstSample + Math.round(Duration.between(startUtc, t).toNanos() * (double) sampleRateHz / 1e9);
        }
    }

    private final List<Segment> segments;

    private LaneClock(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The segments of a lane given the gaps drawn on it (only its missing spans split it). */
    public static LaneClock of(TimelineLane lane, List<TimelineGap> gaps) {
        List<TimelineGap> spans = gaps.stream().filter(g -> g.laneId() == lane.laneId())
                .filter(g -> g.kind().equals("missing-span")).sorted(Comparator.comparing(TimelineGap::startUtc))
                .toList();
        List<Segment> out = new ArrayList<>();
        int rate = Math.max(1, lane.sampleRateHz());
        long first = 0;
        Instant start = lane.alignedStartUtc();
        for (TimelineGap span : spans) {
            long splice = first + Math.round(Duration.between(start, span.startUtc()).toNanos() * (double) rate / 1e9);
            if (splice <= first || splice >= lane.sampleCount()) {
                continue;
            }
            out.add(new Segment(first, splice - first, start, rate));
            first = splice;
            start = span.endUtc();
        }
        out.add(new Segment(first, Math.max(0, lane.sampleCount() - first), start, rate));
        return new LaneClock(out);
    }

    /** The segments in time order. */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * The lane sample playing at an instant: inside a segment its sample; in a missing span or before
     * the lane the first sample after it; past the end the sample count.
     */
    public long sampleAt(Instant t) {
        for (Segment s : segments) {
            if (t.isBefore(s.startUtc())) {
                return s.firstSample();
            }
            if (t.isBefore(s.endUtc())) {
                return Math.max(s.firstSample(), Math.min(s.firstSample() + s.sampleCount() - 1, s.sampleAt(t)));
            }
        }
        Segment last = segments.get(segments.size() - 1);
        return last.firstSample() + last.sampleCount();
    }

    /** The instant at which a lane sample plays. */
    public Instant timeOf(long sample) {
        Segment at = segments.get(0);
        for (Segment s : segments) {
            if (sample >= s.firstSample()) {
                at = s;
            }
        }
        return at.startUtc().plusNanos(Math.round((sample - at.firstSample()) * 1e9 / at.sampleRateHz()));
    }
}
