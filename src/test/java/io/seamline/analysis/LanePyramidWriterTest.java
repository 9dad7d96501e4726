package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.audio.WaveformPyramidReader;
import io.seamline.audio.WaveformPyramidWriter;
import io.seamline.rtp.G711Decoder;
import io.seamline.rtp.RtpDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LanePyramidWriterTest {

    private static byte[] reference(short[] samples, int rateHz, int block) throws Exception {
        WaveformPyramidBuilder builder = new WaveformPyramidBuilder(rateHz, 1);
        for (int at = 0; at < samples.length; at += block) {
            int n = Math.min(block, samples.length - at);
            float[][] lane = new float[1][n];
            for (int i = 0; i < n; i++) {
                lane[0][i] = samples[at + i] / 32768f;
            }
            builder.accept(lane, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WaveformPyramidWriter().write(builder.build(), out);
        return out.toByteArray();
    }

    private static byte[] written(short[] samples, int rateHz, int block) {
        LanePyramidWriter writer = new LanePyramidWriter(rateHz);
        for (int at = 0; at < samples.length; at += block) {
            writer.accept(samples, at, Math.min(block, samples.length - at));
        }
        return writer.finish();
    }

    @Test
    void writesTheSameBytesAsTheFloatBuilderForRealSpeech() throws Exception {
        short[] speech = TestWav.read(Path.of(getClass().getResource("/io/seamline/analysis/align/speech-8k.wav")
                .toURI()));
        for (int block : new int[] {160, 65_536, 1_000_003}) {
            assertArrayEquals(reference(speech, 8000, 65_536), written(speech, 8000, block), "blocks of " + block);
        }
        WaveformPyramid pyramid = new WaveformPyramidReader().read(new ByteArrayInputStream(
                written(speech, 8000, 4096)));
        assertEquals(speech.length, pyramid.totalFrames());
    }

    @Test
    void writesTheSameBytesAtFullScaleAndForAPartialLastBucket() throws Exception {
        short[] samples = new short[65_536 * 2 + 300];
        Random random = new Random(7);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i % 997 == 0 ? -32768 : i % 991 == 0 ? 32767 : random.nextInt(65_536) - 32_768);
        }
        assertArrayEquals(reference(samples, 16_000, 1024), written(samples, 16_000, 333));
        assertArrayEquals(reference(new short[0], 8000, 1), written(new short[0], 8000, 1));
    }

    @Test
    void summarisesG711CodesAndHolesLikeTheDecodedSamplesWithZeros() {
        byte[] every = new byte[256];
        for (int c = 0; c < 256; c++) {
            every[c] = (byte) c;
        }
        for (RtpDecoder decoder : new RtpDecoder[] {G711Decoder.ulaw(), G711Decoder.alaw()}) {
            short[] linear = new short[256];
            decoder.decode(every, 0, 256, linear, 0);
            assertCodesSummarisedLikeSamples(linear, decoder.codecName());
        }
        // Full scale at both ends: the packed squares and offset samples must not run into each other.
        short[] extremes = new short[256];
        for (int c = 0; c < 256; c++) {
            extremes[c] = (short) (c % 2 == 0 ? -32768 : c % 3 == 0 ? 32767 : (c - 128) * 255);
        }
        assertCodesSummarisedLikeSamples(extremes, "full-scale table");
    }

    private static void assertCodesSummarisedLikeSamples(short[] linear, String what) {
        long[] table = LanePyramidWriter.codeTable(linear);
        Random random = new Random(11);
        byte[] codes = new byte[200_000];
        random.nextBytes(codes);
        // Long runs of the loudest codes: the largest offset samples and squares a bucket can sum.
        int loudest = 0;
        int quietest = 0;
        for (int c = 0; c < 256; c++) {
            loudest = linear[c] > linear[loudest] ? c : loudest;
            quietest = linear[c] < linear[quietest] ? c : quietest;
        }
        java.util.Arrays.fill(codes, 0, 1000, (byte) loudest);
        java.util.Arrays.fill(codes, 1000, 2000, (byte) quietest);
        short[] decoded = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            decoded[i] = linear[codes[i] & 0xFF];
        }
        LanePyramidWriter fromCodes = new LanePyramidWriter(8000);
        int at = 0;
        while (at < codes.length) {
            int n = Math.min(codes.length - at, 1 + random.nextInt(random.nextBoolean() ? 300 : 70_000));
            if (random.nextInt(4) == 0) {
                java.util.Arrays.fill(decoded, at, at + n, (short) 0);
                fromCodes.acceptSilence(n);
            } else {
                fromCodes.acceptCodes(codes, at, n, table);
            }
            at += n;
        }
        assertArrayEquals(written(decoded, 8000, 65_536), fromCodes.finish(), what);
    }
}
