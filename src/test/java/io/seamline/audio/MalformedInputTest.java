package io.seamline.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input: every committed valid fixture, truncated and with random bytes overwritten (seeded, so failures
 * reproduce), must either read or fail with {@link AudioFormatException}; nothing else may escape.
 */
class MalformedInputTest {
    private static final int MUTANTS = 100;

    @ParameterizedTest
    @ValueSource(strings = {"pcm-s16.wav", "pcm-s24-extensible.wav", "float64.wav", "mulaw.wav",
        "bwf-edge-buffer.wav", "rf64-small.wav", "stereo.opus", "speech.opus"})
    void mutatedFilesReadOrFailWithAudioFormatException(String name, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.path(name));
        Random random = new Random(name.hashCode());
        int failures = 0;
        for (int m = 0; m < MUTANTS; m++) {
            byte[] bytes = original.clone();
            if (m % 3 == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            } else {
                // Headers are where lies hurt: aim most changes at the first 200 bytes.
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(Math.min(bytes.length, m % 3 == 1 ? 200 : bytes.length));
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            Path file = dir.resolve("mutant-" + m + "-" + name);
            Files.write(file, bytes);
            try (AudioReader r = name.endsWith(".opus") ? OggOpusReader.open(file) : WavReader.open(file)) {
                WaveformPyramidBuilder sink = new WaveformPyramidBuilder(r.info().sampleRateHz(),
                        r.info().channelCount());
                r.streamTo(sink);
            } catch (AudioFormatException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                failures++;
            } catch (RuntimeException e) {
                fail("mutant " + m + " of " + name + " escaped with " + e, e);
            }
        }
        assertTrue(failures > 0, "no mutant of " + name + " was rejected: the test cannot fail");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 31})
    void mutatedWaveformFilesReadOrFailWithAudioFormatException(int seed) throws IOException {
        WaveformPyramid p;
        try (WavReader r = WavReader.open(Fixtures.path("stereo-agent-customer.wav"))) {
            WaveformPyramidBuilder b = new WaveformPyramidBuilder(8000, 2);
            r.streamTo(b);
            p = b.build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WaveformPyramidWriter().write(p, out);
        byte[] original = out.toByteArray();
        Random random = new Random(seed);
        for (int m = 0; m < 200; m++) {
            byte[] bytes = original.clone();
            bytes[random.nextInt(68)] = (byte) random.nextInt(256);
            try {
                WaveformPyramid q = new WaveformPyramidReader().read(new ByteArrayInputStream(bytes));
                q.summarize(0, Math.max(1, q.totalFrames()), 10);
            } catch (AudioFormatException e) {
                assertTrue(e.getMessage().startsWith("<stream>"), e.getMessage());
            } catch (RuntimeException e) {
                fail("waveform mutant " + m + " escaped with " + e, e);
            }
        }
    }
}
