package io.seamline.analysis;

/**
 * One mono PCM signal as the alignment code reads it: float samples in [-1, 1) at a known rate, read in
 * blocks so that a two-hour source never has to be held as one array.
 *
 * <p>Positions are sample indices at {@link #sampleRateHz()}; sample 0 is the first sample of the source.
 * Reading outside {@code [0, lengthSamples())} yields zeros, which is what cross-correlation wants at the
 * edges of a recording.
 */
public interface CorrelationInput {

    /** Sample rate in Hz (samples per second), always positive. */
    int sampleRateHz();

    /** Number of samples in the source at {@link #sampleRateHz()}. */
    long lengthSamples();

    /**
     * Copies samples {@code [positionSamples, positionSamples + count)} into {@code destination[offset..]};
     * positions before 0 or at or after {@link #lengthSamples()} are written as 0.
     *
     * @param positionSamples first sample to read, may be negative
     * @param destination     receives the samples as floats in [-1, 1)
     * @param offset          index in {@code destination} of the first sample written
     * @param count           number of samples to write
     */
    void read(long positionSamples, float[] destination, int offset, int count);

    /**
     * The 10 ms energy envelope of this signal as {@link EnvelopeCorrelation#envelope(CorrelationInput)} computes
     * it (null when that gives none); an input that measured it while it was written returns that instead of
     * reading itself again.
     */
    default float[] energyEnvelope() {
        return EnvelopeCorrelation.envelope(this);
    }

    /**
     * The spectrum of {@link #energyEnvelope()} zero-padded to {@code fftSize} ({@link EnvelopeCorrelation#spectrum})
     * when this input keeps one of that size, else null (the caller computes it). Callers must not change it.
     */
    default float[] envelopeSpectrum(int fftSize) {
        return null;
    }

    /**
     * This signal as seen at another sample rate: itself when the rate already matches, otherwise a
     * view that converts each block on demand with the windowed-sinc interpolator described in
     * {@link #resample(float[], double, double)}.
     *
     * @param targetRateHz the rate, in Hz, of the returned view
     */
    default CorrelationInput atRate(int targetRateHz) {
        if (targetRateHz <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, got " + targetRateHz + " Hz");
        }
        if (targetRateHz == sampleRateHz()) {
            return this;
        }
        return new ResampledCorrelationInput(this, sampleRateHz(), targetRateHz, targetRateHz);
    }

    /**
     * Wraps float samples (nominally in [-1, 1)) without copying.
     *
     * @param samples      mono samples; the array must not be modified while the input is in use
     * @param sampleRateHz their sample rate in Hz
     */
    static CorrelationInput ofFloats(float[] samples, int sampleRateHz) {
        return ArrayCorrelationInput.ofFloats(samples, sampleRateHz);
    }

    /**
     * Wraps signed 16-bit PCM samples without copying; each is read as {@code value / 32768f}. Byte order
     * does not arise: the caller has already decoded the samples (little-endian in WAV) into shorts.
     *
     * @param samples      mono signed 16-bit samples
     * @param sampleRateHz their sample rate in Hz
     */
    static CorrelationInput ofPcm16(short[] samples, int sampleRateHz) {
        return ArrayCorrelationInput.ofPcm16(samples, sampleRateHz);
    }

    /**
     * Resamples a whole array from {@code inRateHz} to {@code outRateHz} with the project's own
     * windowed-sinc interpolator (Kaiser window, beta 8.6, 16 zero crossings each side, cut-off at 0.95
     * of the lower Nyquist frequency, table-driven with linear interpolation between 512 points per zero
     * crossing; for integer rates whose ratio reduces to p/q with q up to 1024 the kernel is precomputed
     * for each of the q fractional positions, so each output sample is one dot product). It is linear-phase and adds no delay: output sample {@code n} is the input evaluated at
     * time {@code n / outRateHz} seconds. Rates may be fractional, which is how a clock drift of a few ppm
     * is modelled. We wrote it instead of using TarsosDSP's {@code Resampler} because that port of
     * libresample keeps state across calls and its output latency is not documented, whereas alignment
     * to the sample needs a converter whose delay is exactly zero and which can start at any position.
     *
     * @param samples   input samples
     * @param inRateHz  rate of {@code samples}, in Hz
     * @param outRateHz rate of the result, in Hz
     * @return {@code floor(samples.length * outRateHz / inRateHz)} samples
     */
    static float[] resample(float[] samples, double inRateHz, double outRateHz) {
        if (!(inRateHz > 0) || !(outRateHz > 0)) {
            throw new IllegalArgumentException("sample rates must be positive, got " + inRateHz + " Hz and " + outRateHz + " Hz");
        }
        long outLength = (long) Math.floor(samples.length * (outRateHz / inRateHz));
        if (outLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled length " + outLength + " samples does not fit in one array");
        }
        ResampledCorrelationInput view = new ResampledCorrelationInput(
                ArrayCorrelationInput.ofFloats(samples, 1), inRateHz, outRateHz, 1);
        float[] out = new float[(int) outLength];
        view.read(0, out, 0, out.length);
        return out;
    }
}
