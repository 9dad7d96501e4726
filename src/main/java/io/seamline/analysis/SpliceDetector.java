package io.seamline.analysis;

import io.seamline.analysis.AlignmentResult.WindowOffset;
import io.seamline.analysis.AlignmentResult.WindowStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds where a lane was cut and joined ("missing span"), by aligning it piecewise against a reference
 * source that kept the whole call, and reports late starts and early ends.
 *
 * <p>Method. The lane is converted to the reference rate if needed, then cut into windows of
 * {@link Options#windowSeconds()} every {@link Options#hopSeconds()}. Each non-silent window is first
 * searched for with GCC-PHAT ({@link GccPhatCorrelation}) within {@link Options#localSearchSeconds()} of
 * the offset the previous window found; if that fails it is searched for again over
 * [offset - {@link Options#reacquireBackSeconds()}, offset + {@link Options#reacquireForwardSeconds()}]
 * (bounded by the reference's length, in chunks of at most 2^20 samples), so an offset jump of any
 * length within that range is found. Consecutive accepted windows whose offsets differ by more than 2
 * samples plus the drift allowance start a new segment; between two segments lies a splice. Its position
 * is then refined to the sample: over the lane span from the last window of the earlier segment to the
 * end of the first window of the later one, the split point {@code s} minimises
 * {@code sum_{n<s} (lane[n] - gA ref[n + A])^2 + sum_{n>=s} (lane[n] - gB ref[n + B])^2}, with the gains
 * {@code gA}, {@code gB} fitted by least squares (two rounds), so sources at different levels compare
 * fairly. Where both sides are speech this lands within a few milliseconds; inside a pause the split can
 * sit anywhere in the pause.
 *
 * <p>The smallest detectable jump is the agreement tolerance, 2 samples plus the drift allowance. Not
 * thread-safe; use one instance per thread.
 */
public final class SpliceDetector {

    /** Longest lane span, in seconds, over which a splice position is refined sample by sample. */
    static final double MAX_REFINE_SECONDS = 120;

    /**
     * Tuning of the piecewise alignment.
     *
     * @param windowSeconds           correlation window length in seconds (2 to 5 s suits speech); capped
     *                                at 2^19 samples to bound the FFT size
     * @param hopSeconds              distance between window starts in seconds, at most the window length
     * @param localSearchSeconds      half-width of the search around the previous window's offset, seconds
     * @param reacquireBackSeconds    how far before the previous offset a lost window is searched, seconds
     * @param reacquireForwardSeconds how far after the previous offset a lost window is searched, seconds;
     *                                the longest missing span that can be measured
     * @param maxReacquisitions       cap on wide searches per lane, so that a lane full of audio the
     *                                reference lacks stays cheap
     * @param minWindowConfidence     a window is accepted at or above this peak confidence, 0..1
     * @param maxDriftPpm             largest clock drift expected between lane and reference, ppm
     * @param silenceRms              windows of the lane below this RMS (full scale 1.0) are skipped
     * @param minEdgeGapSeconds       a late start or early end shorter than this is not reported, seconds
     */
    public record Options(double windowSeconds, double hopSeconds, double localSearchSeconds,
                          double reacquireBackSeconds, double reacquireForwardSeconds, int maxReacquisitions,
                          double minWindowConfidence, double maxDriftPpm, double silenceRms,
                          double minEdgeGapSeconds) {

        /** Rejects values that would make the search meaningless. */
        public Options {
            if (!(windowSeconds >= 0.25) || windowSeconds > 60) {
                throw new IllegalArgumentException("window length must be in [0.25, 60] s, got " + windowSeconds);
            }
            if (!(hopSeconds > 0) || hopSeconds > windowSeconds) {
                throw new IllegalArgumentException("hop must be in (0, window length] s, got " + hopSeconds);
            }
            if (!(localSearchSeconds >= 0) || !(reacquireBackSeconds >= 0) || !(reacquireForwardSeconds >= 0)
                    || Double.isInfinite(reacquireBackSeconds) || Double.isInfinite(reacquireForwardSeconds)) {
                throw new IllegalArgumentException("search ranges must be finite and not negative");
            }
            if (maxReacquisitions < 0) {
                throw new IllegalArgumentException("maximum reacquisitions must not be negative, got " + maxReacquisitions);
            }
            if (!(minWindowConfidence >= 0) || minWindowConfidence > 1) {
                throw new IllegalArgumentException("minimum window confidence must be in 0..1, got " + minWindowConfidence);
            }
            if (!(maxDriftPpm >= 0) || maxDriftPpm > 10_000) {
                throw new IllegalArgumentException("maximum drift must be in 0..10000 ppm, got " + maxDriftPpm);
            }
            if (!(silenceRms >= 0) || !(minEdgeGapSeconds >= 0)) {
                throw new IllegalArgumentException("silence RMS and minimum edge gap must not be negative");
            }
        }

        /**
         * 3 s windows end to end (the split refinement, not the hop, fixes the position), ±0.25 s local
         * search, lost windows searched 30 s back and 1800 s forward at most 32 times, acceptance from
         * confidence 0.3, 300 ppm drift, silence below -80 dBFS, edges reported from 0.1 s.
         */
        public static Options defaults() {
            return new Options(3.0, 3.0, 0.25, 30, 1800, 32, 0.3, 300, 1e-4, 0.1);
        }
    }

    /**
     * Everything found on one lane.
     *
     * @param findings     splices, late start and early end, in order of lane position
     * @param windows      every window's own outcome, positions and offsets at the reference rate
     * @param sampleRateHz the reference rate in Hz
     * @param warnings     one line per condition the caller should know
     */
    public record Detection(List<SpliceFinding> findings, List<WindowOffset> windows, int sampleRateHz,
                            List<String> warnings) {

        /** Copies the lists so the record stays immutable. */
        public Detection {
            findings = List.copyOf(findings);
            windows = List.copyOf(windows);
            warnings = List.copyOf(warnings);
        }

        /** Only the {@link SpliceFinding.Kind#SPLICE} findings. */
        public List<SpliceFinding> splices() {
            return findings.stream().filter(f -> f.kind() == SpliceFinding.Kind.SPLICE).toList();
        }
    }

    private final Options options;

    /** A detector with {@link Options#defaults()}. */
    public SpliceDetector() {
        this(Options.defaults());
    }

    /** A detector with the given options. */
    public SpliceDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Aligns {@code lane} piecewise against {@code reference} and reports its discontinuities.
     *
     * @param reference           the source that kept the whole call; its clock and rate are used
     * @param lane                the source examined; converted to the reference rate if needed
     * @param coarseOffsetSamples expected offset of the lane's first sample on the reference, in reference
     *                            samples (0 when unknown)
     * @param searchSamples       half-width, in reference samples, of the search for the first window;
     *                            until one window is placed, every non-silent window is searched this wide
     * @return the findings in lane order, every window's outcome and any warnings
     */
    public Detection detect(CorrelationInput reference, CorrelationInput lane, long coarseOffsetSamples,
                            long searchSamples) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(lane, "lane");
        Aligner.checkOffsetAndSearch(coarseOffsetSamples, searchSamples);
        int rateHz = reference.sampleRateHz();
        CorrelationInput laneAtRate = lane.atRate(rateHz);
        long laneLength = laneAtRate.lengthSamples();
        long referenceLength = reference.lengthSamples();
        List<String> warnings = new ArrayList<>();
        int windowLength = (int) Math.min(Math.round(options.windowSeconds() * rateHz), GccPhatCorrelation.MAX_FFT_SIZE / 2);
        long hop = Math.max(1, Math.round(options.hopSeconds() * rateHz));
        if (laneLength < windowLength) {
            windowLength = (int) laneLength;
        }
        if (windowLength < Math.max(2, rateHz / 4)) {
            warnings.add("lane of " + laneLength + " samples at " + rateHz + " Hz is shorter than 0.25 s; nothing examined");
            return new Detection(List.of(), List.of(), rateHz, warnings);
        }
        GccPhatCorrelation correlation = GccPhatCorrelation.forRate(rateHz);

        List<WindowOffset> windows = new ArrayList<>();
        float[] window = new float[windowLength];
        Track track = new Track(reference, correlation, coarseOffsetSamples,
                Math.min(searchSamples, referenceLength + laneLength), rateHz, warnings);
        long lastStart = laneLength - windowLength;
        for (long position = 0; ; position = Math.min(position + hop, lastStart)) {
            laneAtRate.read(position, window, 0, windowLength);
            double windowRms = Aligner.rms(window);
            if (windowRms < options.silenceRms() || windowRms == 0) {
                windows.add(new WindowOffset(position, windowLength, Double.NaN, 0, WindowStatus.SILENT));
            } else {
                windows.add(track.place(position, window));
            }
            if (position >= lastStart) {
                break;
            }
        }

        List<SpliceFinding> findings = new ArrayList<>();
        List<WindowOffset> accepted = windows.stream().filter(w -> w.status() == WindowStatus.USED).toList();
        if (accepted.isEmpty()) {
            warnings.add("no window of the lane matched the reference; no splice or edge can be reported");
            return new Detection(findings, windows, rateHz, warnings);
        }
        // Segments: runs of accepted windows whose offsets follow on from each other.
        List<Integer> segmentStarts = new ArrayList<>();
        segmentStarts.add(0);
        for (int i = 1; i < accepted.size(); i++) {
            WindowOffset before = accepted.get(i - 1);
            WindowOffset after = accepted.get(i);
            double tolerance = Aligner.AGREEMENT_SAMPLES
                    + options.maxDriftPpm() * 1e-6 * (after.positionSamples() - before.positionSamples());
            if (Math.abs(after.offsetSamples() - before.offsetSamples()) > tolerance) {
                segmentStarts.add(i);
            }
        }
        double slope = clockSlope(accepted, segmentStarts);

        WindowOffset first = accepted.get(0);
        long startOffset = Math.round(offsetAt(first, slope, 0));
        if (startOffset >= options.minEdgeGapSeconds() * rateHz) {
            findings.add(new SpliceFinding(SpliceFinding.Kind.LATE_START, 0, startOffset, startOffset, startOffset,
                    startOffset / (double) rateHz, first.confidence(), rateHz));
        }
        for (int s = 1; s < segmentStarts.size(); s++) {
            int i = segmentStarts.get(s);
            findings.add(refineSplice(reference, laneAtRate, accepted.get(i - 1), accepted.get(i), slope, rateHz, warnings));
        }
        WindowOffset last = accepted.get(accepted.size() - 1);
        long endOffset = Math.round(offsetAt(last, slope, laneLength));
        long remaining = referenceLength - (laneLength + endOffset);
        if (remaining >= options.minEdgeGapSeconds() * rateHz) {
            findings.add(new SpliceFinding(SpliceFinding.Kind.EARLY_END, laneLength, endOffset, endOffset, remaining,
                    remaining / (double) rateHz, last.confidence(), rateHz));
        }
        return new Detection(findings, windows, rateHz, warnings);
    }

    /** Follows the lane's offset from window to window, searching wide only when the local search fails. */
    private final class Track {
        private final CorrelationInput reference;
        private final GccPhatCorrelation correlation;
        private final long coarseOffsetSamples;
        private final long searchSamples;
        private final int rateHz;
        private final List<String> warnings;
        private boolean placed;
        private double offsetSamples;
        private long positionSamples;
        private int reacquisitions;

        Track(CorrelationInput reference, GccPhatCorrelation correlation, long coarseOffsetSamples, long searchSamples,
              int rateHz, List<String> warnings) {
            this.reference = reference;
            this.correlation = correlation;
            this.coarseOffsetSamples = coarseOffsetSamples;
            this.searchSamples = searchSamples;
            this.rateHz = rateHz;
            this.warnings = warnings;
        }

        /** Finds the offset of the lane window starting at {@code position} and updates the track. */
        WindowOffset place(long position, float[] window) {
            GccPhatCorrelation.Peak best = null;
            long lowest = 0;
            if (placed) {
                long half = Math.round(options.localSearchSeconds() * rateHz)
                        + (long) Math.ceil(options.maxDriftPpm() * 1e-6 * (position - positionSamples)) + 1;
                lowest = Math.round(offsetSamples) - half;
                best = correlation.search(reference, position + lowest, 2 * half + 1, window);
            }
            if (best == null || best.confidence() < options.minWindowConfidence()) {
                long from = placed ? Math.round(offsetSamples - options.reacquireBackSeconds() * rateHz)
                        : coarseOffsetSamples - searchSamples;
                long to = placed ? Math.round(offsetSamples + options.reacquireForwardSeconds() * rateHz)
                        : coarseOffsetSamples + searchSamples;
                // Only offsets at which the window overlaps the reference at all can match.
                from = Math.max(from, -position - window.length + 1);
                to = Math.min(to, reference.lengthSamples() - position - 1);
                if (from <= to && (!placed || reacquisitions < options.maxReacquisitions())) {
                    if (placed && ++reacquisitions == options.maxReacquisitions()) {
                        warnings.add("stopped wide searches after " + reacquisitions
                                + " windows the local search could not place");
                    }
                    GccPhatCorrelation.Peak wide = correlation.search(reference, position + from, to - from + 1, window);
                    if (best == null || wide.confidence() > best.confidence()) {
                        best = wide;
                        lowest = from;
                    }
                }
            }
            if (best == null) {
                return new WindowOffset(position, window.length, Double.NaN, 0, WindowStatus.LOW_CONFIDENCE);
            }
            double offset = lowest + best.refinedLag();
            if (best.confidence() < options.minWindowConfidence()) {
                return new WindowOffset(position, window.length, offset, best.confidence(), WindowStatus.LOW_CONFIDENCE);
            }
            placed = true;
            offsetSamples = offset;
            positionSamples = position;
            return new WindowOffset(position, window.length, offset, best.confidence(), WindowStatus.USED);
        }
    }

    /**
     * The clock drift between lane and reference as offset change per lane sample: the confidence-weighted
     * least-squares slope within each segment, pooled over all segments (drift is a property of the two
     * clocks, the same on both sides of a splice). 0 when no segment spans two windows.
     */
    private static double clockSlope(List<WindowOffset> accepted, List<Integer> segmentStarts) {
        double sxy = 0;
        double sxx = 0;
        for (int s = 0; s < segmentStarts.size(); s++) {
            int from = segmentStarts.get(s);
            int to = s + 1 < segmentStarts.size() ? segmentStarts.get(s + 1) : accepted.size();
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = from; i < to; i++) {
                WindowOffset w = accepted.get(i);
                sw += w.confidence();
                sx += w.confidence() * centre(w);
                sy += w.confidence() * w.offsetSamples();
            }
            for (int i = from; i < to; i++) {
                WindowOffset w = accepted.get(i);
                double dx = centre(w) - sx / sw;
                sxx += w.confidence() * dx * dx;
                sxy += w.confidence() * dx * (w.offsetSamples() - sy / sw);
            }
        }
        return sxx > 0 ? sxy / sxx : 0;
    }

    /** A window's GCC-PHAT offset is the mean over its span, so it belongs to the window's centre. */
    private static double centre(WindowOffset w) {
        return w.positionSamples() + w.lengthSamples() / 2.0;
    }

    /** The offset of the segment {@code w} belongs to, carried along the drift to lane sample {@code position}. */
    private static double offsetAt(WindowOffset w, double slope, double position) {
        return w.offsetSamples() + slope * (position - centre(w));
    }

    /** Locates the split point between two windows with different offsets (see the class Javadoc). */
    private static SpliceFinding refineSplice(CorrelationInput reference, CorrelationInput lane, WindowOffset before,
                                              WindowOffset after, double slope, int rateHz, List<String> warnings) {
        double sideConfidence = Math.min(before.confidence(), after.confidence());
        long regionStart = before.positionSamples();
        long regionEnd = after.positionSamples() + after.lengthSamples();
        if (regionEnd - regionStart > MAX_REFINE_SECONDS * rateHz) {
            long position = before.positionSamples() + before.lengthSamples();
            warnings.add("splice near lane sample " + position + " lies in " + (regionEnd - regionStart)
                    + " samples the reference does not match; position not refined");
            return splice(before, after, slope, position, sideConfidence * 0.5, rateHz);
        }
        // Whole-sample offsets at the middle of the region are close enough to compare the two sides.
        double middle = (regionStart + regionEnd) / 2.0;
        long offsetBefore = Math.round(offsetAt(before, slope, middle));
        long offsetAfter = Math.round(offsetAt(after, slope, middle));
        int n = (int) (regionEnd - regionStart);
        float[] laneSamples = new float[n];
        float[] refBefore = new float[n];
        float[] refAfter = new float[n];
        lane.read(regionStart, laneSamples, 0, n);
        reference.read(regionStart + offsetBefore, refBefore, 0, n);
        reference.read(regionStart + offsetAfter, refAfter, 0, n);

        int split = n / 2;
        double[] cost = new double[n + 1];
        for (int round = 0; round < 2; round++) {
            double gainBefore = gain(laneSamples, refBefore, 0, split);
            double gainAfter = gain(laneSamples, refAfter, split, n);
            // cost[s] = error of "before" over [0, s) + error of "after" over [s, n).
            double totalAfter = 0;
            for (int k = 0; k < n; k++) {
                double e = laneSamples[k] - gainAfter * refAfter[k];
                totalAfter += e * e;
            }
            double prefixBefore = 0;
            double prefixAfter = 0;
            int best = 0;
            cost[0] = totalAfter;
            for (int k = 0; k < n; k++) {
                double eb = laneSamples[k] - gainBefore * refBefore[k];
                double ea = laneSamples[k] - gainAfter * refAfter[k];
                prefixBefore += eb * eb;
                prefixAfter += ea * ea;
                cost[k + 1] = prefixBefore + (totalAfter - prefixAfter);
                if (cost[k + 1] < cost[best]) {
                    best = k + 1;
                }
            }
            split = best;
        }
        double noSplit = Math.min(cost[0], cost[n]);
        double sharpness = noSplit > 0 ? Math.max(0, 1 - cost[split] / noSplit) : 0;
        return splice(before, after, slope, regionStart + split, sideConfidence * sharpness, rateHz);
    }

    /** A splice at {@code position} with both sides' offsets carried along the drift to that position. */
    private static SpliceFinding splice(WindowOffset before, WindowOffset after, double slope, long position,
                                        double confidence, int rateHz) {
        double offsetBefore = offsetAt(before, slope, position);
        double offsetAfter = offsetAt(after, slope, position);
        long missing = Math.round(offsetAfter - offsetBefore);
        return new SpliceFinding(SpliceFinding.Kind.SPLICE, position, Math.round(offsetBefore), Math.round(offsetAfter),
                missing, missing / (double) rateHz, confidence, rateHz);
    }

    /** Least-squares gain g minimising sum (lane - g ref)^2 over [from, to); 1 when the reference is silent. */
    private static double gain(float[] lane, float[] ref, int from, int to) {
        double cross = 0;
        double energy = 0;
        for (int k = from; k < to; k++) {
            cross += lane[k] * (double) ref[k];
            energy += ref[k] * (double) ref[k];
        }
        return energy > 0 ? cross / energy : 1;
    }
}
