package io.seamline.analysis;

import java.util.Arrays;

/**
 * Base of the detectors that summarise a lane in fixed hops and decide at the end from lane-wide statistics
 * (percentiles). Memory is a few floats per hop, never the audio.
 */
abstract class WindowedLaneDetector implements LaneGapDetector {
    /** Level given to a window of exact digital silence, far under any real noise floor. */
    static final float DIGITAL_SILENCE_DB = -200f;

    final int sampleRateHz;
    final int lane;
    final GapThresholds thresholds;

    WindowedLaneDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz");
        }
        this.sampleRateHz = sampleRateHz;
        this.lane = lane;
        this.thresholds = thresholds;
    }

    /** Returns the {@code pct} percentile (0..100, nearest rank) of the first {@code n} values, NaN when n is 0. */
    static double percentile(float[] values, int n, double pct) {
        if (n == 0) {
            return Double.NaN;
        }
        float[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(pct / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, rank))];
    }

    /** Converts a mean square to dBFS, giving {@link #DIGITAL_SILENCE_DB} for zero. */
    static float toDb(double meanSquare) {
        return meanSquare <= 0 ? DIGITAL_SILENCE_DB : (float) (10 * Math.log10(meanSquare));
    }

    /** A growable array of floats, one per hop. */
    static final class FloatSeries {
        private float[] values = new float[4096];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float get(int i) {
            return values[i];
        }

        void set(int i, float v) {
            values[i] = v;
        }

        float[] raw() {
            return values;
        }
    }
}
