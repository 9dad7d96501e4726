package io.seamline.stitch;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Where one lane's samples fall on the output timeline: a list of pieces (one per stretch between
 * missing spans) each mapping lane positions to output positions, and the output ranges in which the
 * lane's own audio is unusable (its dropouts, silences, corrupt runs and capture holes).
 *
 * <p>Lane positions are expressed in "view" samples at the output rate ({@code laneSample * outRate /
 * laneRate}); a lane at the output rate has view sample == lane sample, so its samples are copied
 * unchanged. A piece starts at the output sample nearest to its aligned instant.
 */
record LanePlacement(LaneRecord lane, AlignmentRecord alignment, int outputRateHz, List<Piece> pieces,
        List<long[]> unusable, List<String> warnings) {

    /** Gap kinds whose samples are not worth copying from a source (or keeping from the primary). */
    static final Set<String> BAD_KINDS = Set.of("dropout", "silence", "corrupt");

    /**
     * True when a gap's samples are lost audio: a dropout, silence or corrupt run, except a silence the
     * analysis explains by a hold. On hold the recorder kept running and its quiet is what happened on
     * the call; nothing is missing, so it is neither filled nor listed.
     */
    static boolean lostAudio(GapRecord g) {
        return BAD_KINDS.contains(g.kind()) && !(g.kind().equals("silence") && g.cause().equals("hold"));
    }

    /** Lane view positions {@code [viewStart, viewStart + length)} placed at output {@code outputStart}. */
    record Piece(long viewStart, long outputStart, long length) {
        long outputEnd() {
            return outputStart + length;
        }
    }

    /**
     * Places a lane: its first piece at the aligned start, each later piece after a missing span at
     * the span's end on the reference clock (the analysis states both as instants).
     */
    static LanePlacement of(LaneRecord lane, AlignmentRecord alignment, List<GapRecord> laneGaps, Instant outputStart,
            int outputRateHz) {
        List<String> warnings = new ArrayList<>();
        long viewLength = (long) Math.floor(lane.sampleCount() * (double) outputRateHz / lane.sampleRateHz());
        List<GapRecord> cuts = laneGaps.stream().filter(g -> g.kind().equals("missing-span"))
                .sorted(Comparator.comparingDouble(GapRecord::startSec)).toList();
        List<Piece> pieces = new ArrayList<>();
        long viewFrom = 0;
        long out = samplesBetween(outputStart, alignment.alignedStartUtc(), outputRateHz);
        for (GapRecord cut : cuts) {
            long at = Math.min(viewLength, Math.max(viewFrom, Math.round(cut.startSec() * outputRateHz)));
            pieces.add(new Piece(viewFrom, out, at - viewFrom));
            long next = samplesBetween(outputStart, cut.endUtc(), outputRateHz);
            long prevEnd = out + (at - viewFrom);
            if (next < prevEnd) {
                warnings.add("missing span at " + cut.startSec() + " s of " + lane.name()
                        + " ends before the audio before it; placed end to end");
                next = prevEnd;
            }
            viewFrom = at;
            out = next;
        }
        pieces.add(new Piece(viewFrom, out, viewLength - viewFrom));
        pieces.removeIf(p -> p.length() <= 0);
        List<long[]> badView = new ArrayList<>();
        for (GapRecord g : laneGaps) {
            if (lostAudio(g)) {
                badView.add(new long[] {(long) Math.floor(g.startSec() * outputRateHz),
                        (long) Math.ceil(g.endSec() * outputRateHz)});
            }
        }
        for (long[] hole : lane.holes()) {
            badView.add(new long[] {(long) Math.floor(hole[0] * (double) outputRateHz / lane.sampleRateHz()),
                    (long) Math.ceil(hole[1] * (double) outputRateHz / lane.sampleRateHz())});
        }
        List<long[]> unusable = new ArrayList<>();
        for (long[] v : SampleRanges.normalize(badView)) {
            unusable.addAll(toOutput(pieces, v[0], v[1]));
        }
        return new LanePlacement(lane, alignment, outputRateHz, List.copyOf(pieces),
                SampleRanges.normalize(unusable), warnings);
    }

    /** Output ranges of lane view range {@code [viewFrom, viewTo)}, through every piece it touches. */
    static List<long[]> toOutput(List<Piece> pieces, long viewFrom, long viewTo) {
        List<long[]> out = new ArrayList<>();
        for (Piece p : pieces) {
            long a = Math.max(viewFrom, p.viewStart());
            long b = Math.min(viewTo, p.viewStart() + p.length());
            if (a < b) {
                out.add(new long[] {p.outputStart() + a - p.viewStart(), p.outputStart() + b - p.viewStart()});
            }
        }
        return out;
    }

    /** Output ranges holding the lane's samples. */
    List<long[]> extent() {
        List<long[]> out = new ArrayList<>();
        for (Piece p : pieces) {
            out.add(new long[] {p.outputStart(), p.outputEnd()});
        }
        return SampleRanges.normalize(out);
    }

    /** Output ranges holding usable samples of the lane. */
    List<long[]> usable() {
        return SampleRanges.minus(extent(), unusable);
    }

    /** True when the lane must be resampled to reach the output rate. */
    boolean resampled() {
        return lane.sampleRateHz() != outputRateHz;
    }

    /** The lane sample (own rate) at lane view position {@code view}. */
    long laneSampleOfView(long view) {
        return resampled() ? Math.round(view * (double) lane.sampleRateHz() / outputRateHz) : view;
    }

    /** Nearest whole number of samples at {@code rateHz} from {@code from} to {@code to}. */
    static long samplesBetween(Instant from, Instant to, int rateHz) {
        return Math.round(Duration.between(from, to).toNanos() * (double) rateHz / 1e9);
    }
}
