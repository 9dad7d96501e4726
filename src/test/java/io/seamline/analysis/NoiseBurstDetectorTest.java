package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The faster spectrum and the skipping of quiet windows change nothing: on speech with white noise, on speech
     * over a loud line, on a noise burst with quiet holes inside it (so skipped windows fall inside a run) and with
     * thresholds low enough that speech itself gives many bursts, the findings equal the original detector's.
     */
    @Test
    void findsExactlyWhatTheOriginalDetectorFinds() throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        float[] noise = Lanes.read("white-noise-2s.wav");
        float[] holes = Lanes.repeat(noise, Lanes.GAP);
        for (int at = 3000, k = 0; at + 1000 < holes.length; at += 5000, k++) {
            java.util.Arrays.fill(holes, at, at + 260 + k * 97 % 700, 0f);
        }
        GapThresholds eager = new GapThresholds(100, 20, 10, 20, -70, 95, 1.5, 2000, 8000, 0.98, 3, 100, 32, 0.05,
                0, -60, 40);
        List<float[]> lanes = List.of(Lanes.splice(speech, Lanes.SPLICE_AT, Lanes.repeat(noise, Lanes.GAP)),
                Lanes.splice(speech, Lanes.SPLICE_AT, holes),
                Lanes.concat(Lanes.oneMinuteOfSpeech("speech-a-line.wav", "speech-a-line.wav"),
                        Lanes.read("loud-line-2s.wav"), noise, speech));
        int compared = 0;
        for (GapThresholds t : List.of(T, eager)) {
            for (float[] lane : lanes) {
                for (int rate : new int[] {Lanes.RATE, 16_000}) {
                    List<GapFinding> expected = Lanes.run(new ReferenceNoiseBurstDetector(rate, 0, t), lane);
                    assertEquals(expected, Lanes.run(new NoiseBurstDetector(rate, 0, t), lane));
                    // Every sample comes from a 16-bit fixture (or is 0): the exact sums give the same.
                    assertEquals(expected, Lanes.run(new NoiseBurstDetector(rate, 0, t, true), lane));
                    compared += expected.size();
                }
            }
        }
        assertTrue(compared > 20, "too few bursts to compare: " + compared);
    }

    /**
     * Skipping the windows between two breaks changes nothing where it could: noise at the very start and the very
     * end of a lane (the stretch after the last break), bursts just under, at and just over the shortest length
     * reported, and bursts separated by one, two and three windows of speech, at both rates and with the shortest
     * burst long and short (so the skipped stretch is 30 windows or 4).
     */
    @Test
    void skipsBetweenBreaksWithoutChangingAnyFinding() throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        float[] noise = Lanes.read("white-noise-2s.wav");
        List<float[]> parts = new java.util.ArrayList<>();
        parts.add(java.util.Arrays.copyOf(noise, 3 * Lanes.RATE / 10));
        int at = 3 * Lanes.RATE;
        for (int ms : new int[] {232, 240, 248, 256, 264, 272, 300, 40, 48, 56}) {
            parts.add(java.util.Arrays.copyOfRange(speech, at, at + Lanes.RATE));
            parts.add(java.util.Arrays.copyOf(noise, ms * Lanes.RATE / 1000));
            at += Lanes.RATE;
        }
        for (int speechMs : new int[] {8, 16, 24, 32, 40}) {
            parts.add(java.util.Arrays.copyOfRange(speech, at, at + Lanes.RATE / 2));
            parts.add(java.util.Arrays.copyOf(noise, Lanes.RATE / 8));
            parts.add(java.util.Arrays.copyOfRange(speech, at, at + speechMs * Lanes.RATE / 1000));
            parts.add(java.util.Arrays.copyOfRange(noise, 1000, 1000 + Lanes.RATE / 8));
            at += Lanes.RATE;
        }
        parts.add(java.util.Arrays.copyOfRange(speech, at, at + Lanes.RATE));
        float[] body = Lanes.concat(parts.toArray(float[][]::new));
        GapThresholds shortBursts = new GapThresholds(100, 20, 10, 20, -70, 95, 1.5, 2000, 8000, 0.98, 3, 100, 32,
                0.30, 20, -50, 40);
        int compared = 0;
        for (int tail : new int[] {0, 100, 2500, 4000}) {
            float[] lane = Lanes.concat(body, java.util.Arrays.copyOf(noise, tail));
            for (GapThresholds t : List.of(T, shortBursts)) {
                for (int rate : new int[] {Lanes.RATE, 16_000}) {
                    List<GapFinding> expected = Lanes.run(new ReferenceNoiseBurstDetector(rate, 0, t), lane);
                    assertEquals(expected, Lanes.run(new NoiseBurstDetector(rate, 0, t, true), lane));
                    assertEquals(expected, Lanes.run(new NoiseBurstDetector(rate, 0, t), lane));
                    compared += expected.size();
                }
            }
        }
        assertTrue(compared > 40, "too few bursts to compare: " + compared);
    }
}
