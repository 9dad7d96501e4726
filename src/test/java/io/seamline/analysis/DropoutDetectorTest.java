package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropoutDetectorTest {
    private static final GapThresholds T = GapThresholds.defaults();

    @Test
    void findsSeventeenSecondsOfZerosSplicedIntoSpeech() throws IOException {
        float[] lane = Lanes.splice(Lanes.read("speech-a.wav"), Lanes.SPLICE_AT, new float[Lanes.GAP]);
        List<GapFinding> found = Lanes.run(new DropoutDetector(Lanes.RATE, 0, T), lane);
        assertEquals(1, found.size(), found.toString());
        GapFinding f = found.get(0);
        assertEquals(GapKind.DROPOUT, f.kind());
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
        assertEquals(1.0, f.confidence());
        assertEquals(T, f.thresholds());
    }

    @Test
    void findsZerosInsertedBySoxPadEndToEnd() throws IOException {
        List<GapFinding> found = Lanes.detectAll("dropout-500ms.wav");
        assertEquals(1, found.size(), found.toString());
        GapFinding f = found.get(0);
        assertEquals(GapKind.DROPOUT, f.kind());
        assertEquals(12_000, f.startSample(), Lanes.TOLERANCE);
        assertEquals(16_000, f.endSample(), Lanes.TOLERANCE);
    }

    @Test
    void findsStuckConstantValue() throws IOException {
        float[] stuck = new float[Lanes.RATE / 4];
        java.util.Arrays.fill(stuck, 0.25f);
        float[] lane = Lanes.splice(Lanes.read("speech-a.wav"), Lanes.SPLICE_AT, stuck);
        List<GapFinding> found = Lanes.run(new DropoutDetector(Lanes.RATE, 0, T), lane);
        assertEquals(1, found.size(), found.toString());
        assertEquals(Lanes.SPLICE_AT, found.get(0).startSample(), Lanes.TOLERANCE);
        assertTrue(found.get(0).evidence().contains("constant"), found.get(0).evidence());
    }

    @Test
    void ignoresZeroRunShorterThanThreshold() throws IOException {
        float[] lane = Lanes.splice(Lanes.read("speech-a.wav"), Lanes.SPLICE_AT, new float[Lanes.RATE * 9 / 100]);
        assertEquals(List.of(), Lanes.run(new DropoutDetector(Lanes.RATE, 0, T), lane));
    }

    @Test
    void reportsNoDropoutInDitheredSpeechPauses() throws IOException {
        float[] lane = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        assertEquals(List.of(), Lanes.run(new DropoutDetector(Lanes.RATE, 0, T), lane));
    }

    /**
     * Reading by probes changes nothing: on speech with zeros, stuck values, a run across block boundaries, runs
     * just under and just over the minimum, NaN and -0/+0 mixed runs, findings equal the per-sample detector's.
     */
    @Test
    void findsExactlyWhatTheSampleBySampleDetectorFinds() throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        float[] lane = speech.clone();
        int minRun = 800;
        int[] lengths = {minRun - 1, minRun, minRun + 1, 2 * minRun - 1, 3000, 1021, 5000, 799, 12_000};
        int at = 1000;
        for (int k = 0; k < lengths.length; k++) {
            float value = k % 3 == 0 ? 0f : k % 3 == 1 ? 0.125f : -0.5f;
            java.util.Arrays.fill(lane, at, at + lengths[k], value);
            if (k == 4) {
                for (int i = at; i < at + lengths[k]; i += 7) {
                    lane[i] = -0f;
                }
            }
            if (k == 6) {
                lane[at + 2500] = Float.NaN;
            }
            at += lengths[k] + 4321;
        }
        java.util.Arrays.fill(lane, lane.length - 2000, lane.length, 0f);
        int compared = 0;
        for (int rate : new int[] {Lanes.RATE, 16_000, 11_025}) {
            for (float[] l : List.of(lane, speech)) {
                List<GapFinding> expected = Lanes.run(new ReferenceDropoutDetector(rate, 0, T), l);
                assertEquals(expected, Lanes.run(new DropoutDetector(rate, 0, T), l));
                compared += expected.size();
            }
        }
        assertTrue(compared >= 15, "too few dropouts to compare: " + compared);
    }
}
