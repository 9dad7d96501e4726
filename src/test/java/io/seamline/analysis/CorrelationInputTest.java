package io.seamline.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Block reads, PCM scaling and the zero-delay windowed-sinc resampler. */
class CorrelationInputTest {

    private static float[] sine(double frequencyHz, double rateHz, int length, double phaseSeconds) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (float) (0.5 * Math.sin(2 * Math.PI * frequencyHz * (i / rateHz + phaseSeconds)));
        }
        return out;
    }

    @Test
    void readsZerosOutsideTheSignal() {
        CorrelationInput input = CorrelationInput.ofFloats(new float[] {0.1f, 0.2f, 0.3f}, 8000);
        float[] out = new float[6];
        input.read(-2, out, 0, 6);
        assertArrayEquals(new float[] {0, 0, 0.1f, 0.2f, 0.3f, 0}, out);
        input.read(Long.MIN_VALUE / 2, out, 0, 6);
        assertArrayEquals(new float[6], out);
    }

    @Test
    void scalesSixteenBitSamplesToFullScaleOne() {
        CorrelationInput input = CorrelationInput.ofPcm16(new short[] {Short.MIN_VALUE, 0, 16384}, 16000);
        float[] out = new float[3];
        input.read(0, out, 0, 3);
        assertArrayEquals(new float[] {-1f, 0f, 0.5f}, out);
        assertEquals(16000, input.sampleRateHz());
        assertEquals(3, input.lengthSamples());
    }

    @Test
    void keepsItselfAtItsOwnRate() {
        CorrelationInput input = CorrelationInput.ofFloats(new float[10], 8000);
        assertSame(input, input.atRate(8000));
    }

    @Test
    void upsamplesSineWithoutDelay() {
        float[] in = sine(1000, 8000, 8000, 0);
        float[] out = CorrelationInput.resample(in, 8000, 48000);
        assertEquals(48000, out.length);
        float[] expected = sine(1000, 48000, 48000, 0);
        // Away from the edges, where the kernel runs off the signal.
        for (int i = 1000; i < 47000; i++) {
            assertEquals(expected[i], out[i], 2e-3, "sample " + i);
        }
    }

    @Test
    void downsamplesSineWithoutDelayAndRemovesContentAboveNyquist() {
        float[] low = sine(700, 16000, 16000, 0);
        float[] high = sine(6000, 16000, 16000, 0);
        float[] mixed = new float[low.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = low[i] + high[i];
        }
        CorrelationInput view = CorrelationInput.ofFloats(mixed, 16000).atRate(8000);
        assertEquals(8000, view.lengthSamples());
        float[] out = new float[8000];
        view.read(0, out, 0, out.length);
        float[] expected = sine(700, 8000, 8000, 0);
        for (int i = 200; i < 7800; i++) {
            assertEquals(expected[i], out[i], 2e-3, "sample " + i);
        }
    }

    @Test
    void fractionalRatioShiftsTimeBase() {
        // out[n] = in(n * 1.0001): a 100 ppm fast clock.
        float[] in = sine(300, 8000, 80000, 0);
        float[] out = CorrelationInput.resample(in, 8000 * 1.0001, 8000);
        assertEquals(79992, out.length);
        for (int n = 70000; n < 70100; n++) {
            double expected = 0.5 * Math.sin(2 * Math.PI * 300 * (n * 1.0001) / 8000);
            assertEquals(expected, out[n], 2e-3, "sample " + n);
        }
    }

    /**
     * A block read (four outputs summed side by side) gives the very floats of reading each sample alone, at 16 to
     * 8 kHz, 8 to 16 kHz and 44.1 to 8 kHz, for blocks that start before the signal and end after it.
     */
    @Test
    void blockReadsEqualSampleBySampleReads() throws java.io.IOException {
        short[] speech = TestWav.read(Lanes.path("align/speech-16k-from-10s.wav"));
        CorrelationInput source = CorrelationInput.ofPcm16(java.util.Arrays.copyOf(speech, 40_000), 16_000);
        int[][] rates = {{16_000, 8000}, {8000, 16_000}, {44_100, 8000}};
        for (int[] r : rates) {
            CorrelationInput view = new ResampledCorrelationInput(source, r[0], r[1], r[1]);
            long length = view.lengthSamples();
            for (long start : new long[] {-7, 0, 1001, length - 1203}) {
                float[] block = new float[1210];
                view.read(start, block, 0, block.length);
                float[] one = new float[1];
                for (int i = 0; i < block.length; i++) {
                    view.read(start + i, one, 0, 1);
                    assertEquals(Float.floatToRawIntBits(one[0]), Float.floatToRawIntBits(block[i]),
                            r[0] + " to " + r[1] + " Hz, sample " + (start + i));
                }
            }
        }
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> CorrelationInput.ofFloats(new float[1], 0));
        assertThrows(IllegalArgumentException.class, () -> CorrelationInput.ofFloats(new float[1], 8000).atRate(-1));
        assertThrows(IllegalArgumentException.class, () -> CorrelationInput.resample(new float[1], 8000, Double.NaN));
    }
}
