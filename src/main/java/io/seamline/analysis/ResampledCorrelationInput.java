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

    private final CorrelationInput source;
    /** Input samples advanced per output sample: input rate / output rate. */
    private final double step;
    private final int sampleRateHz;
    /** Normalised cut-off of the low-pass, in cycles per input sample times 2 (1 = input Nyquist). */
    private final double cutoff;
    /** Half-width of the kernel in input samples. */
    private final double halfWidth;

    ResampledCorrelationInput(CorrelationInput source, double step, int sampleRateHz) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("resampling step must be positive and finite, got " + step);
        }
        this.source = source;
        this.step = step;
        this.sampleRateHz = sampleRateHz;
        this.cutoff = CUTOFF * Math.min(1.0, 1.0 / step);
        this.halfWidth = ZERO_CROSSINGS / cutoff;
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
        long inStart = (long) Math.floor(firstTime - halfWidth) - 1;
        long inEnd = (long) Math.ceil(lastTime + halfWidth) + 1;
        long inCount = inEnd - inStart + 1;
        if (inCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("block of " + count + " samples needs too many input samples");
        }
        float[] in = new float[(int) inCount];
        source.read(inStart, in, 0, in.length);
        double scale = cutoff;
        double tableScale = cutoff * TABLE_STEPS;
        for (int i = 0; i < count; i++) {
            long outIndex = positionSamples + i;
            if (outIndex < 0 || outIndex >= length) {
                destination[offset + i] = 0f;
                continue;
            }
            double t = outIndex * step;
            long kFirst = (long) Math.ceil(t - halfWidth);
            long kLast = (long) Math.floor(t + halfWidth);
            double sum = 0;
            for (long k = kFirst; k <= kLast; k++) {
                double u = Math.abs(t - k) * tableScale;
                int idx = (int) u;
                if (idx >= KERNEL.length - 1) {
                    continue;
                }
                double frac = u - idx;
                double h = KERNEL[idx] + (KERNEL[idx + 1] - KERNEL[idx]) * frac;
                sum += h * in[(int) (k - inStart)];
            }
            destination[offset + i] = (float) (sum * scale);
        }
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
