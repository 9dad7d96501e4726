package io.seamline.analysis;

/**
 * Spectral flatness of one Hann-windowed block of real samples: the geometric over the arithmetic mean of the power
 * spectrum (Gray and Markel 1974) over bins 1 to n/2 - 1, each power plus 1e-20 so a silent bin stays finite.
 *
 * <p>The n-point real transform is one n/2-point complex FFT of the even samples as real and the odd samples as
 * imaginary parts, split into the two half spectra afterwards (Cooley, Lewis and Welch 1970; Brigham, "The Fast
 * Fourier Transform", 1974, §10.10), in radix-4 steps with twiddles from tables: about a third of the work of an
 * n-point complex FFT of the same block. The geometric mean is taken as the exponent of the mean logarithm, the
 * logarithm of a product of mantissas plus the sum of their binary exponents, so one logarithm per block replaces
 * one per bin. Both change only the rounding of the double arithmetic (relative differences near 1e-15), far below
 * the float in which the flatness is kept. {@link #upperBound} bounds the flatness from the time domain, which
 * spares the transform for windows that cannot reach a threshold.
 *
 * <p>Not thread-safe: it keeps its work arrays.
 */
final class SpectralFlatness {
    private static final double LN2 = Math.log(2);
    private static final long MANTISSA_BITS = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXPONENT_ONE = 1023L << 52;
    /** Order of the linear predictor behind {@link #upperBound}. */
    static final int BOUND_ORDER = 8;
    private final int n;
    private final int half;
    private final int[] reverse;
    private final double[] twiddles;
    private final boolean radix2Last;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] re;
    private final double[] im;
    /** The windowed block in time order with its first {@link #BOUND_ORDER} values again at the end. */
    private final double[] windowed;
    private final double[] lags = new double[BOUND_ORDER + 1];
    private final double[] predictor = new double[BOUND_ORDER + 1];
    private final double[] previous = new double[BOUND_ORDER + 1];
    private final double[] errors = new double[BOUND_ORDER + 1];
    /** Order the Levinson-Durbin recursion has reached for the current block (0 before it starts). */
    private int reached;
    private double oddCorrection;
    private double evenCorrection;

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
        // Twiddles of the radix-4 steps after the first, step by step: W^k, W^2k, W^3k with W = exp(-2 pi i / len)
        // for k < len / 4; then those of a last radix-2 stage when log2(n/2) is odd.
        this.twiddles = new double[6 * half + 2];
        int at = 0;
        int len = 16;
        for (; len <= half; len <<= 2) {
            for (int k = 0; k < len / 4; k++) {
                for (int r = 1; r <= 3; r++) {
                    twiddles[at++] = Math.cos(2 * Math.PI * r * k / len);
                    twiddles[at++] = -Math.sin(2 * Math.PI * r * k / len);
                }
            }
        }
        this.radix2Last = half > 2 && (len >> 1) == half;
        if (radix2Last) {
            for (int k = 0; k < half / 2; k++) {
                twiddles[at++] = Math.cos(2 * Math.PI * k / half);
                twiddles[at++] = -Math.sin(2 * Math.PI * k / half);
            }
        }
        this.splitCos = new double[half];
        this.splitSin = new double[half];
        for (int k = 0; k < half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / n);
            splitSin[k] = Math.sin(2 * Math.PI * k / n);
        }
        this.re = new double[half];
        this.im = new double[half];
        this.windowed = new double[n + BOUND_ORDER + 2];
    }

    /**
     * Loads {@code samples[from .. from + n)} times {@code window} (each product rounded to float, as the detector
     * always did) for {@link #flatness()}.
     *
     * @param samples finite samples, full scale 1.0
     * @param from index of the first sample of the block
     * @param window the n window coefficients
     */
    void load(float[] samples, int from, float[] window) {
        double[] re = this.re;
        double[] im = this.im;
        for (int m = 0; m < half; m++) {
            int r = reverse[m];
            re[r] = samples[from + 2 * m] * window[2 * m];
            im[r] = samples[from + 2 * m + 1] * window[2 * m + 1];
        }
    }

    /**
     * An upper bound of the flatness of {@code samples[from .. from + n)} times {@code window} (what {@link #load}
     * then {@link #flatness()} give, up to rounding), from a few circular autocorrelation lags in the time domain,
     * or 1 when none can be given. It tries order 2 first and goes on to order {@value #BOUND_ORDER} only when the
     * first bound is not under {@code below}: most speech windows are already far under a useful threshold there.
     *
     * <p>Why it bounds. The n-point periodogram P_k of the windowed block y is the spectrum of the circulant
     * covariance whose first row is the circular autocorrelation of y. Replace P_0 and P_{n/2} (not part of the
     * flatness) by A, the mean power of bins 1 to n/2 - 1 (1e-20 included), and add 1e-20 to the other bins: the
     * result Q is still the spectrum of a positive definite circulant C, with r[m] = circular autocorrelation of y
     * + (A - P_0) / n + (-1)^m (A - P_{n/2}) / n (- 2e-20 / n for even m), and r[0] = A. The determinant of C,
     * the product of all Q_k, is the product of C's successive one-step prediction errors (Cholesky), which never
     * grow with the order; so det C is at most E_0 ... E_(p-1) E_p^(n-p) with E_j the Levinson-Durbin errors of
     * order j (Levinson 1947, Durbin 1960). Since the product of Q_k is A^2 times the square of the product of the
     * flatness bins, log GM is at most (log det C - 2 log A) / (2 (n/2 - 1)), and the flatness GM / A at most
     * the exponent of that minus log A. Speech, whose short predictors remove most of its energy, comes out far
     * below the noise-burst threshold; white noise comes out near 1.
     *
     * @param below the bound the caller hopes to get under (it decides whether the higher order is worth it)
     */
    double upperBound(float[] samples, int from, float[] window, double below) {
        double mean = lowLags(samples, from, window);
        if (!(mean > 0) || !Double.isFinite(mean)) {
            return 1;
        }
        errors[0] = mean;
        reached = 0;
        if (levinson(2) < 2) {
            return 1;
        }
        double bound = bound(2, mean);
        if (bound < below) {
            return bound;
        }
        highLags();
        if (levinson(BOUND_ORDER) < BOUND_ORDER) {
            return bound;
        }
        return Math.min(bound, bound(BOUND_ORDER, mean));
    }

    /**
     * Windows the block into {@link #windowed} and puts lags 0 to 2 of r into {@link #lags}, with the corrections
     * of lags 3 and up in {@link #oddCorrection} and {@link #evenCorrection}; returns A (= r[0]).
     */
    private double lowLags(float[] samples, int from, float[] window) {
        double[] y = windowed;
        for (int i = 0; i < n; i++) {
            y[i] = samples[from + i] * window[i];
        }
        for (int i = 0; i < BOUND_ORDER + 2; i++) {
            y[n + i] = y[i];
        }
        double sum = 0;
        double alternating = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        for (int i = 0; i < n; i += 2) {
            double a = y[i];
            double b = y[i + 1];
            double c = y[i + 2];
            sum += a + b;
            alternating += a - b;
            c0 += a * a + b * b;
            c1 += a * b + b * c;
            c2 += a * c + b * y[i + 3];
        }
        double p0 = sum * sum;
        double pHalf = alternating * alternating;
        double mean = (n * c0 - p0 - pHalf) / (2.0 * (half - 1)) + 1e-20;
        oddCorrection = (mean - p0) / n - (mean - pHalf) / n;
        evenCorrection = (mean - p0) / n + (mean - pHalf) / n - 2e-20 / n;
        lags[0] = mean;
        lags[1] = c1 + oddCorrection;
        lags[2] = c2 + evenCorrection;
        return mean;
    }

    /** Lags 3 to {@value #BOUND_ORDER} of r into {@link #lags}, after {@link #lowLags}. */
    private void highLags() {
        double[] y = windowed;
        double c3 = 0;
        double c4 = 0;
        double c5 = 0;
        double c6 = 0;
        double c7 = 0;
        double c8 = 0;
        for (int i = 0; i < n; i += 2) {
            double a = y[i];
            double b = y[i + 1];
            double y3 = y[i + 3];
            double y4 = y[i + 4];
            double y5 = y[i + 5];
            double y6 = y[i + 6];
            double y7 = y[i + 7];
            double y8 = y[i + 8];
            c3 += a * y3 + b * y4;
            c4 += a * y4 + b * y5;
            c5 += a * y5 + b * y6;
            c6 += a * y6 + b * y7;
            c7 += a * y7 + b * y8;
            c8 += a * y8 + b * y[i + 9];
        }
        lags[3] = c3 + oddCorrection;
        lags[4] = c4 + evenCorrection;
        lags[5] = c5 + oddCorrection;
        lags[6] = c6 + evenCorrection;
        lags[7] = c7 + oddCorrection;
        lags[8] = c8 + evenCorrection;
    }

    /**
     * Carries the Levinson-Durbin recursion on {@link #lags} from the order reached so far up to {@code to}, keeping
     * the prediction error of each order in {@link #errors}; returns the highest order reached with a positive
     * error (numerically singular lags stop it early).
     */
    private int levinson(int to) {
        double[] r = lags;
        double[] a = predictor;
        double[] prev = previous;
        double error = errors[reached];
        for (int order = reached + 1; order <= to; order++) {
            double acc = r[order];
            for (int j = 1; j < order; j++) {
                acc -= a[j] * r[order - j];
            }
            double k = acc / error;
            for (int j = 1; j < order; j++) {
                prev[j] = a[j];
            }
            a[order] = k;
            for (int j = 1; j < order; j++) {
                a[j] = prev[j] - k * prev[order - j];
            }
            error *= 1 - k * k;
            if (!(error > 0) || Math.abs(k) >= 1) {
                reached = order - 1;
                return reached;
            }
            errors[order] = error;
        }
        reached = to;
        return to;
    }

    /** The flatness bound from the prediction errors up to order {@code p}: see {@link #upperBound}. */
    private double bound(int p, double mean) {
        // Each error is at most A and positive; their product is taken in one go unless it could underflow.
        double product = 1;
        for (int j = 0; j < p; j++) {
            product *= errors[j] / mean;
        }
        double logProduct = product > 1e-280 ? Math.log(product) : sumOfLogs(p, mean);
        double logDet = (n - p) * Math.log(errors[p] / mean) + logProduct;
        // log det C - 2 log A over 2 (n/2 - 1) minus log A, with every error measured in units of A:
        // n log A - 2 log A = 2 (n/2 - 1) log A cancels the last term.
        double bound = Math.exp(logDet / (2.0 * (half - 1)));
        return Double.isFinite(bound) ? bound : 1;
    }

    private double sumOfLogs(int p, double mean) {
        double sum = 0;
        for (int j = 0; j < p; j++) {
            sum += Math.log(errors[j] / mean);
        }
        return sum;
    }

    /** Flatness (0..1) of the block last given to {@link #load}. */
    float flatness() {
        double[] re = this.re;
        double[] im = this.im;
        transform(re, im);
        // Four running sums and products side by side so that no chain of operations waits on another.
        int bins = half - 1;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double p0 = 1;
        double p1 = 1;
        double p2 = 1;
        double p3 = 1;
        long exponents = 0;
        int k = 1;
        for (; k + 3 <= bins; k += 4) {
            double a = power(k);
            double b = power(k + 1);
            double c = power(k + 2);
            double d = power(k + 3);
            s0 += a;
            s1 += b;
            s2 += c;
            s3 += d;
            p0 *= a;
            p1 *= b;
            p2 *= c;
            p3 *= d;
            if ((k & 15) == 13) {
                // Powers lie in [1e-20, n^2]: four of them times a mantissa in [1, 2) stay far inside double range.
                exponents += exponent(p0) + exponent(p1) + exponent(p2) + exponent(p3);
                p0 = mantissa(p0);
                p1 = mantissa(p1);
                p2 = mantissa(p2);
                p3 = mantissa(p3);
            }
        }
        for (; k <= bins; k++) {
            double a = power(k);
            s0 += a;
            p0 *= a;
        }
        exponents += exponent(p0) + exponent(p1) + exponent(p2) + exponent(p3);
        double product = mantissa(p0) * mantissa(p1) * mantissa(p2) * mantissa(p3);
        double sum = (s0 + s1) + (s2 + s3);
        double logSum = exponents * LN2 + Math.log(product);
        return (float) (Math.exp(logSum / bins) / (sum / bins));
    }

    /** Power of bin k (1 to n/2 - 1) of the real block, from the half-length complex transform, plus 1e-20. */
    private double power(int k) {
        // X[k] = E[k] + W^k O[k], E and O the spectra of the even and odd samples, W = exp(-2 pi i / n).
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
        return xr * xr + xi * xi + 1e-20;
    }

    /** Binary exponent of a positive normal double. */
    private static int exponent(double v) {
        return (int) (Double.doubleToRawLongBits(v) >>> 52) - 1023;
    }

    /** A positive normal double scaled by a power of two into [1, 2). */
    private static double mantissa(double v) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(v) & MANTISSA_BITS) | EXPONENT_ONE);
    }

    /**
     * In-place decimation-in-time FFT of bit-reversed input (Cooley and Tukey 1965), forward sign, in radix-4 steps
     * (three twiddle multiplications per four points, one pass over the data instead of two radix-2 stages), and
     * one radix-2 stage at the end when log2 of the length is odd.
     */
    private void transform(double[] re, double[] im) {
        int size = half;
        for (int i = 0; i < size; i += 4) {
            double r0 = re[i];
            double i0 = im[i];
            double r1 = re[i + 1];
            double i1 = im[i + 1];
            double r2 = re[i + 2];
            double i2 = im[i + 2];
            double r3 = re[i + 3];
            double i3 = im[i + 3];
            // Bit-reversed order holds the residues 0, 2, 1, 3: X[m] = sum over r of (-i)^(r m) x[r].
            double ar = r0 + r1;
            double ai = i0 + i1;
            double br = r0 - r1;
            double bi = i0 - i1;
            double cr = r2 + r3;
            double ci = i2 + i3;
            double dr = i2 - i3;
            double di = -(r2 - r3);
            re[i] = ar + cr;
            im[i] = ai + ci;
            re[i + 2] = ar - cr;
            im[i + 2] = ai - ci;
            re[i + 1] = br + dr;
            im[i + 1] = bi + di;
            re[i + 3] = br - dr;
            im[i + 3] = bi - di;
        }
        double[] w = twiddles;
        int at = 0;
        int len = 16;
        for (; len <= size; len <<= 2) {
            int q = len >> 2;
            for (int i = 0; i < size; i += len) {
                for (int k = 0, t = at; k < q; k++, t += 6) {
                    int a = i + k;
                    int b = a + q;
                    int c = b + q;
                    int d = c + q;
                    // Positions a, b, c, d hold the sub-transforms of residues 0, 2, 1, 3.
                    double t0r = re[a];
                    double t0i = im[a];
                    double t1r = re[c] * w[t] - im[c] * w[t + 1];
                    double t1i = re[c] * w[t + 1] + im[c] * w[t];
                    double t2r = re[b] * w[t + 2] - im[b] * w[t + 3];
                    double t2i = re[b] * w[t + 3] + im[b] * w[t + 2];
                    double t3r = re[d] * w[t + 4] - im[d] * w[t + 5];
                    double t3i = re[d] * w[t + 5] + im[d] * w[t + 4];
                    double sr = t0r + t2r;
                    double si = t0i + t2i;
                    double mr = t0r - t2r;
                    double mi = t0i - t2i;
                    double pr = t1r + t3r;
                    double pi = t1i + t3i;
                    // -i (T1 - T3)
                    double nr = t1i - t3i;
                    double ni = -(t1r - t3r);
                    re[a] = sr + pr;
                    im[a] = si + pi;
                    re[c] = sr - pr;
                    im[c] = si - pi;
                    re[b] = mr + nr;
                    im[b] = mi + ni;
                    re[d] = mr - nr;
                    im[d] = mi - ni;
                }
            }
            at += 6 * q;
        }
        if (radix2Last) {
            int h = size >> 1;
            for (int k = 0, t = at; k < h; k++, t += 2) {
                int b = k + h;
                double xr = re[b] * w[t] - im[b] * w[t + 1];
                double xi = re[b] * w[t + 1] + im[b] * w[t];
                re[b] = re[k] - xr;
                im[b] = im[k] - xi;
                re[k] += xr;
                im[k] += xi;
            }
        }
    }
}
