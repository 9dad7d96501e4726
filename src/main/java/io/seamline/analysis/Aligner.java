package io.seamline.analysis;

import io.seamline.analysis.AlignmentResult.WindowOffset;
import io.seamline.analysis.AlignmentResult.WindowStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * Places one audio source on a reference source's clock to the sample: offset, clock drift and a
 * confidence, from GCC-PHAT cross-correlation of a bounded number of windows.
 *
 * <p>Method. The other source is first converted to the reference rate when the rates differ (8 kHz
 * cloud recording against a 16 or 48 kHz capture, for instance) by the zero-delay windowed-sinc
 * interpolator of {@link CorrelationInput#resample(float[], double, double)}. Then
 * {@link Options#windowCount()} windows of {@link Options#windowSeconds()} are spread evenly over the
 * part of the other source that can overlap the reference; each is searched for in the reference within
 * {@code coarse ± search} samples (plus {@link Options#maxDriftPpm()} of its position, so a drifting
 * clock stays inside the range) with {@link GccPhatCorrelation}. Windows whose peak confidence reaches
 * {@link Options#minWindowConfidence()} vote; the largest group that agrees to within 2 samples plus the
 * drift allowance wins, and a confidence-weighted least-squares line through the window centres gives
 * the offset at the other source's sample 0 and the drift in ppm. This first pass runs on 8 kHz views of
 * both sources when the reference is faster. When the search is wider than a minute (no start time in the
 * metadata), {@link EnvelopeCorrelation} first correlates 10 ms energy envelopes of the whole sources and
 * the first pass only checks its best three candidate offsets (±250 ms plus the drift allowance). A
 * second pass at the full reference rate repeats the windows inside the overlap the first pass's line
 * implies, searching only 50 ms around that line. Work is
 * therefore bounded by 2 x window count x (window + search) and independent of call length when the
 * metadata gives a start time: a two-hour source costs the same as a two-minute one. Without one, the
 * envelope step reads both sources once (linear in length; about a second for two hours at 8 kHz).
 *
 * <p>Window confidence: {@code clamp((p1 / p2 - 1) / 3, 0, 1)}, where {@code p1} is the GCC-PHAT peak
 * and {@code p2} the highest value more than 2 ms (at least 4 samples) away from it; so equal peaks give
 * 0 and a peak four times above any other candidate gives 1. Overall confidence is the mean of the
 * agreeing windows' confidences times the fraction of non-silent windows that agree (so the sum of the
 * agreeing windows' confidences divided by the number of non-silent windows).
 *
 * <p>Not thread-safe (FFT plans and the last reference's envelope are cached per instance, the envelope
 * by the reference object's identity, so a reference's samples must not change between calls); use one
 * instance per thread.
 */
public final class Aligner {

    /** Agreement tolerance between windows, in samples, before the drift allowance is added. */
    static final double AGREEMENT_SAMPLES = 2.0;

    /** Largest coarse offset accepted, in samples: 2^50, years of audio at any rate, far from overflow. */
    static final long MAX_OFFSET_SAMPLES = 1L << 50;

    /** Searches wider than this, in seconds, start from envelope candidates ({@link EnvelopeCorrelation}). */
    static final int WIDE_SEARCH_SECONDS = 60;
    /** Envelope candidates checked with GCC-PHAT at most. */
    static final int ENVELOPE_CANDIDATES = 3;
    /** Search around an envelope candidate, in milliseconds, before the drift allowance. */
    static final int ENVELOPE_SLACK_MS = 250;
    /** A candidate whose pass-1 confidence reaches this is taken without checking the rest. */
    static final double GOOD_CANDIDATE_CONFIDENCE = 0.5;

    /** Highest rate, in Hz, at which the first, wide pass runs; faster sources are viewed at this rate. */
    static final int COARSE_RATE_HZ = 8000;

    /** Half-width of the second pass's search around the first pass's line, in milliseconds. */
    static final int REFINE_SEARCH_MS = 50;
    /** Drift uncertainty allowed in the second pass once the first pass measured a drift, in ppm. */
    static final double REFINE_DRIFT_PPM = 30;

    /**
     * Tuning of the alignment.
     *
     * @param windowSeconds       length of each correlation window in seconds (8 to 30 s suits speech);
     *                            capped at 2^19 samples (10.9 s at 48 kHz) to bound the FFT size
     * @param windowCount         number of windows spread over the overlap, at least 1 (2 to measure drift)
     * @param maxDriftPpm         largest clock drift expected, parts per million; widens the search of
     *                            windows far from the start and the agreement tolerance between windows
     * @param minWindowConfidence a window votes only at or above this confidence, 0..1
     * @param silenceRms          a window of the other source whose RMS (full scale 1.0) is below this
     *                            is treated as silent and not correlated
     */
    public record Options(double windowSeconds, int windowCount, double maxDriftPpm, double minWindowConfidence,
                          double silenceRms) {

        /** Rejects values that would make the search meaningless. */
        public Options {
            if (!(windowSeconds >= 0.5) || windowSeconds > 60) {
                throw new IllegalArgumentException("window length must be in [0.5, 60] s, got " + windowSeconds);
            }
            if (windowCount < 1 || windowCount > 1000) {
                throw new IllegalArgumentException("window count must be in 1..1000, got " + windowCount);
            }
            if (!(maxDriftPpm >= 0) || maxDriftPpm > 10_000) {
                throw new IllegalArgumentException("maximum drift must be in 0..10000 ppm, got " + maxDriftPpm);
            }
            if (!(minWindowConfidence >= 0) || minWindowConfidence > 1) {
                throw new IllegalArgumentException("minimum window confidence must be in 0..1, got " + minWindowConfidence);
            }
            if (!(silenceRms >= 0)) {
                throw new IllegalArgumentException("silence RMS must not be negative, got " + silenceRms);
            }
        }

        /** 8 s windows, 8 of them, up to 300 ppm drift, windows vote from confidence 0.3, silence below -80 dBFS. */
        public static Options defaults() {
            return new Options(8.0, 8, 300, 0.3, 1e-4);
        }
    }

    private final Options options;
    private GccPhatCorrelation correlation;
    /** The reference whose envelope is kept, compared by identity: one reference, many other sources. */
    private CorrelationInput envelopeSource;
    private float[] referenceEnvelope;
    private int correlationRateHz;

    /** An aligner with {@link Options#defaults()}. */
    public Aligner() {
        this(Options.defaults());
    }

    /** An aligner with the given options. */
    public Aligner(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options this aligner uses. */
    public Options options() {
        return options;
    }

    /**
     * Aligns two float sample arrays of the same rate, searching offsets within
     * {@code ±searchSamples} of zero.
     *
     * @param reference     reference samples in [-1, 1)
     * @param other         other source's samples in [-1, 1)
     * @param sampleRateHz  rate of both, in Hz
     * @param searchSamples half-width of the offset search, in samples
     */
    public AlignmentResult align(float[] reference, float[] other, int sampleRateHz, long searchSamples) {
        return align(CorrelationInput.ofFloats(reference, sampleRateHz), CorrelationInput.ofFloats(other, sampleRateHz),
                0, searchSamples);
    }

    /**
     * Finds where {@code other} sits on {@code reference}'s clock.
     *
     * <p>Two passes. The first spreads the windows over every part of {@code other} that could overlap the
     * reference for some offset in {@code coarse ± search} and searches that whole range; the second puts
     * the windows again inside the overlap the first pass found and searches only
     * 50 ms (plus a drift allowance) around the first pass's line, which gives
     * every window real overlap and makes the drift fit and the confidence reflect the true overlap.
     *
     * @param reference           the clock every offset refers to
     * @param other               the source to place; converted to the reference rate if its rate differs
     * @param coarseOffsetSamples offset expected from metadata (for example the difference of the two
     *                            recordings' start times), in reference samples; 0 when unknown
     * @param searchSamples       half-width of the search around the coarse offset, in reference samples;
     *                            cost grows linearly with it, so give what the metadata's accuracy warrants
     *                            (a few seconds), or the longest plausible offset when there is none
     * @return the alignment; {@link AlignmentMethod#METADATA_ONLY} with a warning when nothing correlated
     */
    public AlignmentResult align(CorrelationInput reference, CorrelationInput other, long coarseOffsetSamples,
                                 long searchSamples) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(other, "other");
        checkOffsetAndSearch(coarseOffsetSamples, searchSamples);
        int rateHz = reference.sampleRateHz();
        AlignmentMethod method = other.sampleRateHz() == rateHz ? AlignmentMethod.GCC_PHAT
                : AlignmentMethod.GCC_PHAT_RESAMPLED;
        CorrelationInput aligned = other.atRate(rateHz);
        long otherLength = aligned.lengthSamples();
        long referenceLength = reference.lengthSamples();
        List<String> warnings = new ArrayList<>();
        // No offset beyond both lengths together can overlap, so a wider search is only wasted work.
        long search = Math.min(searchSamples, referenceLength + otherLength);
        int fullWindow = (int) Math.max(2, Math.min(Math.round(options.windowSeconds() * rateHz),
                GccPhatCorrelation.MAX_FFT_SIZE / 2));
        long minimumWindow = Math.max(2, rateHz / 2);

        // Pass 1, searching coarse ± search. Over more than a minute, 10 ms energy envelopes of the
        // whole sources first name a few candidate offsets, and pass 1 only checks around each of them.
        Coarse first;
        if (search > WIDE_SEARCH_SECONDS * rateHz) {
            if (envelopeSource != reference) {
                envelopeSource = reference;
                referenceEnvelope = reference.energyEnvelope();
            }
            long[] candidates = EnvelopeCorrelation.candidates(referenceEnvelope, reference::envelopeSpectrum, rateHz,
                    other.energyEnvelope(), other::envelopeSpectrum, coarseOffsetSamples - search,
                    coarseOffsetSamples + search, ENVELOPE_CANDIDATES);
            warnings.add("offset searched over ±" + Math.round(search / (double) rateHz) + " s through 10 ms energy"
                    + " envelopes first (" + candidates.length + " candidate offset(s) found)");
            // The envelope peak is the mean offset over the overlap; drift moves the ends away from it.
            long slack = Math.round(ENVELOPE_SLACK_MS / 1000.0 * rateHz)
                    + (long) Math.ceil(options.maxDriftPpm() * 1e-6 * Math.min(referenceLength, otherLength));
            first = null;
            for (long candidate : candidates) {
                Coarse tried = coarsePass(reference, other, candidate, slack, false);
                if (first == null || (tried.fit() != null
                        && (first.fit() == null || tried.fit().confidence() > first.fit().confidence()))) {
                    first = tried;
                }
                if (first.fit() != null && first.fit().confidence() >= GOOD_CANDIDATE_CONFIDENCE) {
                    break;
                }
            }
            if (first == null) {
                first = coarsePass(reference, other, coarseOffsetSamples, 0, true);
            }
        } else {
            first = coarsePass(reference, other, coarseOffsetSamples, search, true);
        }
        if (first.noOverlap()) {
            warnings.add("the sources overlap by less than 0.5 s for every offset within " + coarseOffsetSamples
                    + " ± " + search + " samples at " + rateHz + " Hz; offset left at the coarse value");
            return metadataOnly(coarseOffsetSamples, rateHz, 0, List.of(), warnings);
        }
        if (first.shortened()) {
            warnings.add("the overlap is shorter than one window; window shortened");
        }
        List<WindowOffset> coarseWindows = first.windows();
        Fit coarse = first.fit();
        if (coarse == null) {
            return nothingCorrelated(coarseOffsetSamples, rateHz, coarseWindows, warnings);
        }

        // Pass 2: windows inside the overlap implied by pass 1, narrow search around its line.
        double slope = coarse.slope();
        long overlapFrom = Math.max(0, (long) Math.ceil(-coarse.intercept() / (1 + slope)));
        long overlapTo = Math.min(otherLength, (long) Math.floor((referenceLength - coarse.intercept()) / (1 + slope)));
        int refineWindow = (int) Math.min(fullWindow, overlapTo - overlapFrom);
        List<WindowOffset> windows = coarseWindows;
        Fit fine = null;
        if (refineWindow >= minimumWindow) {
            long refineHalf = Math.round(REFINE_SEARCH_MS / 1000.0 * rateHz) + 2;
            // Without a measured drift from pass 1, allow the maximum drift from the agreeing windows' centre.
            double slack = coarse.driftMeasured() ? REFINE_DRIFT_PPM * 1e-6 : options.maxDriftPpm() * 1e-6;
            double anchor = coarse.centreSamples();
            long widestHalf = refineHalf + (long) Math.ceil(slack * Math.max(Math.abs(overlapFrom - anchor),
                    Math.abs(overlapTo - anchor)));
            // Trim the window (by at most a quarter) so window + search fits the next smaller FFT size.
            int power = Integer.highestOneBit(refineWindow) == refineWindow ? refineWindow
                    : Integer.highestOneBit(refineWindow) << 1;
            long fitting = power - 2 * widestHalf - 1;
            if (fitting < refineWindow && fitting >= refineWindow * 3L / 4) {
                refineWindow = (int) fitting;
            }
            int window = refineWindow;
            List<WindowOffset> refined = scan(reference, aligned, overlapFrom, overlapTo, window,
                    p -> Math.round(coarse.offsetAt(p + window / 2.0)),
                    p -> refineHalf + (long) Math.ceil(slack * Math.abs(p + window / 2.0 - anchor)));
            fine = fit(refined);
            if (fine != null) {
                windows = refined;
            }
        }
        Fit result = fine != null ? fine : coarse;
        if (fine == null) {
            warnings.add("second pass inside the overlap found no agreeing windows; first-pass result kept");
        }
        if (coarse.disagreeing() > 0 || result.disagreeing() > 0) {
            warnings.add(Math.max(coarse.disagreeing(), result.disagreeing())
                    + " confident window(s) disagree with the fitted offset (possible splice or repeated audio)");
        }
        if (!result.driftMeasured()) {
            warnings.add("agreeing windows too few or too close together to measure drift; drift reported as 0");
        }
        double intercept = result.intercept();
        return new AlignmentResult(Math.round(intercept), intercept, intercept * 1000.0 / rateHz, rateHz,
                result.slope() * 1e6, Math.max(0, Math.min(1, result.confidence())), method, result.used(),
                result.tried(), result.windows(), warnings);
    }

    /**
     * Outcome of pass 1 for one coarse offset.
     *
     * @param fit        the agreeing line, null when no window agreed
     * @param windows    every window, in full-rate samples
     * @param noOverlap  the sources cannot overlap by 0.5 s within the range
     * @param shortened  the window had to be shortened to the possible overlap
     */
    private record Coarse(Fit fit, List<WindowOffset> windows, boolean noOverlap, boolean shortened) {
    }

    /**
     * Pass 1 around one coarse offset: windows spread over the part of the other source that can overlap
     * the reference for some offset in {@code coarse ± search}, each searched over that range. Above 8 kHz
     * it runs on 8 kHz views of both sources: speech timing is fully there, and the wide search costs a
     * sixth at 48 kHz; pass 2 then works at the full rate.
     *
     * @param growWithPosition widen each window's search by the maximum drift over its position (for a
     *                         coarse offset that holds at the other source's start, as metadata does)
     */
    private Coarse coarsePass(CorrelationInput reference, CorrelationInput other, long coarseOffsetSamples, long search,
                              boolean growWithPosition) {
        int rateHz = reference.sampleRateHz();
        int coarseRateHz = Math.min(rateHz, COARSE_RATE_HZ);
        double scale = rateHz / (double) coarseRateHz;
        CorrelationInput coarseReference = reference.atRate(coarseRateHz);
        CorrelationInput coarseOther = other.atRate(coarseRateHz);
        long coarseOffset = Math.round(coarseOffsetSamples / scale);
        long coarseSearch = (long) Math.ceil(search / scale) + 1;
        long from = Math.max(0, -(coarseOffset + coarseSearch));
        long to = Math.min(coarseOther.lengthSamples(), coarseReference.lengthSamples() - (coarseOffset - coarseSearch));
        if (to - from < Math.max(2, coarseRateHz / 2)) {
            return new Coarse(null, List.of(), true, false);
        }
        int fullWindow = (int) Math.max(2, Math.min(Math.round(options.windowSeconds() * coarseRateHz),
                GccPhatCorrelation.MAX_FFT_SIZE / 2));
        int windowLength = (int) Math.min(fullWindow, to - from);
        double drift = growWithPosition ? options.maxDriftPpm() * 1e-6 : 0;
        List<WindowOffset> windows = scale(scan(coarseReference, coarseOther, from, to, windowLength,
                p -> coarseOffset, p -> coarseSearch + (long) Math.ceil(drift * (p + windowLength))), scale);
        return new Coarse(fit(windows), windows, false, windowLength < fullWindow);
    }

    /** Window positions, lengths and offsets multiplied by {@code scale}: coarse-rate samples to full-rate. */
    private static List<WindowOffset> scale(List<WindowOffset> windows, double scale) {
        if (scale == 1) {
            return windows;
        }
        List<WindowOffset> scaled = new ArrayList<>(windows.size());
        for (WindowOffset w : windows) {
            scaled.add(new WindowOffset(Math.round(w.positionSamples() * scale), (int) Math.round(w.lengthSamples() * scale),
                    w.offsetSamples() * scale, w.confidence(), w.status()));
        }
        return scaled;
    }

    /** Correlates {@code windowCount} windows spread evenly over {@code [from, to)} of the other source. */
    private List<WindowOffset> scan(CorrelationInput reference, CorrelationInput other, long from, long to,
                                    int windowLength, LongUnaryOperator centreOffset, LongUnaryOperator halfWidth) {
        int count = options.windowCount();
        long span = to - from - windowLength;
        float[] window = new float[windowLength];
        GccPhatCorrelation correlation = correlation(reference.sampleRateHz());
        List<WindowOffset> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long position = from + (count == 1 ? span / 2 : Math.round(span * (double) i / (count - 1)));
            if (!windows.isEmpty() && position == windows.get(windows.size() - 1).positionSamples()) {
                continue;
            }
            other.read(position, window, 0, windowLength);
            double windowRms = rms(window);
            if (windowRms < options.silenceRms() || windowRms == 0) {
                windows.add(new WindowOffset(position, windowLength, Double.NaN, 0, WindowStatus.SILENT));
                continue;
            }
            long half = halfWidth.applyAsLong(position);
            long lowestOffset = centreOffset.applyAsLong(position) - half;
            GccPhatCorrelation.Peak peak = correlation.search(reference, position + lowestOffset, 2 * half + 1, window);
            WindowStatus status = peak.confidence() >= options.minWindowConfidence() ? WindowStatus.OUTLIER
                    : WindowStatus.LOW_CONFIDENCE;
            windows.add(new WindowOffset(position, windowLength, lowestOffset + peak.refinedLag(), peak.confidence(),
                    status));
        }
        return windows;
    }

    /**
     * A line offset = intercept + slope * position through the agreeing windows.
     *
     * @param windows     the windows with the agreeing ones marked {@code USED}
     * @param confidence  sum of the agreeing windows' confidences / number of non-silent windows
     * @param disagreeing confident windows outside the agreeing group
     */
    private record Fit(double intercept, double slope, boolean driftMeasured, double centreSamples, double confidence,
                       int used, int tried, int disagreeing, List<WindowOffset> windows) {
        double offsetAt(double positionSamples) {
            return intercept + slope * positionSamples;
        }
    }

    /** Picks the largest agreeing group of confident windows and fits offset = a + b * position; null if none. */
    private Fit fit(List<WindowOffset> windows) {
        List<Integer> candidates = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < windows.size(); i++) {
            WindowOffset w = windows.get(i);
            if (w.status() != WindowStatus.SILENT) {
                tried++;
            }
            if (w.status() == WindowStatus.OUTLIER) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<Integer> group = List.of();
        double groupWeight = -1;
        for (int seed : candidates) {
            WindowOffset s = windows.get(seed);
            List<Integer> members = new ArrayList<>();
            double weight = 0;
            for (int c : candidates) {
                WindowOffset w = windows.get(c);
                double tolerance = AGREEMENT_SAMPLES
                        + options.maxDriftPpm() * 1e-6 * Math.abs(w.positionSamples() - s.positionSamples());
                if (Math.abs(w.offsetSamples() - s.offsetSamples()) <= tolerance) {
                    members.add(c);
                    weight += w.confidence();
                }
            }
            if (members.size() > group.size() || (members.size() == group.size() && weight > groupWeight)) {
                group = members;
                groupWeight = weight;
            }
        }
        // Weighted least squares over window centres, weights = window confidences.
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i : group) {
            WindowOffset w = windows.get(i);
            double x = w.positionSamples() + w.lengthSamples() / 2.0;
            sw += w.confidence();
            sx += w.confidence() * x;
            sy += w.confidence() * w.offsetSamples();
        }
        double meanX = sx / sw;
        double meanY = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i : group) {
            WindowOffset w = windows.get(i);
            double dx = w.positionSamples() + w.lengthSamples() / 2.0 - meanX;
            sxx += w.confidence() * dx * dx;
            sxy += w.confidence() * dx * (w.offsetSamples() - meanY);
        }
        WindowOffset first = windows.get(group.get(0));
        WindowOffset last = windows.get(group.get(group.size() - 1));
        boolean measured = group.size() >= 2 && sxx > 0
                && last.positionSamples() - first.positionSamples() >= first.lengthSamples() / 2;
        double slope = measured ? sxy / sxx : 0;
        List<WindowOffset> marked = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            WindowOffset w = windows.get(i);
            marked.add(group.contains(i) ? new WindowOffset(w.positionSamples(), w.lengthSamples(), w.offsetSamples(),
                    w.confidence(), WindowStatus.USED) : w);
        }
        // Mean confidence of the agreeing windows times the fraction of non-silent windows that agree.
        return new Fit(meanY - slope * meanX, slope, measured, meanX, groupWeight / tried, group.size(), tried,
                candidates.size() - group.size(), marked);
    }

    private AlignmentResult nothingCorrelated(long coarseOffsetSamples, int rateHz, List<WindowOffset> windows,
                                              List<String> warnings) {
        int tried = 0;
        double best = 0;
        for (WindowOffset w : windows) {
            if (w.status() != WindowStatus.SILENT) {
                tried++;
                best = Math.max(best, w.confidence());
            }
        }
        warnings.add(tried == 0 ? "every window of the other source is silent; offset left at the coarse value"
                : "no window correlated with confidence " + options.minWindowConfidence()
                + " or more; offset left at the coarse value");
        return metadataOnly(coarseOffsetSamples, rateHz, tried == 0 ? 0 : best / tried, windows, warnings);
    }

    private static AlignmentResult metadataOnly(long coarseOffsetSamples, int rateHz, double confidence,
                                                List<WindowOffset> windows, List<String> warnings) {
        return new AlignmentResult(coarseOffsetSamples, coarseOffsetSamples, coarseOffsetSamples * 1000.0 / rateHz,
                rateHz, 0, confidence, AlignmentMethod.METADATA_ONLY, 0,
                (int) windows.stream().filter(w -> w.status() != WindowStatus.SILENT).count(), windows, warnings);
    }

    /** The correlator for a rate, kept while the rate stays the same. */
    private GccPhatCorrelation correlation(int rateHz) {
        if (correlation == null || correlationRateHz != rateHz) {
            correlation = GccPhatCorrelation.forRate(rateHz);
            correlationRateHz = rateHz;
        }
        return correlation;
    }

    /**
     * Rejects a negative search and offsets so large that sample arithmetic could overflow.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static void checkOffsetAndSearch(long coarseOffsetSamples, long searchSamples) {
        if (searchSamples < 0) {
            throw new IllegalArgumentException("search half-width must not be negative, got " + searchSamples + " samples");
        }
        if (coarseOffsetSamples > MAX_OFFSET_SAMPLES || coarseOffsetSamples < -MAX_OFFSET_SAMPLES) {
            throw new IllegalArgumentException("coarse offset of " + coarseOffsetSamples + " samples is beyond ±2^50");
        }
    }

    /** Root mean square of the samples (full scale 1.0). */
    static double rms(float[] samples) {
        double sum = 0;
        for (float v : samples) {
            sum += v * (double) v;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }
}
