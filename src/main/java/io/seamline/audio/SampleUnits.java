package io.seamline.audio;

/**
 * The sum of squares, minimum and maximum of every whole 16-sample unit of one block of one lane whose samples
 * are 16-bit values / 32768: the one pass over the samples that the waveform pyramid and the silence levels
 * share. Such samples are never NaN or -0, so a minimum or maximum of unit minima or maxima is the one of the
 * samples, and their squares are multiples of 2^-30 whose sums (below 2^23 samples) are exact in double in any
 * grouping: a range's sum from the units is the very double summed sample by sample.
 */
public final class SampleUnits {
    /** Samples per unit. */
    public static final int UNIT = 16;

    private double[] sumSquares = new double[0];
    private float[] min = new float[0];
    private float[] max = new float[0];
    private int units;

    /**
     * Measures the {@code count / 16} whole units of {@code samples[0..count)} (a partial last unit is left to the
     * callers, sample by sample).
     *
     * @param samples 16-bit values / 32768
     * @param count samples in the block
     */
    public void measure(float[] samples, int count) {
        int n = count / UNIT;
        if (sumSquares.length < n) {
            sumSquares = new double[n];
            min = new float[n];
            max = new float[n];
        }
        for (int u = 0; u < n; u++) {
            int at = u * UNIT;
            // Minimum and maximum of the 16-bit values themselves (x * 32768 is exact): integer min and max
            // compile to conditional moves, where float ones need NaN and -0 handling or a mispredicted branch.
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = at; i < at + UNIT; i += 4) {
                float x = samples[i];
                float y = samples[i + 1];
                float z = samples[i + 2];
                float w = samples[i + 3];
                int a = (int) (x * 32768f);
                int b = (int) (y * 32768f);
                int c = (int) (z * 32768f);
                int d = (int) (w * 32768f);
                lo = Math.min(Math.min(lo, a), Math.min(b, Math.min(c, d)));
                hi = Math.max(Math.max(hi, a), Math.max(b, Math.max(c, d)));
                s0 += (double) x * x;
                s1 += (double) y * y;
                s2 += (double) z * z;
                s3 += (double) w * w;
            }
            sumSquares[u] = (s0 + s1) + (s2 + s3);
            min[u] = lo / 32768f;
            max[u] = hi / 32768f;
        }
        units = n;
    }

    /** Whole units measured in the last block. */
    public int units() {
        return units;
    }

    /** Sum of squares of unit {@code u} (samples {@code 16u .. 16u + 15} of the block), full scale squared = 1. */
    public double sumSquares(int u) {
        return sumSquares[u];
    }

    /** Smallest sample of unit {@code u}, full scale = 1. */
    public float min(int u) {
        return min[u];
    }

    /** Largest sample of unit {@code u}, full scale = 1. */
    public float max(int u) {
        return max[u];
    }
}
