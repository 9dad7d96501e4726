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
}
