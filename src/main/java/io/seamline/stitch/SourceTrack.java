package io.seamline.stitch;

import io.seamline.casefile.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * What one evidence file offers one output channel: the lanes whose samples are summed there (one lane
 * for a mono file or a matching channel; every direction of the call for a capture), and the output
 * ranges where at least one of them holds usable audio.
 *
 * @param evidence the source file
 * @param kind     {@code recording}, {@code edge-buffer} or {@code capture}
 * @param rank     position in the fill order (0 = tried first)
 * @param lanes    the lanes summed into the channel
 */
record SourceTrack(Evidence evidence, String kind, int rank, List<LanePlacement> lanes) {

    /** Output ranges where some lane has usable samples. */
    List<long[]> usable() {
        List<long[]> all = new ArrayList<>();
        for (LanePlacement l : lanes) {
            all.addAll(l.usable());
        }
        return SampleRanges.normalize(all);
    }

    /**
     * The output positions where any lane's pieces or usable ranges start or end: a segment never
     * spans one, so over a whole segment each lane either contributes through one piece or not at all.
     */
    List<Long> boundaries() {
        List<Long> out = new ArrayList<>();
        for (LanePlacement l : lanes) {
            for (LanePlacement.Piece p : l.pieces()) {
                out.add(p.outputStart());
                out.add(p.outputEnd());
            }
            for (long[] u : l.usable()) {
                out.add(u[0]);
                out.add(u[1]);
            }
        }
        return out;
    }

    /** The lanes with usable audio at output sample {@code at}, each with the piece holding it. */
    List<Contribution> contributorsAt(long at) {
        List<Contribution> out = new ArrayList<>();
        for (LanePlacement l : lanes) {
            boolean usable = false;
            for (long[] u : l.usable()) {
                usable |= u[0] <= at && at < u[1];
            }
            if (!usable) {
                continue;
            }
            for (LanePlacement.Piece p : l.pieces()) {
                if (p.outputStart() <= at && at < p.outputEnd()) {
                    out.add(new Contribution(l, p));
                }
            }
        }
        return out;
    }

    /** One lane read through one of its pieces. */
    record Contribution(LanePlacement lane, LanePlacement.Piece piece) {
        /** The lane's view position (output rate) at output sample {@code n}, extended past the piece if asked. */
        long viewAt(long n) {
            return piece.viewStart() + (n - piece.outputStart());
        }
    }

    /** The same lanes with every sample counted usable (the primary's own samples, kept where nothing fills). */
    SourceTrack withEverySample() {
        List<LanePlacement> all = new ArrayList<>();
        for (LanePlacement l : lanes) {
            all.add(new LanePlacement(l.lane(), l.alignment(), l.outputRateHz(), l.pieces(), List.of(), l.warnings()));
        }
        return new SourceTrack(evidence, kind, rank, all);
    }

    /** Mean alignment confidence of the lanes, for ordering sources of the same kind. */
    double confidence() {
        return lanes.stream().mapToDouble(l -> l.alignment().confidence()).average().orElse(0);
    }
}
