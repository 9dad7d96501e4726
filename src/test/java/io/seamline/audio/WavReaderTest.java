package io.seamline.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavReaderTest {

    @Test
    void readsSixteenBitMonoSpeechWithSoxFrameCount() throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path("speech-8k-s16.wav"))) {
            assertEquals(8000, r.info().sampleRateHz());
            assertEquals(1, r.info().channelCount());
            assertEquals(SampleEncoding.PCM_S16, r.info().encoding());
            // soxi -s speech-8k-s16.wav
            assertEquals(32135, r.info().frameCount());
            assertEquals(32135, Fixtures.readAll(r)[0].length);
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "pcm-s24.wav, PCM_S24, 0",
        "pcm-s24-extensible.wav, PCM_S24, 0",
        "pcm-s32-extensible.wav, PCM_S32, 0",
        "float32.wav, FLOAT32, 0",
        "float64.wav, FLOAT64, 0",
        "rf64-small.wav, PCM_S16, 0",
        "pcm-u8.wav, PCM_U8, 0.02",
        "mulaw.wav, MULAW, 0.03",
        "alaw.wav, ALAW, 0.03"})
    void decodesEveryEncodingToTheSameSpeech(String name, SampleEncoding encoding, double tolerance)
            throws IOException {
        float[] reference = Fixtures.readAll(Fixtures.path("pcm-s16.wav"))[0];
        try (WavReader r = WavReader.open(Fixtures.path(name))) {
            assertEquals(encoding, r.info().encoding());
            float[] got = Fixtures.readAll(r)[0];
            assertEquals(reference.length, got.length);
            double worst = 0;
            for (int i = 0; i < got.length; i++) {
                // G.711 error grows with the magnitude (logarithmic segments): compare relative to it.
                worst = Math.max(worst, Math.abs(got[i] - reference[i]) / (1 + 8 * Math.abs(reference[i])));
            }
            assertTrue(worst <= tolerance + 1e-6, name + " differs by " + worst);
        }
    }

    @Test
    void givesOneLanePerChannelForAgentAndCustomer() throws IOException {
        float[][] stereo = Fixtures.readAll(Fixtures.path("stereo-agent-customer.wav"));
        float[] agent = Fixtures.readAll(Fixtures.path("speech-8k-s16.wav"))[0];
        assertEquals(2, stereo.length);
        assertEquals(16000, stereo[0].length);
        for (int i = 0; i < 16000; i++) {
            assertEquals(agent[i], stereo[0][i], 0f, "left lane is the agent speech at " + i);
        }
        assertFalse(java.util.Arrays.equals(stereo[0], stereo[1]));
    }

    @Test
    void readsThreeChannelExtensibleFile() throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path("three-channels-extensible.wav"))) {
            assertEquals(3, r.info().channelCount());
            float[][] lanes = Fixtures.readAll(r);
            assertArrayEquals(lanes[0], lanes[2]);
        }
    }

    @Test
    void keepsNanAndInfinityOfFloatFiles() throws IOException {
        float[] lane = Fixtures.readAll(Fixtures.path("float32-nan.wav"))[0];
        assertTrue(Float.isNaN(lane[4000]) && Float.isNaN(lane[4009]));
        assertEquals(Float.POSITIVE_INFINITY, lane[4010]);
        assertFalse(Float.isNaN(lane[3999]));
    }

    @Test
    void readsBroadcastWaveChunksAndStartInstant() throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path("bwf-edge-buffer.wav"))) {
            WavMetadata md = r.metadata();
            BextChunk bext = md.bext().orElseThrow();
            assertEquals("Edge buffer of SBC sbc01 for call a84b4c76e66710", bext.description());
            assertEquals("sbc01", bext.originator());
            assertEquals("sbc01-000042", bext.originatorReference());
            assertEquals("2026-11-22", bext.originationDate());
            assertEquals("08:42:15", bext.originationTime());
            assertEquals(31_335L * 8000 + 984, bext.timeReferenceSamples());
            assertEquals(2, bext.version());
            assertEquals(-2300, bext.loudnessValue());
            assertTrue(bext.umidHex().startsWith("000102030405"));
            assertEquals("A=PCM,F=8000,W=16,M=mono,T=sbc01 edge buffer", bext.codingHistory());
            assertEquals("call a84b4c76e66710", md.info().get("INAM"));
            assertEquals("edge buffer", md.info().get("ICMT"));
            assertTrue(md.ixml().orElseThrow().contains("<PROJECT>seamline</PROJECT>"));
            assertEquals(java.util.List.of("bext", "fmt ", "data", "LIST", "iXML"), md.chunkIds());
            // mediainfo --Full bwf-edge-buffer.wav reports Delay 31335123 ms: 08:42:15.123 local time.
            BwfStart start = bext.startInstant(r.info().sampleRateHz(), java.time.ZoneId.of("Europe/Berlin"));
            assertEquals(java.time.Instant.parse("2026-11-22T07:42:15.123Z"), start.startUtc().orElseThrow());
            assertTrue(start.warnings().isEmpty(), start.warnings().toString());
            assertEquals(8000, Fixtures.readAll(r)[0].length);
        }
    }

    @Test
    void warnsWhenOriginationTimeDisagreesWithTimeReference() throws IOException {
        BextChunk bext;
        try (WavReader r = WavReader.open(Fixtures.path("bwf-edge-buffer.wav"))) {
            bext = r.metadata().bext().orElseThrow();
        }
        BextChunk shifted = new BextChunk(bext.description(), bext.originator(), bext.originatorReference(),
                bext.originationDate(), "08:42:19", bext.timeReferenceSamples(), bext.version(), bext.umidHex(),
                bext.loudnessValue(), bext.loudnessRange(), bext.maxTruePeakLevel(), bext.maxMomentaryLoudness(),
                bext.maxShortTermLoudness(), bext.codingHistory());
        BwfStart start = shifted.startInstant(8000, java.time.ZoneOffset.UTC);
        assertEquals(java.time.Instant.parse("2026-11-22T08:42:15.123Z"), start.startUtc().orElseThrow());
        assertEquals(1, start.warnings().size());
        assertTrue(start.warnings().get(0).contains("disagrees"), start.warnings().get(0));
    }

    @Test
    void givesNoStartButAWarningForAnUnreadableOriginationDate() {
        BextChunk bext = new BextChunk("", "sbc01", "", "22.11.2026", "08:42:15", 0, 1, "", (short) 0, (short) 0,
                (short) 0, (short) 0, (short) 0, "");
        BwfStart start = bext.startInstant(8000, java.time.ZoneOffset.UTC);
        assertTrue(start.startUtc().isEmpty());
        assertTrue(start.warnings().get(0).contains("'22.11.2026'"), start.warnings().toString());
    }

    @Test
    void readsDataChunkLongerThanFileAsFarAsItGoesWithWarning() throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path("data-overrun.wav"))) {
            assertEquals((9000 - 44) / 2, r.info().frameCount());
            assertEquals((9000 - 44) / 2, Fixtures.readAll(r)[0].length);
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("data chunk declares 64270 bytes")),
                    r.warnings().toString());
        }
    }

    @Test
    void readsAudioAfterADataChunkWhoseSizeWasNeverWritten() throws IOException {
        try (WavReader r = WavReader.open(Fixtures.path("unfinalised-header.wav"))) {
            assertEquals(32135, r.info().frameCount());
            assertArrayEquals(Fixtures.readAll(Fixtures.path("speech-8k-s16.wav"))[0], Fixtures.readAll(r)[0]);
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("header never finalised")),
                    r.warnings().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "zero-samples.wav, zero samples",
        "unknown-codec-adpcm.wav, unsupported codec: WAVE format tag 0x0002",
        "bad-magic.wav, not a WAV file",
        "not-ogg.opus, not a WAV file"})
    void rejectsMalformedFilesNamingFileAndProblem(String name, String problem) {
        Path file = name.equals("not-ogg.opus") ? Fixtures.path("speech.opus") : Fixtures.path(name);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void streamsRf64WhoseDataIsLargerThanFourGigabytes(@TempDir Path dir) throws IOException {
        long dataBytes = 5_000_000_000L;
        Path file = dir.resolve("huge.rf64.wav");
        ByteBuffer h = ByteBuffer.allocate(12 + 36 + 24 + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RF64".getBytes()).putInt(-1).put("WAVE".getBytes());
        h.put("ds64".getBytes()).putInt(28).putLong(4 + 36 + 24 + 8 + dataBytes).putLong(dataBytes)
                .putLong(dataBytes / 2).putInt(0);
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        h.put("data".getBytes()).putInt(-1);
        Files.write(file, h.array());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // Sparse: the file system stores no blocks for the zeros.
            raf.setLength(h.capacity() + dataBytes);
            raf.seek(h.capacity() + dataBytes - 2);
            raf.writeShort(0x0040);
        }
        try (WavReader r = WavReader.open(file)) {
            assertEquals("RF64", r.info().container());
            assertEquals(2_500_000_000L, r.info().frameCount());
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
            float[][] block = new float[1][AudioReader.BLOCK_FRAMES];
            assertEquals(AudioReader.BLOCK_FRAMES, r.read(block, AudioReader.BLOCK_FRAMES));
            assertEquals(0f, block[0][0]);
        }
    }
}
