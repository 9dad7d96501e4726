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

    /**
     * Spectra kept by the sources (computed ahead on a spare thread, or on demand when nobody ran them) give the
     * same candidates as computing them in place: the committed speech against a 10 s late 16 kHz copy of it.
     */
    @Test
    void keptEnvelopeSpectraGiveTheSameCandidates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        short[] speech = TestWav.read(Lanes.path("align/speech-8k.wav"));
        short[] late = TestWav.read(Lanes.path("align/speech-16k-from-10s.wav"));
        float[] ref = EnvelopeCorrelation.envelope(CorrelationInput.ofPcm16(speech, 8000));
        float[] oth = EnvelopeCorrelation.envelope(CorrelationInput.ofPcm16(late, 16000));
        int size = EnvelopeCorrelation.fftSize(ref.length, oth.length);
        long[] expected = EnvelopeCorrelation.candidates(ref, 8000, oth, -400_000, 400_000, 3);
        assertEquals(3, expected.length);
        assertArrayEquals(expected, EnvelopeCorrelation.candidates(ref, n -> EnvelopeCorrelation.spectrum(ref, n),
                8000, oth, n -> EnvelopeCorrelation.spectrum(oth, n), -400_000, 400_000, 3));

        int keptSize = EnvelopeCorrelation.fftSize(ref.length, ref.length);
        assertEquals(size, keptSize, "the fixtures are about as long as each other");
        PcmScratchFile kept = new PcmScratchFile(dir.resolve("kept.pcm"), 8000);
        kept.finishWriting().withEnvelope(ref);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        kept.prepareEnvelopeSpectrum(pool);
        pool.shutdown();
        assertArrayEquals(EnvelopeCorrelation.spectrum(ref, keptSize), kept.envelopeSpectrum(keptSize));
        assertNull(kept.envelopeSpectrum(keptSize * 2), "no spectrum of another size");
        assertArrayEquals(expected, EnvelopeCorrelation.candidates(ref, kept::envelopeSpectrum, 8000, oth, null,
                -400_000, 400_000, 3));

        PcmScratchFile unrun = new PcmScratchFile(dir.resolve("unrun.pcm"), 8000);
        unrun.finishWriting().withEnvelope(ref);
        unrun.prepareEnvelopeSpectrum(task -> {
            throw new java.util.concurrent.RejectedExecutionException("closed");
        });
        assertArrayEquals(EnvelopeCorrelation.spectrum(ref, keptSize), unrun.envelopeSpectrum(keptSize));
    }
}
