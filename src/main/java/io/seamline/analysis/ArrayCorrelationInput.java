package io.seamline.analysis;

import java.util.Objects;

/** A {@link CorrelationInput} over a float or 16-bit PCM array held in memory. */
final class ArrayCorrelationInput implements CorrelationInput {

    private final float[] floats;
    private final short[] shorts;
    private final int sampleRateHz;

    private ArrayCorrelationInput(float[] floats, short[] shorts, int sampleRateHz) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz + " Hz");
        }
        this.floats = floats;
        this.shorts = shorts;
        this.sampleRateHz = sampleRateHz;
    }

    static ArrayCorrelationInput ofFloats(float[] samples, int sampleRateHz) {
        return new ArrayCorrelationInput(Objects.requireNonNull(samples, "samples"), null, sampleRateHz);
    }

    static ArrayCorrelationInput ofPcm16(short[] samples, int sampleRateHz) {
        return new ArrayCorrelationInput(null, Objects.requireNonNull(samples, "samples"), sampleRateHz);
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public long lengthSamples() {
        return floats != null ? floats.length : shorts.length;
    }

    @Override
    public void read(long positionSamples, float[] destination, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, destination.length);
        long length = lengthSamples();
        for (int i = 0; i < count; i++) {
            long p = positionSamples + i;
            if (p < 0 || p >= length) {
                destination[offset + i] = 0f;
            } else if (floats != null) {
                destination[offset + i] = floats[(int) p];
            } else {
                destination[offset + i] = shorts[(int) p] / 32768f;
            }
        }
    }
}
