package io.seamline.analysis;

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
    /** Windows at most this far apart (in hops) can belong to one burst: a run tolerates two holes. */
    private static final int RUN_REACH = 3;
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
    /** The last samples of the lane (NaN and infinities as 0): the newest window and the two before it. */
    private final float[] history;
    private final double[] energies = new double[4];
    private final double[] hopEnergies = new double[7];
    private final boolean sixteenBit;
    private final FloatSeries levels = new FloatSeries();
    private final FloatSeries flatness = new FloatSeries();
    /** Absolute sample index of {@code history[0]}. */
    private long historyStart;
    private int historyLength;
    /** Last window whose level and flatness could make it noisy under any floor; -1 before the first. */
    private int lastCandidate = -1;

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
        this.history = new float[size + RUN_REACH * hop + Math.max(size, 8192)];
    }

    @Override
    public void accept(float[] samples, int count) {
        int i = 0;
        while (i < count) {
            if (historyLength == history.length) {
                compact();
            }
            int n = Math.min(count - i, history.length - historyLength);
            for (int k = 0; k < n; k++) {
                float x = samples[i + k];
                history[historyLength + k] = x == x && !Float.isInfinite(x) ? x : 0f;
            }
            historyLength += n;
            i += n;
            long end = historyStart + historyLength;
            // Window w covers samples [w * hop, w * hop + size): one ends every hop once the first is full.
            while ((long) levels.size() * hop + size <= end) {
                int w = levels.size();
                int group = (int) Math.min(energies.length, (end - size) / hop + 1 - w);
                measureEnergies(w, group);
                for (int g = 0; g < group; g++) {
                    analyse(w + g, energies[g]);
                }
            }
        }
    }

    /** Keeps the samples of the windows a later candidate may still need (the two before the next one). */
    private void compact() {
        long keepFrom = Math.max(historyStart, (long) (levels.size() - RUN_REACH + 1) * hop);
        int drop = (int) (keepFrom - historyStart);
        System.arraycopy(history, drop, history, 0, historyLength - drop);
        historyLength -= drop;
        historyStart = keepFrom;
    }

    /**
     * Energies (sums of squared samples, in sample order, in double) of {@code group} consecutive windows from
     * {@code first} into {@link #energies}. Four windows are summed side by side, each in its own order, so the four
     * chains of additions overlap instead of waiting for each other; every sum is the same number as alone.
     */
    private void measureEnergies(int first, int group) {
        float[] h = history;
        int a = (int) ((long) first * hop - historyStart);
        if (sixteenBit) {
            // Exact sums (see the constructor): window w + g is hops w + g .. w + g + 3.
            for (int j = 0; j < group + 3; j++) {
                int from = a + j * hop;
                double e0 = 0;
                double e1 = 0;
                for (int i = from; i < from + hop; i += 2) {
                    float x = h[i];
                    float y = h[i + 1];
                    e0 += (double) x * x;
                    e1 += (double) y * y;
                }
                hopEnergies[j] = e0 + e1;
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
     * Measures window {@code w}. A window quieter than {@code burstMinDbfs} can never be noisy (the gate is at least
     * that), nor can one whose flatness bound is under the threshold; so the spectrum of such a window is only
     * computed when it lies inside a possible run, between two windows that could be noisy at most
     * {@value #RUN_REACH} windows apart, where its flatness is part of that run's mean.
     */
    private void analyse(int w, double energy) {
        float level = toDb(energy / size);
        levels.add(level);
        if (level < thresholds.burstMinDbfs()) {
            flatness.add(Float.NaN);
            return;
        }
        int from = (int) ((long) w * hop - historyStart);
        double pruneUnder = PRUNE_MARGIN * thresholds.burstFlatness();
        if (spectrum.upperBound(history, from, window, pruneUnder) < pruneUnder) {
            // Provably under the flatness threshold, so never noisy: its spectrum is needed only as a hole.
            flatness.add(Float.NaN);
            return;
        }
        spectrum.load(history, from, window);
        float flat = spectrum.flatness();
        flatness.add(flat);
        if (flat >= thresholds.burstFlatness()) {
            if (lastCandidate >= 0 && w - lastCandidate <= RUN_REACH) {
                for (int hole = lastCandidate + 1; hole < w; hole++) {
                    if (Float.isNaN(flatness.get(hole))) {
                        spectrum.load(history, (int) ((long) hole * hop - historyStart), window);
                        flatness.set(hole, spectrum.flatness());
                    }
                }
            }
            lastCandidate = w;
        }
    }

    @Override
    public List<GapFinding> finish() {
        int n = levels.size();
        if (n == 0) {
            return List.of();
        }
        double floor = percentile(levels.raw(), n, 10);
        double gate = Math.max(thresholds.burstMinDbfs(), floor + thresholds.burstAboveFloorDb());
        long minWindows = Math.max(1, Math.round(thresholds.burstMinMs() * sampleRateHz / 1000.0 / hop));
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
}
