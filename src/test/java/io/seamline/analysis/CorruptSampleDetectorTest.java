package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptSampleDetectorTest {
    private static final GapThresholds T = GapThresholds.defaults();

    @Test
    void reportsNanAndInfinitySamplesOfAFloatWav() throws IOException {
        List<GapFinding> found = Lanes.detectAll("/io/seamline/audio/float32-nan.wav");
        assertEquals(1, found.size(), found.toString());
        GapFinding f = found.get(0);
        assertEquals(GapKind.CORRUPT, f.kind());
        assertEquals(4000, f.startSample());
        assertEquals(4011, f.endSample());
        assertTrue(f.evidence().startsWith("11 invalid"), f.evidence());
    }

    @Test
    void reportsClippingInSpeechAmplifiedBySox() throws IOException {
        List<GapFinding> found = Lanes.run(new CorruptSampleDetector(Lanes.RATE, 0, T),
                Lanes.read("clipped-speech.wav"));
        assertFalse(found.isEmpty());
        for (GapFinding f : found) {
            assertEquals(GapKind.CORRUPT, f.kind());
            assertTrue(f.evidence().contains("clipped"), f.evidence());
        }
    }

    @Test
    void reportsClippingInMuLawSpeechWhosePeakIsBelowFullScale() throws IOException {
        List<GapFinding> found = Lanes.detectAll("clipped-speech-mulaw.wav");
        assertFalse(found.isEmpty());
        for (GapFinding f : found) {
            assertEquals(GapKind.CORRUPT, f.kind());
            assertTrue(f.evidence().contains("clipped"), f.evidence());
        }
    }

    @Test
    void reportsNothingInCleanSpeech() throws IOException {
        assertEquals(List.of(), Lanes.run(new CorruptSampleDetector(Lanes.RATE, 0, T),
                Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav")));
    }
}
