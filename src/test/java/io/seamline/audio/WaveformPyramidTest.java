package io.seamline.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class WaveformPyramidTest {

    private static WaveformPyramid build(String fixture) throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path(fixture))) {
            WaveformPyramidBuilder b = new WaveformPyramidBuilder(r.info().sampleRateHz(), r.info().channelCount());
            r.streamTo(b);
            return b.build();
        }
    }

    @Test
    void summarisesEveryLaneAtBothLevelsInOnePass() throws IOException {
        WaveformPyramid p = build("stereo-agent-customer.wav");
        float[][] lanes = Fixtures.readAll(Fixtures.path("stereo-agent-customer.wav"));
        assertEquals(16000, p.totalFrames());
        assertEquals(2, p.levels().size());
        WaveformLevel fine = p.levels().get(0);
        assertEquals(256, fine.samplesPerBucket());
        assertEquals(63, fine.bucketCount());
        assertEquals(1, p.levels().get(1).bucketCount());
        for (int lane = 0; lane < 2; lane++) {
            for (int b = 0; b < fine.bucketCount(); b++) {
                float lo = 1;
                float hi = -1;
                double ss = 0;
                int end = Math.min(16000, (b + 1) * 256);
                for (int i = b * 256; i < end; i++) {
                    lo = Math.min(lo, lanes[lane][i]);
                    hi = Math.max(hi, lanes[lane][i]);
                    ss += lanes[lane][i] * lanes[lane][i];
                }
                assertEquals(Math.round(lo * 32767), fine.min(b, lane), 1);
                assertEquals(Math.round(hi * 32767), fine.max(b, lane), 1);
                assertEquals(Math.sqrt(ss / (end - b * 256)) * 32767, fine.rms(b, lane), 1);
            }
        }
    }

    @Test
    void readerReadsWhatWriterWrote() throws IOException {
        WaveformPyramid p = build("stereo-agent-customer.wav");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WaveformPyramidWriter().write(p, out);
        byte[] bytes = out.toByteArray();
        // Header 32 + 2 levels x 12, then (63 + 1) buckets x 2 lanes x 6 bytes.
        assertEquals(32 + 24 + 64 * 2 * 6, bytes.length);
        assertEquals('S', bytes[0]);
        assertEquals('F', bytes[3]);
        WaveformPyramid back = new WaveformPyramidReader().read(new ByteArrayInputStream(bytes));
        assertEquals(p.sampleRateHz(), back.sampleRateHz());
        assertEquals(p.totalFrames(), back.totalFrames());
        for (int l = 0; l < 2; l++) {
            WaveformLevel a = p.levels().get(l);
            WaveformLevel b = back.levels().get(l);
            assertEquals(a.bucketCount(), b.bucketCount());
            for (int k = 0; k < a.bucketCount(); k++) {
                for (int lane = 0; lane < 2; lane++) {
                    assertEquals(a.min(k, lane), b.min(k, lane));
                    assertEquals(a.max(k, lane), b.max(k, lane));
                    assertEquals(a.rms(k, lane), b.rms(k, lane));
                }
            }
        }
    }

    @Test
    void rejectsUnknownVersionAndFlags() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WaveformPyramidWriter().write(build("pcm-s16.wav"), out);
        byte[] version2 = out.toByteArray();
        version2[4] = 2;
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> new WaveformPyramidReader().read(new ByteArrayInputStream(version2)));
        assertTrue(e.getMessage().contains("unsupported Seamline waveform version 2"), e.getMessage());
        byte[] flagged = out.toByteArray();
        flagged[8] = 1;
        assertThrows(AudioFormatException.class,
                () -> new WaveformPyramidReader().read(new ByteArrayInputStream(flagged)));
        byte[] cut = java.util.Arrays.copyOf(out.toByteArray(), 100);
        assertThrows(AudioFormatException.class, () -> new WaveformPyramidReader().read(new ByteArrayInputStream(cut)));
    }

    @Test
    void answersQueryFromCoarseLevelWhenItSuffices() {
        // Ten million frames of a ramp: the pyramid alone answers, no audio is kept.
        WaveformPyramidBuilder b = new WaveformPyramidBuilder(8000, 1);
        float[][] block = new float[1][100_000];
        for (int k = 0; k < 100; k++) {
            for (int i = 0; i < 100_000; i++) {
                block[0][i] = (k * 100_000 + i) / 10_000_000f;
            }
            b.accept(block, 100_000);
        }
        WaveformPyramid p = b.build();
        WaveformSpan wide = p.summarize(0, 10_000_000, 100);
        assertEquals(65_536, wide.samplesPerBucketUsed());
        WaveformSpan narrow = p.summarize(5_000_000, 5_100_000, 100);
        assertEquals(256, narrow.samplesPerBucketUsed());
        assertEquals(0.5f, narrow.minAt(0, 0), 3e-4f);
        assertEquals(0.51f, narrow.maxAt(99, 0), 3e-4f);
        // A column of 100 000 frames spans several coarse buckets: min/max widen to bucket edges.
        assertEquals(0.0f, wide.minAt(0, 0), 1e-4f);
        assertTrue(wide.maxAt(0, 0) >= 0.01f);
        assertTrue(Float.isNaN(p.summarize(9_999_000, 10_001_000, 2).minAt(1, 0)));
    }

    @Test
    void rmsOfCombinedBucketsWeighsByFrames() throws IOException {
        WaveformPyramid p = build("pcm-s16.wav");
        float[] lane = Fixtures.readAll(Fixtures.path("pcm-s16.wav"))[0];
        double ss = 0;
        for (float x : lane) {
            ss += x * x;
        }
        WaveformSpan all = p.summarize(0, lane.length, 1);
        assertEquals(256, all.samplesPerBucketUsed());
        assertEquals(Math.sqrt(ss / lane.length), all.rmsAt(0, 0), 1e-3);
    }

    /** Summing 16-bit samples two at a time gives the same pyramid to the byte: their sums are exact. */
    @Test
    void sixteenBitBuilderWritesTheSamePyramid() throws IOException {
        for (String fixture : new String[] {"speech-8k-s16.wav", "stereo-agent-customer.wav", "pcm-u8.wav",
            "mulaw.wav", "alaw.wav"}) {
            byte[][] written = new byte[2][];
            for (int variant = 0; variant < 2; variant++) {
                try (WavReader r = WavReader.open(Fixtures.path(fixture))) {
                    WaveformPyramidBuilder b = variant == 0
                            ? new WaveformPyramidBuilder(r.info().sampleRateHz(), r.info().channelCount())
                            : WaveformPyramidBuilder.ofSixteenBitSamples(r.info().sampleRateHz(),
                                    r.info().channelCount(), true);
                    r.streamTo(b);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new WaveformPyramidWriter().write(b.build(), out);
                    written[variant] = out.toByteArray();
                }
            }
            assertTrue(written[0].length > 100, fixture);
            assertEquals(java.util.Arrays.toString(written[0]), java.util.Arrays.toString(written[1]), fixture);
        }
    }
}
