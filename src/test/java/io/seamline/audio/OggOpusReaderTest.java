package io.seamline.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OggOpusReaderTest {

    @Test
    void decodesAsManySamplesAsOpusdecAfterPreSkipAndEndTrim() throws IOException {
        long opusdec = Long.parseLong(Files.readString(Fixtures.path("speech.opus.opusdec-samples.txt")).strip());
        try (OggOpusReader r = OggOpusReader.open(Fixtures.path("speech.opus"))) {
            assertEquals(48_000, r.info().sampleRateHz());
            assertEquals(1, r.info().channelCount());
            assertEquals(312, r.head().preSkip());
            assertEquals(8000, r.head().inputSampleRateHz());
            assertEquals(java.util.List.of("ENCODER=opusenc from opus-tools 0.2"), r.comments());
            assertEquals(opusdec, r.info().frameCount());
            assertEquals(opusdec, Fixtures.readAll(r)[0].length);
        }
    }

    @Test
    void decodedSpeechFollowsTheSourceEnvelope() throws IOException {
        float[] source = Fixtures.readAll(Fixtures.path("speech-8k-s16.wav"))[0];
        float[] decoded;
        try (OggOpusReader r = OggOpusReader.open(Fixtures.path("speech.opus"))) {
            decoded = Fixtures.readAll(r)[0];
        }
        // Pre-skip removed: 20 ms energy envelopes line up at lag 0 (6 output samples per input sample).
        int windows = source.length / 160;
        double[] a = new double[windows];
        double[] b = new double[windows];
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < 160; i++) {
                a[w] += source[w * 160 + i] * source[w * 160 + i];
            }
            for (int i = 0; i < 960; i++) {
                b[w] += decoded[w * 960 + i] * decoded[w * 960 + i];
            }
        }
        assertTrue(correlation(a, b) > 0.95, "envelope correlation " + correlation(a, b));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void decodesStereoIntoTwoLanes() throws IOException {
        try (OggOpusReader r = OggOpusReader.open(Fixtures.path("stereo.opus"))) {
            assertEquals(2, r.info().channelCount());
            // stereo-agent-customer.wav holds 16000 frames at 8 kHz: 2 s, 96000 samples at 48 kHz.
            assertEquals(96_000, r.info().frameCount());
            float[][] lanes = Fixtures.readAll(r);
            assertEquals(96_000, lanes[1].length);
        }
    }

    @Test
    void decodesThreeChannelsWithMappingFamilyOne() throws IOException {
        try (OggOpusReader r = OggOpusReader.open(Fixtures.path("three-channels.opus"))) {
            assertEquals(1, r.head().mappingFamily());
            assertEquals(3, r.info().channelCount());
            assertEquals(96_000, r.info().frameCount());
            float[][] lanes = Fixtures.readAll(r);
            // WAV lanes FL, FR, FC (agent, customer, agent) become Vorbis order L, C, R (RFC 7845 §5.1.1.2):
            // agent, agent, customer.
            assertTrue(relativeDifference(lanes[0], lanes[1]) < 0.2, "lanes 0 and 1 should both be the agent");
            assertTrue(relativeDifference(lanes[0], lanes[2]) > 0.8, "lane 2 should be the customer");
        }
    }

    private static double relativeDifference(float[] a, float[] b) {
        double energy = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            energy += a[i] * a[i];
            diff += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return diff / energy;
    }

    @ParameterizedTest
    @CsvSource({
        "truncated-page.opus, truncated Ogg page at byte",
        "bad-ogg-version.opus, stream structure version 1",
        "not-ogg.opus, not an Ogg file",
        "zero-samples.wav, not an Ogg file"})
    void rejectsMalformedOggNamingFileAndProblem(String name, String problem) {
        Path file = Fixtures.path(name);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> OggOpusReader.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
