package io.seamline.analysis;

/**
 * A {@link CorrelationInput} that presents another input at a different rate through a zero-delay
 * windowed-sinc interpolator (see {@link CorrelationInput#resample(float[], double, double)}).
 */
final class ResampledCorrelationInput implements CorrelationInput {

    /** Zero crossings of the sinc kept on each side of the centre. */
    private static final int ZERO_CROSSINGS = 16;
    /** Kernel table points per zero crossing; linear interpolation between them. */
    private static final int TABLE_STEPS = 512;
    /** Kaiser beta: about 85 dB stop-band attenuation. */
    private static final double KAISER_BETA = 8.6;
    /** Cut-off as a fraction of the lower Nyquist frequency, leaving room for the transition band. */
    private static final double CUTOFF = 0.95;
    private static final float[] KERNEL = buildKernel();

    /** Largest number of polyphase coefficient sets precomputed for a rational rate ratio. */
    private static final int MAX_PHASES = 1024;
    /** Largest total size, in floats, of the precomputed polyphase coefficients. */
    private static final int MAX_PHASE_TABLE = 1 << 20;

    private final CorrelationInput source;
    /** Input samples advanced per output sample: input rate / output rate. */
    private final double step;
    private final int sampleRateHz;
    /** Normalised cut-off of the low-pass, in cycles per input sample times 2 (1 = input Nyquist). */
    private final double cutoff;
    /** Half-width of the kernel in input samples. */
    private final double halfWidth;

    /**
     * Polyphase coefficients when in/out reduces to p/q with a small q: set {@code r} (taps {@code taps}
     * long) holds the kernel for the fractional position r/q, so each output is one dot product. Null
     * when the ratio is irrational or too fine (fractional rates model drift), which falls back to
     * evaluating the kernel per tap.
     */
    private final float[] phases;
    private final long phaseP;
    private final long phaseQ;
    private final int taps;

    /**
     * @param source       the signal to convert
     * @param inRateHz     its rate in Hz (may be fractional)
     * @param outRateHz    the rate of this view in Hz (may be fractional)
     * @param sampleRateHz the rate this view reports, in Hz
     */
    ResampledCorrelationInput(CorrelationInput source, double inRateHz, double outRateHz, int sampleRateHz) {
        double ratio = inRateHz / outRateHz;
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("rates must be positive and finite, got " + inRateHz + " Hz and " + outRateHz + " Hz");
        }
        this.source = source;
        this.step = ratio;
        this.sampleRateHz = sampleRateHz;
        this.cutoff = CUTOFF * Math.min(1.0, 1.0 / ratio);
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        int reach = (int) Math.ceil(halfWidth) + 1;
        this.taps = 2 * reach;
        float[] table = null;
        long p = 0;
        long q = 0;
        if (inRateHz == Math.rint(inRateHz) && outRateHz == Math.rint(outRateHz) && inRateHz < 1e9 && outRateHz < 1e9) {
            long in = (long) inRateHz;
            long out = (long) outRateHz;
            long g = gcd(in, out);
            p = in / g;
            q = out / g;
            if (q <= MAX_PHASES && q * taps <= MAX_PHASE_TABLE) {
                table = new float[(int) q * taps];
                for (int r = 0; r < q; r++) {
                    double fraction = r / (double) q;
                    for (int j = 0; j < taps; j++) {
                        // Tap j multiplies input sample floor(t) + j - reach + 1.
                        table[r * taps + j] = (float) (kernel(fraction - (j - reach + 1)) * cutoff);
                    }
                }
            }
        }
        this.phases = table;
        this.phaseP = p;
        this.phaseQ = q;
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public long lengthSamples() {
        return (long) Math.floor(source.lengthSamples() / step);
    }

    @Override
    public void read(long positionSamples, float[] destination, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, destination.length);
        if (count == 0) {
            return;
        }
        long length = lengthSamples();
        double firstTime = positionSamples * step;
        double lastTime = (positionSamples + count - 1) * step;
        long inStart = (long) Math.floor(firstTime - halfWidth) - 2;
        long inEnd = (long) Math.ceil(lastTime + halfWidth) + 2;
        long inCount = inEnd - inStart + 1;
        if (inCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("block of " + count + " samples needs too many input samples");
        }
        float[] in = new float[(int) inCount];
        source.read(inStart, in, 0, in.length);
        int reach = taps / 2;
        int i = 0;
        if (phases != null) {
            // Four outputs at a time, each summed in its own chain in the same order as one at a time (so the same
            // doubles): one chain per output waits on every addition, four side by side do not.
            long firstValid = Math.max(0, -positionSamples);
            long lastValid = Math.min(count, length - positionSamples);
            for (; i < firstValid && i < count; i++) {
                destination[offset + i] = 0f;
            }
            for (; i + 3 < lastValid; i += 4) {
                long np = (positionSamples + i) * phaseP;
                int r0 = (int) (np % phaseQ) * taps;
                int f0 = (int) (np / phaseQ - reach + 1 - inStart);
                np += phaseP;
                int r1 = (int) (np % phaseQ) * taps;
                int f1 = (int) (np / phaseQ - reach + 1 - inStart);
                np += phaseP;
                int r2 = (int) (np % phaseQ) * taps;
                int f2 = (int) (np / phaseQ - reach + 1 - inStart);
                np += phaseP;
                int r3 = (int) (np % phaseQ) * taps;
                int f3 = (int) (np / phaseQ - reach + 1 - inStart);
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int j = 0; j < taps; j++) {
                    s0 += phases[r0 + j] * in[f0 + j];
                    s1 += phases[r1 + j] * in[f1 + j];
                    s2 += phases[r2 + j] * in[f2 + j];
                    s3 += phases[r3 + j] * in[f3 + j];
                }
                destination[offset + i] = (float) s0;
                destination[offset + i + 1] = (float) s1;
                destination[offset + i + 2] = (float) s2;
                destination[offset + i + 3] = (float) s3;
            }
        }
        for (; i < count; i++) {
            long outIndex = positionSamples + i;
            if (outIndex < 0 || outIndex >= length) {
                destination[offset + i] = 0f;
                continue;
            }
            double sum = 0;
            if (phases != null) {
                long np = outIndex * phaseP;
                long base = Math.floorDiv(np, phaseQ);
                int row = (int) Math.floorMod(np, phaseQ) * taps;
                int first = (int) (base - reach + 1 - inStart);
                for (int j = 0; j < taps; j++) {
                    sum += phases[row + j] * in[first + j];
                }
            } else {
                double t = outIndex * step;
                long kFirst = (long) Math.ceil(t - halfWidth);
                long kLast = (long) Math.floor(t + halfWidth);
                for (long k = kFirst; k <= kLast; k++) {
                    sum += kernel(t - k) * in[(int) (k - inStart)];
                }
                sum *= cutoff;
            }
            destination[offset + i] = (float) sum;
        }
    }

    /** The low-pass kernel at {@code t} input samples from its centre, before the gain {@code cutoff}. */
    private double kernel(double t) {
        double u = Math.abs(t) * cutoff * TABLE_STEPS;
        int index = (int) u;
        if (index >= KERNEL.length - 1) {
            return 0;
        }
        return KERNEL[index] + (KERNEL[index + 1] - KERNEL[index]) * (u - index);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** sinc(u) times a Kaiser window over |u| in [0, ZERO_CROSSINGS], sampled TABLE_STEPS per unit. */
    private static float[] buildKernel() {
        int n = ZERO_CROSSINGS * TABLE_STEPS + 2;
        float[] table = new float[n];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < n; i++) {
            double u = i / (double) TABLE_STEPS;
            double sinc = u == 0 ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
            double r = u / ZERO_CROSSINGS;
            double window = r >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            table[i] = (float) (sinc * window);
        }
        return table;
    }

    /** Zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
