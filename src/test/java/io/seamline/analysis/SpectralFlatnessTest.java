package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectralFlatnessTest {
    private static final List<String> FIXTURES = List.of("speech-a.wav", "speech-a-line.wav", "white-noise-2s.wav",
            "loud-line-2s.wav", "comfort-noise-2s.wav", "quiet-noise-2s.wav", "clipped-speech.wav");

    private static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    /** Flatness over bins 1 to n/2 - 1 by the definition: a direct DFT and one logarithm per bin. */
    private static double direct(float[] x, int from, float[] w) {
        int n = w.length;
        double logSum = 0;
        double sum = 0;
        int bins = n / 2 - 1;
        for (int k = 1; k <= bins; k++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double y = x[from + t] * w[t];
                re += y * Math.cos(2 * Math.PI * k * t / n);
                im -= y * Math.sin(2 * Math.PI * k * t / n);
            }
            double p = re * re + im * im + 1e-20;
            logSum += Math.log(p);
            sum += p;
        }
        return Math.exp(logSum / bins) / (sum / bins);
    }

    @Test
    void flatnessEqualsTheDefinitionOnRealAudio() throws IOException {
        for (String fixture : FIXTURES) {
            float[] x = Lanes.read(fixture);
            for (int n : new int[] {16, 64, 256, 512}) {
                SpectralFlatness spectrum = new SpectralFlatness(n);
                float[] w = hann(n);
                for (int from = 0; from + n <= x.length; from += x.length / 7) {
                    spectrum.load(x, from, w);
                    double expected = direct(x, from, w);
                    assertEquals(expected, spectrum.flatness(), Math.max(1e-6 * expected, 1e-9),
                            fixture + " at " + from + ", n " + n);
                }
            }
        }
    }

    @Test
    void boundIsNeverUnderTheFlatnessAndIsLowForSpeech() throws IOException {
        int speechWindows = 0;
        int speechUnder = 0;
        for (String fixture : FIXTURES) {
            float[] x = Lanes.read(fixture);
            for (int n : new int[] {16, 256, 512}) {
                SpectralFlatness spectrum = new SpectralFlatness(n);
                float[] w = hann(n);
                for (int from = 0; from + n <= x.length; from += n / 4) {
                    spectrum.load(x, from, w);
                    double flatness = spectrum.flatness();
                    double secondOrder = spectrum.upperBound(x, from, w, 2);
                    double higherOrder = spectrum.upperBound(x, from, w, 0);
                    // Rounding only: nearly tonal windows (flatness near 1e-6) have bins near the 1e-20 floor.
                    double slack = 1e-9;
                    assertTrue(flatness <= secondOrder + slack && flatness <= higherOrder + slack,
                            fixture + " at " + from + ", n " + n + ": flatness " + flatness + " over its bounds "
                                    + secondOrder + ", " + higherOrder);
                    double energy = 0;
                    for (int i = from; i < from + n; i++) {
                        energy += x[i] * (double) x[i];
                    }
                    // Speech the detector measures (dithered pauses under -50 dBFS are white and skipped before).
                    if (fixture.equals("speech-a.wav") && n == 256 && 10 * Math.log10(energy / n) >= -50) {
                        speechWindows++;
                        speechUnder += higherOrder < 0.3 ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(speechUnder > speechWindows / 2,
                speechUnder + " of " + speechWindows + " loud speech windows bounded under 0.3");
    }
}
