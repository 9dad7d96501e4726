package io.seamline.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What one streamed pass over a lane feeds, compared with computing each result on its own. */
class LaneTapsTest {

    /**
     * At 8 and 16 kHz the 10 ms envelope frames are the silence detector's hops and take their sums from it; at
     * 11 025 Hz they are not (110.25 samples against 110) and the envelope sums its own squares. Either way it is
     * the envelope read back from the lane, and the gap findings are those of the detectors run alone.
     */
    @Test
    void envelopeFromSilenceHopsEqualsTheEnvelopeReadBack() throws java.io.IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        for (int i = 0; i < speech.length; i++) {
            speech[i] = PcmScratchFile.quantize(speech[i]) / 32768f;
        }
        for (int rate : new int[] {8000, 16_000, 11_025}) {
            float[] expected = EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(speech, rate));
            assertNotNull(expected);
            LaneTaps taps = new LaneTaps(rate, 1, GapThresholds.defaults(), true, null);
            AllLanesGapDetector alone = new AllLanesGapDetector(rate, 1, GapThresholds.defaults(), true);
            float[] block = new float[1021];
            for (int at = 0; at < speech.length; at += block.length) {
                int n = Math.min(block.length, speech.length - at);
                System.arraycopy(speech, at, block, 0, n);
                taps.accept(new float[][] {block}, n);
                alone.accept(new float[][] {block}, n);
            }
            assertEquals(rate != 11_025, new EnvelopeCorrelation.Streamed(rate, true).framesAreHops(
                    new SilenceDetector(rate, 0, GapThresholds.defaults(), true).hopSamples()), "rate " + rate);
            assertArrayEquals(expected, taps.envelope(0), "rate " + rate);
            assertEquals(alone.finish(), taps.findings(), "rate " + rate);
        }
    }
}
