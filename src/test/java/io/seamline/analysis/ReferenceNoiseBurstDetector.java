package io.seamline.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The noise-burst detector as it was before {@link NoiseBurstDetector} got its faster spectrum and its skipping of
 * windows under {@code burstMinDbfs}: a complex FFT per window, one logarithm per bin. Kept as the oracle the
 * faster detector is compared with.
 */
final class ReferenceNoiseBurstDetector extends WindowedLaneDetector {
    private final int size;
    private final int hop;
    private final float[] window;
    private final float[] ring;
    private final double[] re;
    private final double[] im;
    private final FloatSeries levels = new FloatSeries();
    private final FloatSeries flatness = new FloatSeries();
    private long received;

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds (the burst fields are used)
     */
    ReferenceNoiseBurstDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        super(sampleRateHz, lane, thresholds);
        int wanted = (int) Math.max(16, Math.min(1 << 16, thresholds.burstWindowMs() * sampleRateHz / 1000.0));
        this.size = Integer.highestOneBit(wanted);
        this.hop = size / 4;
        this.window = new float[size];
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        }
        this.ring = new float[size];
        this.re = new double[size];
        this.im = new double[size];
    }

    @Override
    public void accept(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            float x = samples[i];
            ring[(int) (received % size)] = x == x && !Float.isInfinite(x) ? x : 0f;
            received++;
            if (received >= size && (received - size) % hop == 0) {
                analyse();
            }
        }
    }

    private void analyse() {
        int base = (int) (received % size);
        double energy = 0;
        for (int i = 0; i < size; i++) {
            float x = ring[(base + i) % size];
            energy += (double) x * x;
            re[i] = x * window[i];
            im[i] = 0;
        }
        levels.add(toDb(energy / size));
        fft(re, im);
        double logSum = 0;
        double sum = 0;
        int bins = size / 2 - 1;
        for (int k = 1; k <= bins; k++) {
            double p = re[k] * re[k] + im[k] * im[k] + 1e-20;
            logSum += Math.log(p);
            sum += p;
        }
        flatness.add((float) (Math.exp(logSum / bins) / (sum / bins)));
    }

    /** In-place radix-2 decimation-in-time FFT (Cooley and Tukey 1965); length is a power of two. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
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
