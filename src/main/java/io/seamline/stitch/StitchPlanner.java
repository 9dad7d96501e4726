package io.seamline.stitch;

import io.seamline.analysis.GapRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides, for every output sample of one channel, where it comes from: the primary wherever the
 * primary has usable audio, otherwise the first source in fill order that covers it, otherwise nothing
 * (an unfilled gap, written as zeros). Works on sample ranges only; reading audio is the renderer's job.
 *
 * <p>By construction the segments and unfilled spans of a channel tile {@code [0, length)} exactly once,
 * so no output sample is written twice or skipped.
 */
final class StitchPlanner {

    /**
     * One planned run of output samples from one track ({@code track == null}: unfilled, zeros). Roles:
     * {@code primary}, {@code fill}, {@code kept} (the primary's own samples in a gap no source covers),
     * {@code unfilled}.
     */
    record Planned(int channel, long start, long end, SourceTrack track, String role, int gapNumber, String gapKind,
            String gapCause) {
    }

    /** A primary gap with its output range, for naming the holes it leaves. */
    record LabelledGap(long start, long end, String kind, String cause) {
    }

    private StitchPlanner() {
    }

    /**
     * Plans one channel.
     *
     * @param channel  output channel
     * @param length   output length in samples
     * @param primary  the primary's track for this channel
     * @param gaps     the primary lane's gaps with their output ranges
     * @param sources  fill sources for this channel, in fill order
     */
    static List<Planned> plan(int channel, long length, SourceTrack primary, List<LabelledGap> gaps,
            List<SourceTrack> sources) {
        List<long[]> all = List.of(new long[] {0, length});
        SourceTrack primaryAll = primary.withEverySample();
        List<long[]> kept = SampleRanges.intersect(primary.usable(), all);
        List<Planned> out = new ArrayList<>();
        for (long[] r : kept) {
            split(out, channel, r[0], r[1], primary, "primary", 0, "", "");
        }
        List<long[]> holes = SampleRanges.minus(all, kept);
        long firstPrimary = kept.isEmpty() ? length : kept.get(0)[0];
        long lastPrimary = kept.isEmpty() ? 0 : kept.get(kept.size() - 1)[1];
        int number = 0;
        for (long[] whole : holes) {
            for (LabelledGap part : partition(whole, gaps, firstPrimary, lastPrimary)) {
                number++;
                fill(out, channel, new long[] {part.start(), part.end()}, part, number, sources, primaryAll);
            }
        }
        out.sort(Comparator.comparingLong(Planned::start));
        return out;
    }

    private static void fill(List<Planned> out, int channel, long[] hole, LabelledGap label, int number,
            List<SourceTrack> sources, SourceTrack primaryAll) {
        List<long[]> left = List.of(hole);
        for (SourceTrack s : sources) {
            if (left.isEmpty()) {
                break;
            }
            List<long[]> covered = SampleRanges.intersect(left, s.usable());
            for (long[] c : covered) {
                split(out, channel, c[0], c[1], s, "fill", number, label.kind(), label.cause());
            }
            left = SampleRanges.minus(left, covered);
        }
        // Where the primary has samples (a dropout, silence or corrupt run no source covers) they are kept:
        // replacing them with zeros would drop recorded audio. Elsewhere the hole is written as zeros.
        List<long[]> ownSamples = SampleRanges.intersect(left, primaryAll.usable());
        for (long[] k : ownSamples) {
            split(out, channel, k[0], k[1], primaryAll, "kept", number, label.kind(), label.cause());
        }
        for (long[] u : SampleRanges.minus(left, ownSamples)) {
            out.add(new Planned(channel, u[0], u[1], null, "unfilled", number, label.kind(), label.cause()));
        }
    }

    /**
     * Splits one hole into gaps, one per analysis gap it overlaps (a late start running into a dropout
     * is two gaps); the first part starts at the hole's start and each part runs to the next, so the
     * parts tile the hole. A hole the analysis did not list is one gap named by its position.
     */
    static List<LabelledGap> partition(long[] hole, List<LabelledGap> gaps, long firstPrimary, long lastPrimary) {
        List<LabelledGap> inside = gaps.stream()
                .filter(g -> Math.min(hole[1], g.end()) > Math.max(hole[0], g.start()))
                .sorted(Comparator.comparingLong(LabelledGap::start)).toList();
        if (inside.isEmpty()) {
            return List.of(label(hole, List.of(), firstPrimary, lastPrimary));
        }
        List<LabelledGap> parts = new ArrayList<>();
        long cursor = hole[0];
        for (int i = 0; i < inside.size(); i++) {
            long end = i + 1 < inside.size() ? Math.max(cursor, Math.min(hole[1], inside.get(i + 1).start())) : hole[1];
            if (end > cursor) {
                parts.add(new LabelledGap(cursor, end, inside.get(i).kind(), inside.get(i).cause()));
                cursor = end;
            }
        }
        return parts;
    }

    private static void split(List<Planned> out, int channel, long start, long end, SourceTrack track, String role,
            int number, String kind, String cause) {
        TreeSet<Long> cuts = new TreeSet<>(track.boundaries());
        long from = start;
        for (Long cut : cuts.subSet(start, false, end, false)) {
            out.add(new Planned(channel, from, cut, track, role, number, kind, cause));
            from = cut;
        }
        out.add(new Planned(channel, from, end, track, role, number, kind, cause));
    }

    /** The analysis gap overlapping the hole most, or a name for a hole the analysis did not list. */
    private static LabelledGap label(long[] hole, List<LabelledGap> gaps, long firstPrimary, long lastPrimary) {
        LabelledGap best = null;
        long bestOverlap = 0;
        for (LabelledGap g : gaps) {
            long overlap = Math.min(hole[1], g.end()) - Math.max(hole[0], g.start());
            if (overlap > bestOverlap) {
                best = g;
                bestOverlap = overlap;
            }
        }
        if (best != null) {
            return best;
        }
        if (hole[1] <= firstPrimary) {
            return new LabelledGap(hole[0], hole[1], "late-start", "before the primary's first sample");
        }
        if (hole[0] >= lastPrimary) {
            return new LabelledGap(hole[0], hole[1], "early-end", "after the primary's last sample");
        }
        return new LabelledGap(hole[0], hole[1], "missing-span", "no primary samples on the reference clock");
    }

    /** The primary lane's gaps as output ranges (dropouts by file position, missing spans between pieces). */
    static List<LabelledGap> labels(LanePlacement primary, List<GapRecord> laneGaps, Instant outputStart) {
        List<LabelledGap> out = new ArrayList<>();
        int rate = primary.outputRateHz();
        List<LanePlacement.Piece> pieces = primary.pieces();
        List<GapRecord> cuts = laneGaps.stream().filter(g -> g.kind().equals("missing-span"))
                .sorted(Comparator.comparingDouble(GapRecord::startSec)).toList();
        for (int i = 0; i + 1 < pieces.size(); i++) {
            GapRecord cut = i < cuts.size() ? cuts.get(i) : null;
            out.add(new LabelledGap(pieces.get(i).outputEnd(), pieces.get(i + 1).outputStart(), "missing-span",
                    cut == null ? "unknown" : cut.cause()));
        }
        for (GapRecord g : laneGaps) {
            if (LanePlacement.lostAudio(g)) {
                for (long[] r : LanePlacement.toOutput(pieces, (long) Math.floor(g.startSec() * rate),
                        (long) Math.ceil(g.endSec() * rate))) {
                    out.add(new LabelledGap(r[0], r[1], g.kind(), g.cause()));
                }
            } else if (g.kind().equals("late-start") || g.kind().equals("early-end")) {
                out.add(new LabelledGap(LanePlacement.samplesBetween(outputStart, g.startUtc(), rate),
                        LanePlacement.samplesBetween(outputStart, g.endUtc(), rate), g.kind(), g.cause()));
            }
        }
        return out;
    }
}
