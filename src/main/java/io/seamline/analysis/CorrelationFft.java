package io.seamline.analysis;

/**
 * In-place real FFT of a power-of-two size for the correlation code: an iterative radix-2 complex FFT
 * of half the size plus the usual split step for real input.
 *
 * <p>Why not TarsosDSP's {@code be.tarsos.dsp.util.fft.FFT}: its {@code FloatFFT} hands every transform
 * above 8192 points to {@code be.tarsos.dsp.util.ConcurrencyUtils}, a global cached pool of non-daemon
 * threads, which keeps the JVM alive for 60 s after the last transform (the CLI would hang on exit) and
 * can only be switched off through a global setter that every other user of TarsosDSP in the process
 * would also see. This class is single-threaded, allocation-free after construction and has no state
 * beyond its tables.
 *
 * <p>Layout (the same as JTransforms' {@code realForward}): {@code a[0] = Re X[0]},
 * {@code a[1] = Re X[N/2]}, and for {@code 0 < k < N/2}: {@code a[2k] = Re X[k]}, {@code a[2k+1] = Im X[k]},
 * with {@code X[k] = sum x[n] exp(-2 pi i k n / N)}.
 */
final class CorrelationFft {
    /** Complex values per cache block of the first stages: 2^13, 64 KB of floats. */
    private static final int BLOCK = 1 << 13;

    private final int size;
    private final int half;
    /** cos and sin of -2 pi k / half for the complex FFT, k in [0, half/2). */
    private final float[] cosHalf;
    private final float[] sinHalf;
    /** cos and sin of -2 pi k / size for the real split step, k in [0, half]. */
    private final double[] cosFull;
    private final double[] sinFull;
    private final int[] bitReverse;
    /** Plans shared by size, kept softly: a 2^21-point plan holds 24 MB of tables. */
    private static final java.util.Map<Integer, java.lang.ref.SoftReference<CorrelationFft>> PLANS =
            new java.util.HashMap<>();

    /**
     * A plan for {@code size} shared with every other caller (a plan has no state beyond its tables, so threads may
     * use one at once), built once while it stays in memory.
     */
    static synchronized CorrelationFft forSize(int size) {
        java.lang.ref.SoftReference<CorrelationFft> kept = PLANS.get(size);
        CorrelationFft plan = kept == null ? null : kept.get();
        if (plan == null) {
            plan = new CorrelationFft(size);
            PLANS.put(size, new java.lang.ref.SoftReference<>(plan));
        }
        return plan;
    }

    /** @param size number of real samples, a power of two of at least 4 */
    CorrelationFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two of at least 4, got " + size);
        }
        this.size = size;
        this.half = size / 2;
        cosFull = new double[half + 1];
        sinFull = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double angle = -2 * Math.PI * k / size;
            cosFull[k] = Math.cos(angle);
            sinFull[k] = Math.sin(angle);
        }
        // -2 pi k / half is the very double -2 pi (2k) / size (doubling and halving are exact in binary floating
        // point), so the half-size twiddles are the full-size ones at even indices, rounded to float.
        cosHalf = new float[Math.max(1, half / 2)];
        sinHalf = new float[Math.max(1, half / 2)];
        for (int k = 0; k < half / 2; k++) {
            cosHalf[k] = (float) cosFull[2 * k];
            sinHalf[k] = (float) sinFull[2 * k];
        }
        bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    /** Number of real samples transformed. */
    int size() {
        return size;
    }

    /** Replaces {@code size} real samples by their spectrum in the packed layout described above. */
    void forward(float[] a) {
        complexTransform(a, false);
        // Split Z (FFT of even + i * odd samples) into X: E[k] = (Z[k] + conj Z[M-k]) / 2,
        // O[k] = (Z[k] - conj Z[M-k]) / 2i, X[k] = E[k] + W^k O[k] with W = exp(-2 pi i / N).
        float z0re = a[0];
        float z0im = a[1];
        a[0] = z0re + z0im;
        a[1] = z0re - z0im;
        for (int k = 1; k <= half / 2; k++) {
            int j = half - k;
            double zkRe = a[2 * k];
            double zkIm = a[2 * k + 1];
            double zjRe = a[2 * j];
            double zjIm = a[2 * j + 1];
            double eRe = (zkRe + zjRe) / 2;
            double eIm = (zkIm - zjIm) / 2;
            double oRe = (zkIm + zjIm) / 2;
            double oIm = -(zkRe - zjRe) / 2;
            double tRe = cosFull[k] * oRe - sinFull[k] * oIm;
            double tIm = cosFull[k] * oIm + sinFull[k] * oRe;
            a[2 * k] = (float) (eRe + tRe);
            a[2 * k + 1] = (float) (eIm + tIm);
            if (j != k) {
                // X[M-k] = conj(E[k]) - conj(W^k O[k]) * (-1): from X[M+k] = E[k] - W^k O[k] = conj X[M-k].
                a[2 * j] = (float) (eRe - tRe);
                a[2 * j + 1] = (float) (-(eIm - tIm));
            }
        }
    }

    /** Inverse of {@link #forward(float[])}, scaled by 1/N so that inverse(forward(x)) = x. */
    void inverse(float[] a) {
        double x0 = a[0];
        double xm = a[1];
        a[0] = (float) ((x0 + xm) / 2);
        a[1] = (float) ((x0 - xm) / 2);
        for (int k = 1; k <= half / 2; k++) {
            int j = half - k;
            double xkRe = a[2 * k];
            double xkIm = a[2 * k + 1];
            double xjRe = a[2 * j];
            double xjIm = a[2 * j + 1];
            // E[k] = (X[k] + conj X[M-k]) / 2, O[k] = (X[k] - conj X[M-k]) / (2 W^k), Z[k] = E[k] + i O[k].
            double eRe = (xkRe + xjRe) / 2;
            double eIm = (xkIm - xjIm) / 2;
            double dRe = (xkRe - xjRe) / 2;
            double dIm = (xkIm + xjIm) / 2;
            double oRe = dRe * cosFull[k] + dIm * sinFull[k];
            double oIm = dIm * cosFull[k] - dRe * sinFull[k];
            a[2 * k] = (float) (eRe - oIm);
            a[2 * k + 1] = (float) (eIm + oRe);
            if (j != k) {
                // The same for index M-k: E[j] = conj E[k]-like terms computed from the swapped pair.
                double eRe2 = eRe;
                double eIm2 = -eIm;
                double dRe2 = -dRe;
                double dIm2 = dIm;
                double oRe2 = dRe2 * cosFull[j] + dIm2 * sinFull[j];
                double oIm2 = dIm2 * cosFull[j] - dRe2 * sinFull[j];
                a[2 * j] = (float) (eRe2 - oIm2);
                a[2 * j + 1] = (float) (eIm2 + oRe2);
            }
        }
        complexTransform(a, true);
        float scale = 1f / half;
        for (int i = 0; i < size; i++) {
            a[i] *= scale;
        }
    }

    /** Iterative radix-2 decimation-in-time FFT of {@code half} interleaved complex values. */
    private void complexTransform(float[] a, boolean inverse) {
        if (a.length < size) {
            throw new IllegalArgumentException("array of " + a.length + " floats is shorter than the FFT size " + size);
        }
        for (int i = 0; i < half; i++) {
            int j = bitReverse[i];
            if (j > i) {
                float re = a[2 * i];
                float im = a[2 * i + 1];
                a[2 * i] = a[2 * j];
                a[2 * i + 1] = a[2 * j + 1];
                a[2 * j] = re;
                a[2 * j + 1] = im;
            }
        }
        float sign = inverse ? -1f : 1f;
        // Stages up to BLOCK values long touch only their own block: run them block by block while the block is in
        // the cache, then the longer stages over the whole array. Every butterfly gets the same operands and
        // twiddle as stage by stage over the whole array, so the result is the same to the bit.
        int block = Math.min(half, BLOCK);
        for (int from = 0; from < half; from += block) {
            for (int length = 2; length <= block; length <<= 1) {
                stage(a, length, from, from + block, sign);
            }
        }
        for (int length = block << 1; length <= half; length <<= 1) {
            stage(a, length, 0, half, sign);
        }
    }

    /** One radix-2 stage of butterflies {@code length} values apart over complex values [from, to). */
    private void stage(float[] a, int length, int from, int to, float sign) {
        int span = length / 2;
        int stride = half / length;
        for (int start = from; start < to; start += length) {
            for (int k = 0; k < span; k++) {
                float wr = cosHalf[k * stride];
                float wi = sign * sinHalf[k * stride];
                int p = 2 * (start + k);
                int q = p + 2 * span;
                float xr = a[q] * wr - a[q + 1] * wi;
                float xi = a[q] * wi + a[q + 1] * wr;
                a[q] = a[p] - xr;
                a[q + 1] = a[p + 1] - xi;
                a[p] += xr;
                a[p + 1] += xi;
            }
        }
    }
}
