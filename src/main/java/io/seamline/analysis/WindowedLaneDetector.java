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
        int rank = (int) Math.ceil(pct / 100.0 * n) - 1;
        return select(values, n, Math.max(0, Math.min(n - 1, rank)));
    }

    /**
     * The value at {@code rank} of the first {@code n} values once sorted as {@link Arrays#sort(float[])} sorts
     * them (-0 before +0, NaN last), found by quickselect (Hoare 1961) on order-preserving integer keys: linear time
     * instead of a sort of a lane's hundreds of thousands of windows. Falls back to sorting if the partitions stay
     * unbalanced.
     */
    static float select(float[] values, int n, int rank) {
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(values[i]);
            keys[i] = bits ^ ((bits >> 31) & 0x7fffffff);
        }
        int lo = 0;
        int hi = n - 1;
        int rounds = 0;
        while (lo < hi) {
            if (++rounds > 64) {
                Arrays.sort(keys, lo, hi + 1);
                break;
            }
            int mid = (lo + hi) >>> 1;
            int pivot = median(keys[lo], keys[mid], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = keys[i];
                    keys[i] = keys[j];
                    keys[j] = t;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                break;
            }
        }
        int key = keys[rank];
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
