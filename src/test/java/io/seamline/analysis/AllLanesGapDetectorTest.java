package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.seamline.audio.AudioReader;
import io.seamline.audio.WavReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllLanesGapDetectorTest {

    @Test
    void reportsEachGapOnTheLaneItIsOn() throws IOException {
        float[] agent = Lanes.read("speech-a.wav");
        float[] customer = Lanes.splice(agent, Lanes.SPLICE_AT, new float[Lanes.RATE]);
        AllLanesGapDetector all = new AllLanesGapDetector(Lanes.RATE, 2, GapThresholds.defaults());
        int length = agent.length;
        float[][] block = new float[2][1000];
        for (int at = 0; at < length; at += 1000) {
            int n = Math.min(1000, length - at);
            System.arraycopy(agent, at, block[0], 0, n);
            System.arraycopy(customer, at, block[1], 0, n);
            all.accept(block, n);
        }
        List<GapFinding> found = all.finish();
        assertEquals(1, found.size(), found.toString());
        assertEquals(1, found.get(0).lane());
        assertEquals(GapKind.DROPOUT, found.get(0).kind());
        assertEquals(Lanes.SPLICE_AT, found.get(0).startSample(), Lanes.TOLERANCE);
    }

    @Test
    void findsNothingInTwoLanesOfSpeech() throws IOException {
        try (AudioReader r = WavReader.open(Lanes.path("/io/seamline/audio/stereo-agent-customer.wav"))) {
            assertEquals(List.of(), LaneGapDetector.detectAll(r, GapThresholds.defaults()));
        }
    }
}
