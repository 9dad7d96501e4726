package io.seamline.analysis;

import io.seamline.audio.SampleUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds bursts of broadband noise in one lane: runs of windows whose spectral flatness (geometric over arithmetic
 * mean of the power spectrum, Gray and Markel 1974) is at least {@code burstFlatness} and whose level is both
 * above {@code burstMinDbfs} and {@code burstAboveFloorDb} over the lane's floor (10th percentile of window levels),
 * lasting at least {@code burstMinMs}. Whether the reference had speech there is decided later by alignment.
 *
 * <p>Tuning. On the minute of espeak-ng speech the tests build from the committed fixtures (see
 * {@link SilenceDetector}), runs of windows over the gate with flatness of at least 0.30 lasted at most 56 ms
 * (at least 0.20: 160 ms; with pink line noise: 32 ms), fricatives included; dithered pauses are flat but 45 dB
 * under the gate. Sox white noise at 0.3 of full scale has a mean flatness of 0.46 in 256-point Hann windows and
 * breaks into pieces at a threshold of 0.45; at 0.30 a 17 s splice is one burst whose boundaries lie 32 samples
 * (4 ms) inside the truth. Defaults: 32 ms windows every quarter window, flatness 0.30, 20 dB over the floor and
 * at least -50 dBFS, 250 ms minimum.
 */
public final class NoiseBurstDetector extends WindowedLaneDetector {
    /**
     * Windows at most this far apart (in hops) can belong to one burst: a run tolerates two holes, so this many
     * windows in a row that are not noisy (a break) end any run.
     */
    private static final int RUN_REACH = 3;
    private static final byte UNKNOWN = 0;
    private static final byte NOT_CANDIDATE = 1;
    private static final byte CANDIDATE = 2;
    /**
     * A window is skipped when its flatness bound ({@link SpectralFlatness#upperBound}) is under this fraction of
     * the threshold: the 0.1% margin is far above the rounding of the bound (about 1e-13 relative), so a skipped
     * window's flatness, rounded to float, is under the threshold.
     */
    private static final double PRUNE_MARGIN = 0.999;
    private final int size;
    private final int hop;
    private final float[] window;
    private final SpectralFlatness spectrum;
    /**
     * The last samples of the lane (NaN and infinities as 0): from the first window after the last break (or the two
     * windows before the newest one in exact mode) on.
     */
    private final float[] history;
    private final double[] energies = new double[4];
    private final double[] hopEnergies = new double[7];
    private final boolean sixteenBit;
    /**
     * Sums of squares of whole hops taken from {@link SampleUnits} ({@link #acceptUnits}): hop
     * {@code hopSumsStart + k} in {@code hopSums[k]}, from the first window not measured yet on. Null until then.
     */
    private double[] hopSums;
    private long hopSumsStart;
    private int hopSumsCount;
    private double pendingHopSum;
    private int pendingHopFilled;
    /** Some block came through {@link #accept}: hops are then summed from the history. */
    private boolean samplesOnly;
    private final FloatSeries levels = new FloatSeries();
    private final FloatSeries flatness = new FloatSeries();
    /** Absolute sample index of {@code history[0]}. */
    private long historyStart;
    private int historyLength;
    /** Last candidate seen in exact mode; -1 before the first. */
    private int lastCandidate = -1;
    /** Per window: {@link #UNKNOWN}, {@link #NOT_CANDIDATE} or {@link #CANDIDATE}. */
    private final ByteSeries states = new ByteSeries();
    /** Shortest burst reported, in windows. */
    private final long minWindows;
    /** Most windows skipped between two breaks: under {@link #minWindows}, and bounded so the history holds them. */
    private final int span;
    /** First window after the last break: where the next break is looked for, or exact mode starts. */
    private int regionStart;
    /** Whether windows are being decided one by one (no break was found within {@link #span}). */
    private boolean exact;
    /** Next window exact mode decides. */
    private int nextExact;
    /** Windows in a row that are not candidates, in exact mode. */
    private int notCandidates;

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds (the burst fields are used)
     */
    public NoiseBurstDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        this(sampleRateHz, lane, thresholds, false);
    }

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds (the burst fields are used)
     * @param sixteenBit every sample is a 16-bit value / 32768: squares are then multiples of 2^-30 and a window's
     *     energy is exact in double in any order, so it is the sum of its four hops' energies, each hop summed once
     */
    public NoiseBurstDetector(int sampleRateHz, int lane, GapThresholds thresholds, boolean sixteenBit) {
        super(sampleRateHz, lane, thresholds);
        int wanted = (int) Math.max(16, Math.min(1 << 16, thresholds.burstWindowMs() * sampleRateHz / 1000.0));
        this.size = Integer.highestOneBit(wanted);
        this.hop = size / 4;
        this.window = new float[size];
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        }
        this.spectrum = new SpectralFlatness(size);
        this.sixteenBit = sixteenBit && size <= 1 << 20;
        this.minWindows = Math.max(1, Math.round(thresholds.burstMinMs() * sampleRateHz / 1000.0 / hop));
        this.span = (int) Math.min(minWindows, Math.max(1, (1 << 16) / hop));
        // While a break is looked for, the windows from the last break on stay: span + RUN_REACH - 1 windows.
        this.history = new float[size + (span + RUN_REACH) * hop + Math.max(size, 8192)];
    }

    @Override
    public void accept(float[] samples, int count) {
        samplesOnly = true;
        take(samples, count);
    }

    /**
     * {@link #accept} for 16-bit samples whose whole units are measured: each hop's sum of squares is the sum of its
     * units' (exact, so the same double as summing its samples), and window energies are made of those. Without
     * 16-bit samples (see the constructor), or once a block came through {@link #accept}, this is {@link #accept}.
     *
     * @param samples the block, 16-bit values / 32768
     * @param units the units of {@code samples[0..count)}
     * @param count samples in the block
     */
    void acceptUnits(float[] samples, SampleUnits units, int count) {
        if (!sixteenBit || samplesOnly) {
            accept(samples, count);
            return;
        }
        if (hopSums == null) {
            hopSums = new double[64];
        }
        int i = 0;
        while (i < count) {
            int end = Math.min(count, i + hop - pendingHopFilled);
            double e = pendingHopSum;
            int k = i;
            int firstUnit = (k + SampleUnits.UNIT - 1) / SampleUnits.UNIT;
            int endUnit = end / SampleUnits.UNIT;
            if (firstUnit < endUnit) {
                for (; k < firstUnit * SampleUnits.UNIT; k++) {
                    e += (double) samples[k] * samples[k];
                }
                for (int u = firstUnit; u < endUnit; u++) {
                    e += units.sumSquares(u);
                }
                k = endUnit * SampleUnits.UNIT;
            }
            for (; k < end; k++) {
                e += (double) samples[k] * samples[k];
            }
            pendingHopSum = e;
            pendingHopFilled += end - i;
            i = end;
            if (pendingHopFilled == hop) {
                addHopSum(pendingHopSum);
                pendingHopSum = 0;
                pendingHopFilled = 0;
            }
        }
        take(samples, count);
    }

    /** Keeps the sum of the next whole hop, dropping those of windows already measured when full. */
    private void addHopSum(double sum) {
        if (hopSumsCount == hopSums.length) {
            int drop = (int) Math.max(0, Math.min(hopSumsCount, levels.size() - hopSumsStart));
            System.arraycopy(hopSums, drop, hopSums, 0, hopSumsCount - drop);
            hopSumsCount -= drop;
            hopSumsStart += drop;
            if (hopSumsCount == hopSums.length) {
                hopSums = java.util.Arrays.copyOf(hopSums, hopSums.length * 2);
            }
        }
        hopSums[hopSumsCount++] = sum;
    }

    /** Keeps the block in the history and measures and decides the windows it completes. */
    private void take(float[] samples, int count) {
        int i = 0;
        while (i < count) {
            if (historyLength == history.length) {
                compact();
            }
            int n = Math.min(count - i, history.length - historyLength);
            if (sixteenBit) {
                // 16-bit values / 32768 are always finite.
                System.arraycopy(samples, i, history, historyLength, n);
            } else {
                for (int k = 0; k < n; k++) {
                    float x = samples[i + k];
                    history[historyLength + k] = x == x && !Float.isInfinite(x) ? x : 0f;
                }
            }
            historyLength += n;
            i += n;
            if (measureWindows(historyStart + historyLength)) {
                advance();
            }
        }
    }

    /**
     * Measures the level of every window that ends by lane sample {@code end}; true if there was one. A method of
     * its own so that the loop over windows, not all of {@link #accept}, is what the JIT compiles in the middle of
     * a long first block.
     */
    private boolean measureWindows(long end) {
        // Window w covers samples [w * hop, w * hop + size): one ends every hop once the first is full.
        int before = levels.size();
        while ((long) levels.size() * hop + size <= end) {
            int w = levels.size();
            int group = (int) Math.min(energies.length, (end - size) / hop + 1 - w);
            measureEnergies(w, group);
            for (int g = 0; g < group; g++) {
                levels.add(toDb(energies[g] / size));
                flatness.add(Float.NaN);
                states.add(UNKNOWN);
            }
        }
        return levels.size() > before;
    }

    /**
     * Keeps the samples of the windows still to be decided: from the first window after the last break while
     * looking for the next one, else the two windows before the next one (a later candidate may fill them as holes).
     */
    private void compact() {
        long keepWindow = exact ? levels.size() - RUN_REACH + 1 : Math.min(regionStart, levels.size() - RUN_REACH + 1);
        long keepFrom = Math.max(historyStart, keepWindow * hop);
        int drop = (int) (keepFrom - historyStart);
        System.arraycopy(history, drop, history, 0, historyLength - drop);
        historyLength -= drop;
        historyStart = keepFrom;
    }

    /**
     * Decides the windows measured so far as far as they can be. Outside exact mode it looks for the next break
     * (three windows in a row that are provably not candidates) at most {@link #span} windows after the previous
     * one, from the latest place backwards; found, the windows between the two breaks are skipped, since no burst
     * long enough to report fits there. When there is no such break, the stretch from the previous break on is
     * decided window by window as before ({@link #exactStep}) until the next break.
     */
    private void advance() {
        int n = levels.size();
        while (true) {
            if (exact) {
                while (nextExact < n) {
                    if (exactStep(nextExact++)) {
                        exact = false;
                        regionStart = nextExact;
                        break;
                    }
                }
                if (exact) {
                    return;
                }
            }
            int last = regionStart + span + RUN_REACH - 2;
            if (last >= n) {
                return;
            }
            int quiet = 0;
            int breakAt = -1;
            for (int j = last; j >= regionStart; j--) {
                if (isCandidate(j)) {
                    quiet = 0;
                } else if (++quiet == RUN_REACH) {
                    breakAt = j;
                    break;
                }
            }
            if (breakAt >= 0) {
                regionStart = breakAt + RUN_REACH;
            } else {
                startExact();
            }
        }
    }

    /** Decides every window from {@link #regionStart} on one by one, as the detector without breaks did. */
    private void startExact() {
        exact = true;
        nextExact = regionStart;
        lastCandidate = -1;
        notCandidates = 0;
    }

    /**
     * Decides window {@code w} in exact mode: a candidate fills the holes since a candidate at most
     * {@value #RUN_REACH} windows before it (their flatness counts in a burst's mean). Returns whether {@code w} ends
     * a break.
     */
    private boolean exactStep(int w) {
        if (!isCandidate(w)) {
            return ++notCandidates == RUN_REACH;
        }
        notCandidates = 0;
        if (lastCandidate >= 0 && w - lastCandidate <= RUN_REACH) {
            for (int hole = lastCandidate + 1; hole < w; hole++) {
                if (Float.isNaN(flatness.get(hole))) {
                    spectrum.load(history, offset(hole), window);
                    flatness.set(hole, spectrum.flatness());
                }
            }
        }
        lastCandidate = w;
        return false;
    }

    /** Index in {@link #history} of the first sample of window {@code w}. */
    private int offset(int w) {
        return (int) ((long) w * hop - historyStart);
    }

    /**
     * Energies (sums of squared samples, in sample order, in double) of {@code group} consecutive windows from
     * {@code first} into {@link #energies}. Four windows are summed side by side, each in its own order, so the four
     * chains of additions overlap instead of waiting for each other; every sum is the same number as alone.
     */
    private void measureEnergies(int first, int group) {
        float[] h = history;
        int a = (int) ((long) first * hop - historyStart);
        if (sixteenBit && !samplesOnly && hopSums != null) {
            // Every hop these windows cover is whole and its sum kept (acceptUnits sums a block's hops first).
            int k = (int) (first - hopSumsStart);
            for (int j = 0; j < group + 3; j++) {
                hopEnergies[j] = hopSums[k + j];
            }
            for (int g = 0; g < group; g++) {
                energies[g] = (hopEnergies[g] + hopEnergies[g + 1]) + (hopEnergies[g + 2] + hopEnergies[g + 3]);
            }
            return;
        }
        if (sixteenBit) {
            // Exact sums (see the constructor): window w + g is hops w + g .. w + g + 3.
            // Four chains of additions side by side (a hop is a multiple of 4 samples): exact sums in any order.
            for (int j = 0; j < group + 3; j++) {
                int from = a + j * hop;
                double e0 = 0;
                double e1 = 0;
                double e2 = 0;
                double e3 = 0;
                for (int i = from; i < from + hop; i += 4) {
                    float x = h[i];
                    float y = h[i + 1];
                    float z = h[i + 2];
                    float w = h[i + 3];
                    e0 += (double) x * x;
                    e1 += (double) y * y;
                    e2 += (double) z * z;
                    e3 += (double) w * w;
                }
                hopEnergies[j] = (e0 + e1) + (e2 + e3);
            }
            for (int g = 0; g < group; g++) {
                energies[g] = (hopEnergies[g] + hopEnergies[g + 1]) + (hopEnergies[g + 2] + hopEnergies[g + 3]);
            }
            return;
        }
        if (group == 4) {
            int b = a + hop;
            int c = b + hop;
            int d = c + hop;
            double ea = 0;
            double eb = 0;
            double ec = 0;
            double ed = 0;
            for (int i = 0; i < size; i++) {
                float xa = h[a + i];
                float xb = h[b + i];
                float xc = h[c + i];
                float xd = h[d + i];
                ea += (double) xa * xa;
                eb += (double) xb * xb;
                ec += (double) xc * xc;
                ed += (double) xd * xd;
            }
            energies[0] = ea;
            energies[1] = eb;
            energies[2] = ec;
            energies[3] = ed;
            return;
        }
        for (int g = 0; g < group; g++) {
            int from = a + g * hop;
            double e = 0;
            for (int i = 0; i < size; i++) {
                float x = h[from + i];
                e += (double) x * x;
            }
            energies[g] = e;
        }
    }

    /**
     * Whether window {@code w} could be noisy under some floor (a candidate), measured once. A window quieter than
     * {@code burstMinDbfs} can never be noisy (the gate is at least that), nor can one whose flatness bound is under
     * the threshold: such windows keep a NaN flatness. Only the others get a spectrum.
     */
    private boolean isCandidate(int w) {
        byte state = states.get(w);
        if (state != UNKNOWN) {
            return state == CANDIDATE;
        }
        boolean candidate = false;
        if (levels.get(w) >= thresholds.burstMinDbfs()) {
            int from = offset(w);
            double pruneUnder = PRUNE_MARGIN * thresholds.burstFlatness();
            if (spectrum.upperBound(history, from, window, pruneUnder) >= pruneUnder) {
                spectrum.load(history, from, window);
                float flat = spectrum.flatness();
                flatness.set(w, flat);
                candidate = flat >= thresholds.burstFlatness();
            }
        }
        states.set(w, candidate ? CANDIDATE : NOT_CANDIDATE);
        return candidate;
    }

    @Override
    public List<GapFinding> finish() {
        int n = levels.size();
        if (n == 0) {
            return List.of();
        }
        while (!exact && n - regionStart >= minWindows) {
            // The stretch after the last break is long enough to hold a burst: decide it window by window.
            startExact();
            advance();
        }
        double floor = percentile(levels.raw(), n, 10);
        double gate = Math.max(thresholds.burstMinDbfs(), floor + thresholds.burstAboveFloorDb());
        List<GapFinding> out = new ArrayList<>();
        int start = -1;
        int holes = 0;
        for (int w = 0; w <= n; w++) {
            boolean noisy = w < n && flatness.get(w) >= thresholds.burstFlatness() && levels.get(w) >= gate;
            if (noisy) {
                if (start < 0) {
                    start = w;
                }
                holes = 0;
            } else if (start >= 0 && (w == n || ++holes > 2)) {
                int last = w - (w == n ? 1 + holes : holes);
                if (last - start + 1 >= minWindows) {
                    out.add(finding(start, last, floor, gate));
                }
                start = -1;
                holes = 0;
            }
        }
        return out;
    }

    private GapFinding finding(int first, int last, double floor, double gate) {
        double flat = 0;
        double level = 0;
        for (int w = first; w <= last; w++) {
            flat += flatness.get(w);
            level += levels.get(w);
        }
        int count = last - first + 1;
        flat /= count;
        level /= count;
        // A window is labelled by its centre, so the span runs from the first centre to the last centre.
        long startSample = (long) first * hop + size / 2;
        long endSample = (long) last * hop + size / 2;
        double confidence = Math.min(1.0, 0.5 + (flat - thresholds.burstFlatness()) * 2);
        return new GapFinding(lane, startSample, endSample, sampleRateHz, GapKind.CORRUPT, confidence,
                String.format(Locale.ROOT, "noise burst: flatness %.2f at %.1f dBFS (floor %.1f, gate %.1f dBFS)",
                        flat, level, floor, gate),
                thresholds);
    }

    /** A growable array of bytes, one per window. */
    private static final class ByteSeries {
        private byte[] values = new byte[4096];
        private int size;

        void add(byte v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        byte get(int i) {
            return values[i];
        }

        void set(int i, byte v) {
            values[i] = v;
        }
    }
}
