package io.seamline.analysis;

/**
 * Spectral flatness of one Hann-windowed block of real samples: the geometric over the arithmetic mean of the power
 * spectrum (Gray and Markel 1974) over bins 1 to n/2 - 1, each power plus 1e-20 so a silent bin stays finite.
 *
 * <p>The n-point real transform is one n/2-point complex FFT of the even samples as real and the odd samples as
 * imaginary parts, split into the two half spectra afterwards (Cooley, Lewis and Welch 1970; Brigham, "The Fast
 * Fourier Transform", 1974, §10.10), with twiddles from tables: about a third of the work of an n-point complex
 * FFT of the same block. The geometric mean is taken as the exponent of the mean logarithm, the logarithm of a
 * product of mantissas plus the sum of their binary exponents, so one logarithm per block replaces one per bin.
 * Both change only the rounding of the double arithmetic (relative differences near 1e-15), far below the float
 * in which the flatness is kept.
 *
 * <p>Not thread-safe: it keeps its work arrays.
 */
final class SpectralFlatness {
    private static final double LN2 = Math.log(2);
    private static final long MANTISSA_BITS = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXPONENT_ONE = 1023L << 52;
    private final int n;
    private final int half;
    private final int[] reverse;
    private final double[] cos;
    private final double[] sin;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] re;
    private final double[] im;

    /**
     * Prepares the tables for blocks of {@code n} samples.
     *
     * @param n block length, a power of two of at least 8
     */
    SpectralFlatness(int n) {
        if (n < 8 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("block length must be a power of two of at least 8, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        this.reverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            reverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new double[half / 2];
        this.sin = new double[half / 2];
        for (int k = 0; k < half / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / half);
            sin[k] = Math.sin(2 * Math.PI * k / half);
        }
        this.splitCos = new double[half];
        this.splitSin = new double[half];
        for (int k = 0; k < half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / n);
            splitSin[k] = Math.sin(2 * Math.PI * k / n);
        }
        this.re = new double[half];
        this.im = new double[half];
    }

    /**
     * Flatness (0..1) of {@code samples[from .. from + n)} times {@code window}, each product rounded to float first.
     *
     * @param samples finite samples, full scale 1.0
     * @param from index of the first sample of the block
     * @param window the n window coefficients
     */
    float flatness(float[] samples, int from, float[] window) {
        double[] re = this.re;
        double[] im = this.im;
        for (int m = 0; m < half; m++) {
            int r = reverse[m];
            re[r] = samples[from + 2 * m] * window[2 * m];
            im[r] = samples[from + 2 * m + 1] * window[2 * m + 1];
        }
        transform(re, im);
        // X[k] = E[k] + W^k O[k], E and O the spectra of the even and odd samples, W = exp(-2 pi i / n).
        double logBinary = 0;
        double mantissas = 1;
        double sum = 0;
        int bins = half - 1;
        for (int k = 1; k <= bins; k++) {
            double ar = re[k];
            double ai = im[k];
            double br = re[half - k];
            double bi = -im[half - k];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi);
            double oi = -0.5 * (ar - br);
            double wr = splitCos[k];
            double wi = -splitSin[k];
            double xr = er + (wr * or - wi * oi);
            double xi = ei + (wr * oi + wi * or);
            double p = xr * xr + xi * xi + 1e-20;
            sum += p;
            mantissas *= p;
            if ((k & 3) == 0 || k == bins) {
                // Powers lie in [1e-20, n^2]: four of them times a mantissa in [1, 2) stay far inside double range.
                long raw = Double.doubleToRawLongBits(mantissas);
                logBinary += (int) (raw >>> 52) - 1023;
                mantissas = Double.longBitsToDouble((raw & MANTISSA_BITS) | EXPONENT_ONE);
            }
        }
        double logSum = logBinary * LN2 + Math.log(mantissas);
        return (float) (Math.exp(logSum / bins) / (sum / bins));
    }

    /** In-place radix-2 decimation-in-time FFT of bit-reversed input (Cooley and Tukey 1965), forward sign. */
    private void transform(double[] re, double[] im) {
        int size = half;
        for (int i = 0; i < size; i += 2) {
            double tr = re[i + 1];
            double ti = im[i + 1];
            re[i + 1] = re[i] - tr;
            im[i + 1] = im[i] - ti;
            re[i] += tr;
            im[i] += ti;
        }
        for (int len = 4; len <= size; len <<= 1) {
            int h = len >> 1;
            int stride = size / len;
            for (int i = 0; i < size; i += len) {
                for (int k = 0; k < h; k++) {
                    double wr = cos[k * stride];
                    double wi = -sin[k * stride];
                    int a = i + k;
                    int b = a + h;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
