package io.seamline.analysis;

import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.audio.WaveformPyramidWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one streamed pass over a lane feeds, compared with computing each result on its own. */
class LaneTapsTest {

    /**
     * The committed minute of speech (16-bit values) with 9 s of digital silence and 9 s of noise of a few steps put
     * in after 20 and 40 s and half a second of clipping at 30 s, so that the silence and corrupt-sample
     * detectors have findings to report.
     */
    private static float[] speechWithSilences(int rateHz) throws IOException {
        float[] speech = Lanes.oneMinuteOfSpeech("speech-a.wav", "speech-b.wav");
        float[] out = new float[speech.length + 18 * rateHz];
        java.util.Random random = new java.util.Random(7);
        int at = 0;
        int from = 0;
        for (int part = 0; part < 2; part++) {
            int upTo = (part + 1) * 20 * 8000;
            System.arraycopy(speech, from, out, at, upTo - from);
            at += upTo - from;
            from = upTo;
            for (int i = at; i < at + 9 * rateHz; i++) {
                out[i] = part == 0 ? 0f : (random.nextInt(5) - 2) / 32768f;
            }
            at += 9 * rateHz;
        }
        System.arraycopy(speech, from, out, at, speech.length - from);
        // Half a second of clipping after 30 s: runs of 10 samples at full scale, alternately up and down.
        for (int i = 30 * rateHz; i < 30 * rateHz + rateHz / 2; i++) {
            out[i] = (i / 10) % 2 == 0 ? 1f : -1f;
        }
        // A second of white noise after 50 s, a burst for the noise-burst detector.
        for (int i = 50 * rateHz; i < 51 * rateHz; i++) {
            out[i] = (float) (0.1 * random.nextGaussian());
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = PcmScratchFile.quantize(out[i]) / 32768f;
        }
        return out;
    }

    private static byte[] bytes(io.seamline.audio.WaveformPyramid pyramid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WaveformPyramidWriter().write(pyramid, out);
        return out.toByteArray();
    }

    /**
     * At 8 and 16 kHz the 10 ms envelope frames are the silence detector's hops and take their sums from it; at
     * 11 025 Hz they are not (110.25 samples against 110) and the envelope sums its own squares. The pyramid and the
     * silence levels are made of 16-sample units, in blocks of a whole number of units and of an odd size. Either
     * way the envelope is the one read back from the lane, and the pyramid and gap findings are those of the
     * builder and detectors run alone on the samples.
     */
    @Test
    void sharedUnitsAndHopsGiveWhatEachTapGivesAlone() throws IOException {
        for (int rate : new int[] {8000, 16_000, 11_025}) {
            float[] lane = speechWithSilences(rate);
            float[] expected = EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(lane, rate));
            assertNotNull(expected);
            for (int blockSize : new int[] {1021, 4096}) {
                String label = "rate " + rate + ", blocks of " + blockSize;
                LaneTaps taps = new LaneTaps(rate, 1, GapThresholds.defaults(), true, null);
                AllLanesGapDetector alone = new AllLanesGapDetector(rate, 1, GapThresholds.defaults(), false);
                WaveformPyramidBuilder pyramid = new WaveformPyramidBuilder(rate, 1);
                float[] block = new float[blockSize];
                for (int at = 0; at < lane.length; at += block.length) {
                    int n = Math.min(block.length, lane.length - at);
                    System.arraycopy(lane, at, block, 0, n);
                    taps.accept(new float[][] {block}, n);
                    alone.accept(new float[][] {block}, n);
                    pyramid.accept(new float[][] {block}, n);
                }
                assertEquals(rate != 11_025, new EnvelopeCorrelation.Streamed(rate, true).framesAreHops(
                        new SilenceDetector(rate, 0, GapThresholds.defaults(), true).hopSamples()), label);
                assertArrayEquals(expected, taps.envelope(0), label);
                java.util.List<GapFinding> findings = alone.finish();
                assertTrue(findings.stream().anyMatch(g -> g.kind() == GapKind.SILENCE), label);
                assertTrue(findings.stream().anyMatch(g -> g.kind() == GapKind.CORRUPT
                        && g.evidence().contains("clipped")), label);
                assertTrue(findings.stream().anyMatch(g -> g.kind() == GapKind.CORRUPT
                        && g.evidence().startsWith("noise burst")), label);
                assertEquals(findings, taps.findings(), label);
                assertArrayEquals(bytes(pyramid.build()), bytes(taps.pyramid(0)), label);
            }
        }
    }
}
