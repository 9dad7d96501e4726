package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {
    private static final GapThresholds T = GapThresholds.defaults();

    private static GapFinding onlySilence(float[] lane) {
        List<GapFinding> found = Lanes.run(new SilenceDetector(Lanes.RATE, 0, T), lane);
        assertEquals(1, found.size(), found.toString());
        assertEquals(GapKind.SILENCE, found.get(0).kind());
        return found.get(0);
    }

    @Test
    void findsSeventeenSecondsOfQuietNoiseInCleanSpeech() throws IOException {
        float[] quiet = Lanes.repeat(Lanes.read("quiet-noise-2s.wav"), Lanes.GAP);
        GapFinding f = onlySilence(Lanes.splice(Lanes.read("speech-a.wav"), Lanes.SPLICE_AT, quiet));
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
        assertEquals(T, f.thresholds());
    }

    @Test
    void findsQuietGapFarBelowTheFloorOfANoisyLine() throws IOException {
        float[] quiet = Lanes.repeat(Lanes.read("quiet-noise-2s.wav"), Lanes.GAP);
        GapFinding f = onlySilence(Lanes.splice(Lanes.read("speech-a-line.wav"), Lanes.SPLICE_AT, quiet));
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
    }

    @Test
    void findsComfortNoiseFarBelowALoudLineButNotOnACleanOne() throws IOException {
        float[] speech = Lanes.read("speech-a.wav");
        float[] line = Lanes.repeat(Lanes.read("loud-line-2s.wav"), speech.length);
        float[] noisy = new float[speech.length];
        for (int i = 0; i < speech.length; i++) {
            noisy[i] = speech[i] + line[i];
        }
        float[] comfort = Lanes.repeat(Lanes.read("comfort-noise-2s.wav"), Lanes.GAP);
        GapFinding f = onlySilence(Lanes.splice(noisy, Lanes.SPLICE_AT, comfort));
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
        // On clean speech the same level is above the -70 dBFS near-silence ceiling and the floor is far lower.
        assertEquals(List.of(), Lanes.run(new SilenceDetector(Lanes.RATE, 0, T),
                Lanes.splice(speech, Lanes.SPLICE_AT, comfort)));
    }

    @Test
    void findsQuietGapInMinuteOfSpeech() throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        float[] quiet = Lanes.repeat(Lanes.read("quiet-noise-2s.wav"), Lanes.GAP);
        GapFinding f = onlySilence(Lanes.splice(speech, Lanes.SPLICE_AT, quiet));
        assertEquals(Lanes.SPLICE_AT, f.startSample(), Lanes.TOLERANCE);
        assertEquals(Lanes.SPLICE_AT + Lanes.GAP, f.endSample(), Lanes.TOLERANCE);
    }

    @Test
    void reportsNoNaturalSpeechPauses() throws IOException {
        assertEquals(List.of(), Lanes.run(new SilenceDetector(Lanes.RATE, 0, T),
                Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav")));
        assertEquals(List.of(), Lanes.run(new SilenceDetector(Lanes.RATE, 0, T),
                Lanes.oneMinuteOfSpeech("speech-a-line.wav", "speech-a-line.wav")));
    }

    @Test
    void leavesDigitalZerosToTheDropoutDetector() throws IOException {
        float[] lane = Lanes.splice(Lanes.read("speech-a.wav"), Lanes.SPLICE_AT, new float[Lanes.GAP]);
        assertEquals(List.of(), Lanes.run(new SilenceDetector(Lanes.RATE, 0, T), lane));
    }

    /** On 16-bit fixtures (speech, quiet noise and comfort noise spliced in) the exact pairwise sums change nothing. */
    @Test
    void sixteenBitSumsFindTheSameSilences() throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        int compared = 0;
        for (String filler : new String[] {"quiet-noise-2s.wav", "comfort-noise-2s.wav"}) {
            float[] lane = Lanes.splice(speech, Lanes.SPLICE_AT, Lanes.repeat(Lanes.read(filler), Lanes.GAP));
            for (int rate : new int[] {Lanes.RATE, 16_000, 11_025}) {
                List<GapFinding> expected = Lanes.run(new SilenceDetector(rate, 0, GapThresholds.defaults()), lane);
                assertEquals(expected, Lanes.run(new SilenceDetector(rate, 0, GapThresholds.defaults(), true), lane));
                compared += expected.size();
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared >= 3, "too few silences to compare: " + compared);
    }
}
