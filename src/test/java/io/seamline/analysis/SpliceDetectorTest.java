package io.seamline.analysis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cuts known spans out of real espeak-ng speech (speech-8k.wav) and checks they are found and measured. */
class SpliceDetectorTest {

    private static final int RATE = 8000;
    /** ±20 ms at 8 kHz. */
    private static final int POSITION_TOLERANCE = 160;
    private static float[] speech;

    @BeforeAll
    static void readFixture() throws IOException {
        speech = CorrelationFixtureReader.read("speech-8k.wav").samples();
    }

    /** {@code signal} with {@code [at, at + length)} removed and the ends joined. */
    static float[] cut(float[] signal, int at, int length) {
        float[] out = new float[signal.length - length];
        System.arraycopy(signal, 0, out, 0, at);
        System.arraycopy(signal, at + length, out, at, out.length - at);
        return out;
    }

    private static SpliceDetector.Detection detect(float[] lane, long searchSamples) {
        return new SpliceDetector().detect(CorrelationInput.ofFloats(speech, RATE), CorrelationInput.ofFloats(lane, RATE),
                0, searchSamples);
    }

    @Test
    void findsSeventeenSecondsCutOutOfSpeech() {
        // 6.2 s and 23.2 s both fall inside words (see the RMS profile in make-fixtures.sh's output).
        float[] lane = cut(speech, 49_600, 17 * RATE);

        SpliceDetector.Detection detection = detect(lane, 2 * RATE);

        assertEquals(1, detection.findings().size(), detection.findings().toString());
        SpliceFinding splice = detection.splices().get(0);
        assertEquals(SpliceFinding.Kind.SPLICE, splice.kind());
        assertEquals(49_600, splice.lanePositionSamples(), POSITION_TOLERANCE);
        assertEquals(6.2, splice.lanePositionSeconds(), 0.02);
        assertEquals(0, splice.offsetBeforeSamples(), 1);
        assertEquals(136_000, splice.offsetAfterSamples(), 1);
        assertEquals(136_000, splice.missingSamples(), 1);
        assertEquals(17.0, splice.missingSeconds(), 1.0 / RATE);
        assertTrue(splice.confidence() > 0.5, "confidence " + splice.confidence());
    }

    @Test
    void reportsLateStartSpliceAndEarlyEndTogether() {
        // The lane starts 12345 samples into the call, loses 17 s after 7.5 s and stops 1 s early.
        int start = 12_345;
        float[] fromStart = Arrays.copyOfRange(speech, start, speech.length - RATE);
        float[] lane = cut(fromStart, 60_000, 17 * RATE);
        Random random = new Random(3);
        for (int i = 0; i < lane.length; i++) {
            lane[i] += (float) (0.003 * random.nextGaussian());
        }

        SpliceDetector.Detection detection = detect(lane, 3 * RATE);

        List<SpliceFinding> findings = detection.findings();
        assertEquals(3, findings.size(), findings.toString());
        assertEquals(SpliceFinding.Kind.LATE_START, findings.get(0).kind());
        assertEquals(start, findings.get(0).missingSamples(), 1);
        assertEquals(SpliceFinding.Kind.SPLICE, findings.get(1).kind());
        assertEquals(60_000, findings.get(1).lanePositionSamples(), POSITION_TOLERANCE);
        assertEquals(17 * RATE, findings.get(1).missingSamples(), 1);
        assertEquals(start + 17 * RATE, findings.get(1).offsetAfterSamples(), 1);
        assertEquals(SpliceFinding.Kind.EARLY_END, findings.get(2).kind());
        assertEquals(RATE, findings.get(2).missingSamples(), 1);
        assertEquals(lane.length, findings.get(2).lanePositionSamples());
    }

    @Test
    void reportsRepeatedAudioAsNegativeMissingSpan() {
        // 0..10 s then 7..36 s: three seconds heard twice.
        float[] lane = new float[speech.length + 3 * RATE];
        System.arraycopy(speech, 0, lane, 0, 10 * RATE);
        System.arraycopy(speech, 7 * RATE, lane, 10 * RATE, speech.length - 7 * RATE);

        SpliceDetector.Detection detection = detect(lane, 2 * RATE);

        assertEquals(1, detection.splices().size(), detection.findings().toString());
        SpliceFinding splice = detection.splices().get(0);
        assertEquals(10 * RATE, splice.lanePositionSamples(), POSITION_TOLERANCE);
        assertEquals(-3 * RATE, splice.missingSamples(), 1);
    }

    @Test
    void findsSpliceInSixteenKilohertzLane() throws IOException {
        // The SoX-made excerpt starts at 10 s of the call; take 2 s out of it after its first 3 s.
        float[] excerpt = CorrelationFixtureReader.read("speech-16k-from-10s.wav").samples();
        float[] lane = cut(excerpt, 3 * 16000, 2 * 16000);

        SpliceDetector.Detection detection = new SpliceDetector().detect(CorrelationInput.ofFloats(speech, RATE),
                CorrelationInput.ofFloats(lane, 16000), 10 * RATE, 2 * RATE);

        assertEquals(1, detection.splices().size(), detection.findings().toString());
        SpliceFinding splice = detection.splices().get(0);
        assertEquals(3 * RATE, splice.lanePositionSamples(), POSITION_TOLERANCE);
        assertEquals(10 * RATE, splice.offsetBeforeSamples(), 1);
        assertEquals(2 * RATE, splice.missingSamples(), 1);
        assertEquals(RATE, detection.sampleRateHz());
    }

    @Test
    void findsNoSpliceInDriftingCopy() {
        float[] drifted = CorrelationInput.resample(speech, RATE * 1.0001, RATE);

        SpliceDetector.Detection detection = detect(drifted, 2 * RATE);

        assertEquals(List.of(), detection.findings());
        assertTrue(detection.windows().stream().allMatch(w -> w.status() == AlignmentResult.WindowStatus.USED));
    }

    @Test
    void measuresMissingSpanOnTheReferenceClockWhenTheLaneDrifts() {
        // 100 ppm fast clock, then 136000 lane samples cut: 136000 * 1.0001 = 136013.6 reference samples.
        float[] drifted = CorrelationInput.resample(speech, RATE * 1.0001, RATE);
        float[] lane = cut(drifted, 49_600, 17 * RATE);

        SpliceDetector.Detection detection = detect(lane, 2 * RATE);

        assertEquals(1, detection.findings().size(), detection.findings().toString());
        SpliceFinding splice = detection.splices().get(0);
        assertEquals(49_600, splice.lanePositionSamples(), POSITION_TOLERANCE);
        assertEquals(136_013.6, splice.missingSamples(), 1);
        assertEquals(49_600 * 1e-4, splice.offsetBeforeSamples(), 1.5);
    }

    @Test
    void findsNothingInUnrelatedLaneAndSaysSo() throws IOException {
        float[] unrelated = CorrelationFixtureReader.read("unrelated-8k.wav").samples();

        SpliceDetector.Detection detection = detect(unrelated, 5 * RATE);

        assertEquals(List.of(), detection.findings());
        assertTrue(detection.warnings().stream().anyMatch(w -> w.contains("no window")), detection.warnings().toString());
    }

    @Test
    void skipsSilenceInsideTheLane() {
        float[] lane = speech.clone();
        Arrays.fill(lane, 12 * RATE, 20 * RATE, 0f);

        SpliceDetector.Detection detection = detect(lane, 2 * RATE);

        assertEquals(List.of(), detection.findings());
        assertTrue(detection.windows().stream().anyMatch(w -> w.status() == AlignmentResult.WindowStatus.SILENT));
    }

    @Test
    void rejectsInvalidOptions() {
        assertThrows(IllegalArgumentException.class, () -> new SpliceDetector.Options(3, 4, 0.25, 30, 1800, 32, 0.3, 300, 1e-4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SpliceDetector.Options(3, 1.5, -1, 30, 1800, 32, 0.3, 300, 1e-4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SpliceDetector.Options(3, 1.5, 0.25, 30, Double.POSITIVE_INFINITY, 32, 0.3, 300, 1e-4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SpliceDetector().detect(
                CorrelationInput.ofFloats(speech, RATE), CorrelationInput.ofFloats(speech, RATE), 0, -5));
    }
}
