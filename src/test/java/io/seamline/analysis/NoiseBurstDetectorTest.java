package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseBurstDetectorTest {
    private static final GapThresholds T = GapThresholds.defaults();

    @Test
    void findsSeventeenSecondsOfWhiteNoiseSplicedIntoSpeech() throws IOException {
        float[] noise = Lanes.repeat(Lanes.read("white-noise-2s.wav"), Lanes.GAP);
        float[] lane = Lanes.splice(Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav"), Lanes.SPLICE_AT, noise);
        List<GapFinding> found = Lanes.run(new NoiseBurstDetector(Lanes.RATE, 0, T), lane);
        assertEquals(1, found.size(), found.toString());
        GapFinding f = found.get(0);
        assertEquals(GapKind.CORRUPT, f.kind());
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
    }

    @Test
    void reportsNoBurstInSpeechWithFricatives() throws IOException {
        assertEquals(List.of(), Lanes.run(new NoiseBurstDetector(Lanes.RATE, 0, T),
                Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav")));
        assertEquals(List.of(), Lanes.run(new NoiseBurstDetector(Lanes.RATE, 0, T),
                Lanes.oneMinuteOfSpeech("speech-a-line.wav", "speech-a-line.wav")));
    }
}
