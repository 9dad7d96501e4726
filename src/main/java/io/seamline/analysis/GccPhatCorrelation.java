package io.seamline.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Generalised cross-correlation with phase transform (GCC-PHAT, Knapp and Carter, IEEE Trans. ASSP
 * 24(4), 1976): finds where a short window of one signal sits inside a span of another.
 *
 * <p>The cross-spectrum is divided by its magnitude, so every frequency votes with equal weight and the
 * correlation of speech collapses to a sharp peak instead of the broad hump its low-frequency energy
 * would give. The FFT is {@link CorrelationFft} (radix-2, sizes are powers of two; its Javadoc says why
 * not TarsosDSP's). Long spans are searched in chunks so that memory and the FFT size stay bounded
 * whatever the search range.
 *
 * <p>Not thread-safe: it caches one FFT plan per size.
 */
final class GccPhatCorrelation {

    /** Largest FFT used for one chunk: 2^20 points (4 MiB per float buffer). */
    static final int MAX_FFT_SIZE = 1 << 20;

    /** Peak value / second peak value at which the confidence reaches 1. */
    static final double FULL_CONFIDENCE_RATIO = 4.0;

    private final int exclusionSamples;
    private final Map<Integer, CorrelationFft> plans = new HashMap<>();

    /** A correlator for signals at {@code sampleRateHz} whose peak exclusion zone is 2 ms, at least 4 samples. */
    static GccPhatCorrelation forRate(int sampleRateHz) {
        return new GccPhatCorrelation(Math.max(4, (int) Math.round(sampleRateHz * 0.002)));
    }

    /**
     * @param exclusionSamples half-width, in samples, of the neighbourhood of the main peak that the
     *                         second peak must lie outside of
     */
    GccPhatCorrelation(int exclusionSamples) {
        this.exclusionSamples = Math.max(1, exclusionSamples);
    }

    /** Best and runner-up lag of one search, with the confidence derived from them. */
    record Peak(long lag, double refinedLag, double peakValue, double secondValue, double confidence) {
    }

    /**
     * Finds the lag {@code L} in {@code [0, lagCount)} at which {@code window[n]} best matches
     * {@code reference[referenceStart + L + n]}.
     *
     * <p>Confidence is {@code (p1 / p2 - 1) / (FULL_CONFIDENCE_RATIO - 1)} clamped to [0, 1], where
     * {@code p1} is the main peak and {@code p2} the highest correlation more than
     * {@code exclusionSamples} away from it: 0 when the best lag is no better than another, 1 when it
     * stands four times above every other candidate. It is 0 when the window has no energy.
     *
     * @param reference      signal searched, at the same rate as {@code window}
     * @param referenceStart reference sample aligned with {@code window[0]} at lag 0
     * @param lagCount       number of lags searched, at least 1
     * @param window         the samples to find; its mean is removed before correlating
     */
    Peak search(CorrelationInput reference, long referenceStart, long lagCount, float[] window) {
        if (lagCount < 1) {
            throw new IllegalArgumentException("lag count must be at least 1, got " + lagCount);
        }
        int windowLength = window.length;
        if (windowLength < 2 || windowLength > MAX_FFT_SIZE / 2) {
            throw new IllegalArgumentException("window of " + windowLength + " samples is outside 2.." + MAX_FFT_SIZE / 2);
        }
        long needed = windowLength + Math.min(lagCount, MAX_FFT_SIZE) - 1L;
        int fftSize = needed >= MAX_FFT_SIZE ? MAX_FFT_SIZE : Integer.highestOneBit((int) needed);
        if (fftSize < needed && fftSize < MAX_FFT_SIZE) {
            fftSize <<= 1;
        }
        CorrelationFft fft = plans.computeIfAbsent(fftSize, CorrelationFft::forSize);
        int lagsPerChunk = fftSize - windowLength + 1;

        float[] windowSpectrum = new float[fftSize];
        double mean = 0;
        for (float v : window) {
            mean += v;
        }
        mean /= windowLength;
        double energy = 0;
        for (int i = 0; i < windowLength; i++) {
            float v = (float) (window[i] - mean);
            windowSpectrum[i] = v;
            energy += v * (double) v;
        }
        if (energy == 0) {
            return new Peak(0, 0, 0, 0, 0);
        }
        fft.forward(windowSpectrum);

        PeakSet peaks = new PeakSet(exclusionSamples);
        float[] chunk = new float[fftSize];
        for (long chunkStart = 0; chunkStart < lagCount; chunkStart += lagsPerChunk) {
            int lags = (int) Math.min(lagsPerChunk, lagCount - chunkStart);
            reference.read(referenceStart + chunkStart, chunk, 0, fftSize);
            fft.forward(chunk);
            phatCrossSpectrum(chunk, windowSpectrum);
            fft.inverse(chunk);
            peaks.collect(chunk, chunkStart, lags);
        }
        return peaks.result();
    }

    /**
     * Replaces {@code x} by X * conj(Y) / |X * conj(Y)| in {@link CorrelationFft}'s packed layout. A small
     * floor relative to the largest magnitude keeps empty bins (band-limited telephone audio has none
     * above 3.4 kHz) from being blown up to unit weight from rounding noise.
     */
    static void phatCrossSpectrum(float[] x, float[] y) {
        int n = x.length;
        double dc = x[0] * (double) y[0];
        double nyquist = x[1] * (double) y[1];
        double maxSquared = Math.max(dc * dc, nyquist * nyquist);
        for (int k = 2; k < n; k += 2) {
            double re = x[k] * (double) y[k] + x[k + 1] * (double) y[k + 1];
            double im = x[k + 1] * (double) y[k] - x[k] * (double) y[k + 1];
            x[k] = (float) re;
            x[k + 1] = (float) im;
            maxSquared = Math.max(maxSquared, re * re + im * im);
        }
        double floor = Math.sqrt(maxSquared) * 1e-6 + Double.MIN_NORMAL;
        x[0] = (float) (dc / (Math.abs(dc) + floor));
        x[1] = (float) (nyquist / (Math.abs(nyquist) + floor));
        for (int k = 2; k < n; k += 2) {
            double re = x[k];
            double im = x[k + 1];
            double w = 1.0 / (Math.sqrt(re * re + im * im) + floor);
            x[k] = (float) (re * w);
            x[k + 1] = (float) (im * w);
        }
    }

    /** Keeps the best few separated peaks across chunks. */
    private static final class PeakSet {
        private static final int KEPT = 3;
        private final int exclusion;
        private final long[] lags = new long[KEPT * 64];
        private final double[] values = new double[KEPT * 64];
        private final double[] refined = new double[KEPT * 64];
        private int size;

        PeakSet(int exclusion) {
            this.exclusion = exclusion;
        }

        void collect(float[] cc, long chunkStart, int lags) {
            int[] taken = new int[KEPT];
            int found = 0;
            for (int round = 0; round < KEPT; round++) {
                int best = -1;
                float bestValue = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < lags; k++) {
                    if (cc[k] > bestValue && !near(k, taken, found)) {
                        bestValue = cc[k];
                        best = k;
                    }
                }
                if (best < 0) {
                    break;
                }
                taken[found++] = best;
                double offset = 0;
                if (best > 0 && best + 1 < lags) {
                    // Parabolic interpolation through the peak and its neighbours.
                    double a = cc[best - 1];
                    double b = cc[best];
                    double c = cc[best + 1];
                    double denominator = a - 2 * b + c;
                    if (denominator < 0) {
                        offset = Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / denominator));
                    }
                }
                add(chunkStart + best, bestValue, chunkStart + best + offset);
            }
        }

        private boolean near(int k, int[] taken, int found) {
            for (int i = 0; i < found; i++) {
                if (Math.abs(k - taken[i]) <= exclusion) {
                    return true;
                }
            }
            return false;
        }

        private void add(long lag, double value, double refinedLag) {
            if (size == values.length) {
                // Keep memory bounded on very long searches: drop the weakest entry.
                int weakest = 0;
                for (int i = 1; i < size; i++) {
                    if (values[i] < values[weakest]) {
                        weakest = i;
                    }
                }
                if (values[weakest] >= value) {
                    return;
                }
                lags[weakest] = lag;
                values[weakest] = value;
                refined[weakest] = refinedLag;
                return;
            }
            lags[size] = lag;
            values[size] = value;
            refined[size] = refinedLag;
            size++;
        }

        Peak result() {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (values[i] > values[best]) {
                    best = i;
                }
            }
            double second = 0;
            for (int i = 0; i < size; i++) {
                if (i != best && Math.abs(lags[i] - lags[best]) > exclusion && values[i] > second) {
                    second = values[i];
                }
            }
            double peak = values[best];
            double confidence;
            if (peak <= 0) {
                confidence = 0;
            } else if (second <= 0) {
                confidence = 1;
            } else {
                confidence = Math.max(0, Math.min(1, (peak / second - 1) / (FULL_CONFIDENCE_RATIO - 1)));
            }
            return new Peak(lags[best], refined[best], peak, second, confidence);
        }
    }
}
