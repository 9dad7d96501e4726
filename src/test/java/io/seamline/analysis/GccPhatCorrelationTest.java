package io.seamline.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GCC-PHAT peak search, including searches longer than one FFT chunk. */
class GccPhatCorrelationTest {

    /** Deterministic white noise of any length, generated on demand so no big array is held. */
    private static final class HashedNoise implements CorrelationInput {
        private final long length;

        HashedNoise(long length) {
            this.length = length;
        }

        static float at(long position) {
            long z = position * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (z >>> 40) / (float) (1L << 24) - 0.5f;
        }

        @Override
        public int sampleRateHz() {
            return 8000;
        }

        @Override
        public long lengthSamples() {
            return length;
        }

        @Override
        public void read(long positionSamples, float[] destination, int offset, int count) {
            for (int i = 0; i < count; i++) {
                long p = positionSamples + i;
                destination[offset + i] = p < 0 || p >= length ? 0 : at(p);
            }
        }
    }

    @Test
    void findsWindowAcrossManyChunks() {
        long length = 3_500_000;
        long truePosition = 2_345_678;
        float[] window = new float[4000];
        for (int i = 0; i < window.length; i++) {
            window[i] = HashedNoise.at(truePosition + i);
        }

        GccPhatCorrelation.Peak peak = new GccPhatCorrelation(16).search(new HashedNoise(length), 0, length, window);

        assertTrue(length > GccPhatCorrelation.MAX_FFT_SIZE, "search must span several chunks");
        assertEquals(truePosition, peak.lag());
        assertEquals(truePosition, peak.refinedLag(), 0.5);
        assertEquals(1.0, peak.confidence());
    }

    @Test
    void givesZeroConfidenceForSilentWindow() {
        GccPhatCorrelation.Peak peak = new GccPhatCorrelation(16).search(new HashedNoise(10_000), 0, 1000, new float[500]);
        assertEquals(0, peak.confidence());
    }

    @Test
    void rejectsEmptySearch() {
        assertThrows(IllegalArgumentException.class,
                () -> new GccPhatCorrelation(16).search(new HashedNoise(10), 0, 0, new float[100]));
        assertThrows(IllegalArgumentException.class,
                () -> new GccPhatCorrelation(16).search(new HashedNoise(10), 0, 10, new float[1]));
    }
}
