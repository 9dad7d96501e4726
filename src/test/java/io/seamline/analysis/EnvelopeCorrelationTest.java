package io.seamline.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 10 ms energy envelopes and the candidate offsets drawn from them. */
class EnvelopeCorrelationTest {

    /** Frames alternate 0.5 and 0.1 in amplitude; each frame holds {@code rate / 100} samples (rounded per frame). */
    private static float[] alternating(int rateHz, int frames) {
        double perFrame = rateHz / 100.0;
        float[] out = new float[(int) Math.round(frames * perFrame)];
        for (int k = 0; k < frames; k++) {
            for (long p = Math.round(k * perFrame); p < Math.round((k + 1) * perFrame); p++) {
                out[(int) p] = (k % 2 == 0 ? 0.5f : 0.1f) * (p % 2 == 0 ? 1 : -1);
            }
        }
        return out;
    }

    @Test
    void envelopeFollowsTenMillisecondFramesAtAnyRate() {
        for (int rate : new int[] {8000, 22050, 44100}) {
            float[] env = EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(alternating(rate, 300), rate));
            assertEquals(300, env.length, "frames at " + rate + " Hz");
            for (int k = 0; k < env.length; k++) {
                // Mean of 0.5 and 0.1 is 0.3, removed.
                assertEquals(k % 2 == 0 ? 0.2 : -0.2, env[k], 1e-5, "frame " + k + " at " + rate + " Hz");
            }
        }
    }

    @Test
    void flatOrTooSlowSourcesGiveNoEnvelope() {
        assertNull(EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(new float[8000], 8000)));
        assertNull(EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(new float[100], 50)));
        assertArrayEquals(new long[0], EnvelopeCorrelation.candidates(null, 8000, new float[10], -10, 10, 3));
    }

    @Test
    void bestCandidateIsTheTrueOffset() {
        Random random = new Random(4);
        float[] reference = new float[8000 * 120];
        double level = 0;
        for (int i = 0; i < reference.length; i++) {
            if (i % 800 == 0) {
                // A new random level every 100 ms, like syllables and pauses.
                level = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
            }
            reference[i] = (float) (random.nextGaussian() * level);
        }
        int start = 8000 * 47 + 320;
        float[] other = java.util.Arrays.copyOfRange(reference, start, start + 8000 * 30);

        long[] candidates = EnvelopeCorrelation.candidates(
                EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(reference, 8000)), 8000,
                EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(other, 8000)), -reference.length,
                reference.length, 3);

        assertEquals(3, candidates.length);
        assertEquals(start, candidates[0], 80, "within one 10 ms frame");
        assertTrue(Math.abs(candidates[1] - candidates[0]) >= 4000, "candidates are separate peaks");
    }

    /** The envelope measured while a lane streams past in odd blocks is the one read back from it afterwards. */
    @Test
    void streamedEnvelopeEqualsTheEnvelopeReadBack() throws java.io.IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        for (int rate : new int[] {8000, 16_000, 11_025, 44_100}) {
            float[] expected = EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(speech, rate));
            for (boolean sixteenBit : new boolean[] {false, true}) {
                EnvelopeCorrelation.Streamed streamed = new EnvelopeCorrelation.Streamed(rate, sixteenBit);
                float[] block = new float[1021];
                for (int at = 0; at < speech.length; at += block.length) {
                    int n = Math.min(block.length, speech.length - at);
                    System.arraycopy(speech, at, block, 0, n);
                    streamed.accept(block, n);
                }
                assertArrayEquals(expected, streamed.finish(), "rate " + rate + ", 16-bit " + sixteenBit);
            }
        }
    }
}
