package io.seamline.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-unit sums of squares, minima and maxima of 16-bit samples. */
class SampleUnitsTest {

    /** Every 16-bit value, full scale at both ends included, in a shuffled order and an odd-sized block. */
    @Test
    void unitsGiveTheSampleBySampleSumsMinimaAndMaxima() {
        float[] samples = new float[65_536 + 13];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i < 65_536 ? i - 32_768 : random.nextInt(65_536) - 32_768) / 32768f;
        }
        for (int i = samples.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = samples[i];
            samples[i] = samples[j];
            samples[j] = t;
        }
        SampleUnits units = new SampleUnits();
        units.measure(samples, samples.length);
        assertEquals(samples.length / 16, units.units());
        for (int u = 0; u < units.units(); u++) {
            double sum = 0;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 16 * u; i < 16 * u + 16; i++) {
                sum += (double) samples[i] * samples[i];
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            assertEquals(sum, units.sumSquares(u), 0.0, "unit " + u);
            assertEquals(lo, units.min(u), 0.0f, "unit " + u);
            assertEquals(hi, units.max(u), 0.0f, "unit " + u);
        }
    }
}
