package io.seamline.analysis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aligns variants of real espeak-ng speech (speech-8k.wav, made by make-fixtures.sh) whose true offset,
 * drift and content are known by construction.
 */
class AlignerTest {

    private static final int RATE = 8000;
    private static final int SHIFT = 12345;
    private static float[] speech;

    @BeforeAll
    static void readFixture() throws IOException {
        CorrelationFixtureReader.Pcm pcm = CorrelationFixtureReader.read("speech-8k.wav");
        assertEquals(RATE, pcm.sampleRateHz());
        speech = pcm.samples();
        assertEquals(36 * RATE, speech.length);
    }

    @Test
    void findsOffsetOfSourceThatStartedLater() {
        float[] later = Arrays.copyOfRange(speech, SHIFT, speech.length);

        AlignmentResult result = new Aligner().align(speech, later, RATE, 3 * RATE);

        assertEquals(SHIFT, result.offsetSamples(), 1);
        assertEquals(SHIFT * 1000.0 / RATE, result.offsetMs(), 1000.0 / RATE);
        assertEquals(AlignmentMethod.GCC_PHAT, result.method());
        assertEquals(RATE, result.sampleRateHz());
        assertTrue(result.confidence() > 0.8, "confidence " + result.confidence());
        assertEquals(0, result.driftPpm(), 5);
        assertEquals(result.windowsTried(), result.windowsUsed());
    }

    @Test
    void findsNegativeOffsetOfCopyThatStartedEarlier() {
        float[] delayed = new float[speech.length + SHIFT];
        System.arraycopy(speech, 0, delayed, SHIFT, speech.length);

        AlignmentResult result = new Aligner().align(speech, delayed, RATE, 3 * RATE);

        assertEquals(-SHIFT, result.offsetSamples(), 1);
        assertTrue(result.confidence() > 0.8, "confidence " + result.confidence());
        assertEquals(speech.length / 2.0 - SHIFT, result.toReferenceSamples(speech.length / 2.0), 1.5);
    }

    @Test
    void findsOffsetWithNoiseAddedAndLevelChanged() {
        float[] later = Arrays.copyOfRange(speech, SHIFT, speech.length);
        Random random = new Random(42);
        double speechRms = Aligner.rms(speech);
        for (int i = 0; i < later.length; i++) {
            // Half the level, white noise 20 dB below the speech: a second recorder on the same line.
            later[i] = (float) (0.5 * later[i] + 0.1 * speechRms * random.nextGaussian());
        }

        AlignmentResult result = new Aligner().align(speech, later, RATE, 3 * RATE);

        assertEquals(SHIFT, result.offsetSamples(), 1);
        assertTrue(result.confidence() > 0.6, "confidence " + result.confidence());
    }

    @Test
    void measuresDriftOfCopyWithFastClock() {
        // other[n] = speech[n * 1.0001]: 100 ppm fewer samples per second of speech.
        float[] drifted = CorrelationInput.resample(speech, RATE * 1.0001, RATE);

        AlignmentResult result = new Aligner().align(speech, drifted, RATE, 3 * RATE);

        assertEquals(100, result.driftPpm(), 10);
        assertEquals(0, result.refinedOffsetSamples(), 1);
        // 30 s into the drifted copy the reference is 24 samples further on.
        assertEquals(240_024, result.toReferenceSamples(240_000), 1.5);
        assertTrue(result.confidence() > 0.5, "confidence " + result.confidence());
    }

    @Test
    void reportsLowConfidenceForUnrelatedSpeech() throws IOException {
        float[] unrelated = CorrelationFixtureReader.read("unrelated-8k.wav").samples();

        AlignmentResult result = new Aligner().align(speech, unrelated, RATE, 3 * RATE);

        assertTrue(result.confidence() < 0.2, "confidence " + result.confidence());
        assertEquals(AlignmentMethod.METADATA_ONLY, result.method());
        assertEquals(0, result.offsetSamples());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("no window correlated")), result.warnings().toString());
    }

    @Test
    void reportsLowConfidenceForNoise() {
        Random random = new Random(7);
        float[] noise = new float[speech.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.05 * random.nextGaussian());
        }

        AlignmentResult result = new Aligner().align(speech, noise, RATE, 3 * RATE);

        assertTrue(result.confidence() < 0.2, "confidence " + result.confidence());
    }

    @Test
    void alignsSixteenKilohertzExcerptResampledBySox() throws IOException {
        CorrelationFixtureReader.Pcm excerpt = CorrelationFixtureReader.read("speech-16k-from-10s.wav");
        assertEquals(16000, excerpt.sampleRateHz());

        AlignmentResult result = new Aligner().align(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(excerpt.samples(), 16000), 0, 15 * RATE);

        assertEquals(10 * RATE, result.offsetSamples(), 1);
        assertEquals(AlignmentMethod.GCC_PHAT_RESAMPLED, result.method());
        assertTrue(result.confidence() > 0.8, "confidence " + result.confidence());
    }

    @Test
    void alignsGsmCodedExcerpt() throws IOException {
        // GSM 06.10 changes the waveform (8.5 dB SNR against the original) but not the timing.
        float[] gsm = CorrelationFixtureReader.read("speech-gsm-from-12s.wav").samples();

        AlignmentResult result = new Aligner().align(speech, gsm, RATE, 15 * RATE);

        assertEquals(12 * RATE, result.offsetSamples(), 1);
        assertTrue(result.confidence() > 0.8, "confidence " + result.confidence());
    }

    @Test
    void alignsEightKilohertzSourceOnSixteenKilohertzReference() throws IOException {
        CorrelationFixtureReader.Pcm excerpt = CorrelationFixtureReader.read("speech-16k-from-10s.wav");

        AlignmentResult result = new Aligner().align(CorrelationInput.ofFloats(excerpt.samples(), 16000),
                CorrelationInput.ofFloats(speech, RATE), 0, 15 * 16000);

        // The 8 kHz source began 10 s before the excerpt: -160000 samples at 16 kHz, ±1 sample at 8 kHz.
        assertEquals(-160_000, result.offsetSamples(), 2);
        assertEquals(16000, result.sampleRateHz());
        assertEquals(-10_000, result.offsetMs(), 0.125);
    }

    @Test
    void alignsToTheSampleOnFortyEightKilohertzReference() {
        // A wideband recorder at 48 kHz as the reference; the 8 kHz source started 12345 samples (at 8 kHz) later.
        float[] wideband = CorrelationInput.resample(speech, RATE, 48_000);
        float[] later = Arrays.copyOfRange(speech, SHIFT, speech.length);

        AlignmentResult result = new Aligner().align(CorrelationInput.ofFloats(wideband, 48_000),
                CorrelationInput.ofFloats(later, RATE), 0, 3 * 48_000);

        assertEquals(6 * SHIFT, result.refinedOffsetSamples(), 1);
        assertEquals(48_000, result.sampleRateHz());
        assertEquals(AlignmentMethod.GCC_PHAT_RESAMPLED, result.method());
        assertEquals(0, result.driftPpm(), 5);
    }

    @Test
    void searchesOnlyAroundTheCoarseOffset() {
        float[] later = Arrays.copyOfRange(speech, SHIFT, speech.length);
        Aligner aligner = new Aligner();

        AlignmentResult near = aligner.align(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(later, RATE), 12_000, 500);
        AlignmentResult away = aligner.align(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(later, RATE), 40_000, 500);

        assertEquals(SHIFT, near.offsetSamples(), 1);
        assertTrue(Math.abs(away.offsetSamples() - SHIFT) > 20_000, "search must stay within 40000 ± 500");
        assertTrue(away.confidence() < 0.2, "confidence " + away.confidence());
    }

    @Test
    void followsTheMajorityAndWarnsWhenWindowsDisagreeAcrossASplice() {
        float[] spliced = SpliceDetectorTest.cut(speech, 49_600, 136_000);

        AlignmentResult result = new Aligner().align(speech, spliced, RATE, 20 * RATE);

        assertEquals(136_000, result.offsetSamples(), 1);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("splice")), result.warnings().toString());
    }

    @Test
    void leavesCoarseOffsetWhenOtherSourceIsSilent() {
        AlignmentResult result = new Aligner().align(speech, new float[speech.length], RATE, RATE);

        assertEquals(AlignmentMethod.METADATA_ONLY, result.method());
        assertEquals(0, result.confidence());
        assertEquals(0, result.windowsTried());
        assertTrue(result.windows().stream().allMatch(w -> w.status() == AlignmentResult.WindowStatus.SILENT));
    }

    @Test
    void leavesCoarseOffsetWhenSourcesCannotOverlap() {
        AlignmentResult result = new Aligner().align(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(speech, RATE), speech.length + 1000L, RATE);

        assertEquals(AlignmentMethod.METADATA_ONLY, result.method());
        assertEquals(speech.length + 1000L, result.offsetSamples());
        assertTrue(result.warnings().get(0).contains("overlap"), result.warnings().toString());
    }

    @Test
    void boundsAnUnlimitedSearchByTheSignalLengths() {
        float[] later = Arrays.copyOfRange(speech, SHIFT, speech.length);

        AlignmentResult result = new Aligner().align(speech, later, RATE, Long.MAX_VALUE);

        assertEquals(SHIFT, result.offsetSamples(), 1);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("envelopes")), result.warnings().toString());
    }

    @Test
    void findsExcerptAtOtherRateWithoutAnyStartTime() throws IOException {
        // No metadata at all: search the whole length, which goes through the energy envelopes first.
        // The reference recorder ran on for 30 s of line noise after the talk, so the search exceeds a minute.
        float[] excerpt = CorrelationFixtureReader.read("speech-16k-from-10s.wav").samples();
        float[] reference = Arrays.copyOf(speech, speech.length + 30 * RATE);
        Random random = new Random(12);
        for (int i = speech.length; i < reference.length; i++) {
            reference[i] = (float) (0.001 * random.nextGaussian());
        }

        AlignmentResult result = new Aligner().align(CorrelationInput.ofFloats(reference, RATE),
                CorrelationInput.ofFloats(excerpt, 16000), 0, Long.MAX_VALUE);

        assertEquals(10 * RATE, result.offsetSamples(), 1);
        assertTrue(result.confidence() > 0.8, "confidence " + result.confidence());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("envelopes")), result.warnings().toString());
    }

    @Test
    void survivesDegenerateSignals() {
        Random random = new Random(9);
        float[] noise = new float[400];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        float[] poisoned = noise.clone();
        poisoned[17] = Float.NaN;
        poisoned[18] = Float.POSITIVE_INFINITY;
        Aligner aligner = new Aligner();

        assertEquals(AlignmentMethod.METADATA_ONLY, aligner.align(new float[0], noise, RATE, 100).method());
        assertEquals(AlignmentMethod.METADATA_ONLY, aligner.align(noise, new float[0], RATE, 100).method());
        // A flat envelope gives no candidates: the unlimited search ends at the coarse offset.
        assertEquals(AlignmentMethod.METADATA_ONLY,
                aligner.align(speech, new float[speech.length * 2], RATE, Long.MAX_VALUE).method());
        // 1 Hz and 3 Hz "sample rates": windows shrink to a couple of samples but nothing breaks.
        aligner.align(noise, noise, 1, 50);
        aligner.align(CorrelationInput.ofFloats(noise, 3), CorrelationInput.ofFloats(noise, 1), 0, 10);
        AlignmentResult result = aligner.align(noise, poisoned, RATE, 100);
        assertTrue(result.confidence() >= 0 && result.confidence() <= 1, "confidence " + result.confidence());
        new SpliceDetector().detect(CorrelationInput.ofFloats(noise, 1), CorrelationInput.ofFloats(poisoned, 1), 0, 10);
        new SpliceDetector().detect(CorrelationInput.ofFloats(speech, RATE), CorrelationInput.ofFloats(poisoned, RATE), 0, 10);
    }

    @Test
    void rejectsNegativeSearchHugeOffsetAndInvalidOptions() {
        assertThrows(IllegalArgumentException.class, () -> new Aligner().align(speech, speech, RATE, -1));
        assertThrows(IllegalArgumentException.class, () -> new Aligner().align(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(speech, RATE), Long.MIN_VALUE, 10));
        assertThrows(IllegalArgumentException.class, () -> new Aligner.Options(0, 8, 300, 0.3, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new Aligner.Options(8, 0, 300, 0.3, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new Aligner.Options(8, 8, -1, 0.3, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new Aligner.Options(8, 8, 300, 1.5, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new Aligner.Options(8, 8, 300, 0.3, Double.NaN));
    }
}
