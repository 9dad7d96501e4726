package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.seamline.audio.WavReader;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceFormat;
import io.seamline.casefile.EvidenceKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioEvidenceAnalyzerTest {
    @TempDir
    Path dir;

    private static Evidence evidence(String name) {
        return new Evidence(7, EvidenceKind.RECORDING, name, name, 0, "", EvidenceFormat.WAV, Instant.EPOCH, "test",
                "", 1, 1);
    }

    private static float[] samples(PcmScratchFile file) {
        float[] out = new float[(int) file.lengthSamples()];
        file.read(0, out, 0, out.length);
        return out;
    }

    /**
     * A mono 16-bit WAV is read through a map of its own data chunk, and gives the lane, findings and envelope the
     * written copy of the same samples gives (the same file with each frame padded to 4 bytes cannot be mapped).
     */
    @Test
    void mappedDataChunkGivesWhatAWrittenCopyGives() throws IOException {
        Path plain = Lanes.path("dropout-500ms.wav");
        Path padded = dir.resolve("padded.wav");
        Files.write(padded, padFrames(Files.readAllBytes(plain)));
        AudioEvidenceAnalyzer analyzer = new AudioEvidenceAnalyzer(null, GapThresholds.defaults());
        AudioEvidenceAnalyzer.FileRead mapped = analyzer.read(evidence("plain.wav"), plain, ZoneId.of("UTC"), dir);
        AudioEvidenceAnalyzer.FileRead copied = analyzer.read(evidence("padded.wav"), padded, ZoneId.of("UTC"), dir);
        assertEquals(1, Files.list(dir).filter(p -> p.toString().endsWith(".pcm")).count(), "one written copy");
        float[] expected = Lanes.read("dropout-500ms.wav");
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(samples(mapped.samples().get(0))));
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(samples(copied.samples().get(0))));
        assertEquals(1, mapped.findings().size(), mapped.findings().toString());
        assertEquals(mapped.findings(), copied.findings());
        assertEquals(java.util.Arrays.toString(mapped.pyramids().get(0)),
                java.util.Arrays.toString(copied.pyramids().get(0)));
        float[] envelope = EnvelopeCorrelation.envelope(CorrelationInput.ofFloats(expected, 8000));
        assertEquals(java.util.Arrays.toString(envelope),
                java.util.Arrays.toString(mapped.samples().get(0).energyEnvelope()));
        assertEquals(java.util.Arrays.toString(envelope),
                java.util.Arrays.toString(copied.samples().get(0).energyEnvelope()));
        try (WavReader r = WavReader.open(padded)) {
            assertEquals(4, r.blockAlignBytes());
        }
    }

    /**
     * A WAV read straight from the vault gives the lane, pyramid, findings, samples and envelope the same file read
     * from disk gives, across vault chunk boundaries.
     */
    @Test
    void vaultedWavGivesWhatTheFileGives() throws Exception {
        Path wav = VaultEvidenceReaderTest.longSpeech(dir);
        try (io.seamline.casefile.CaseService service = io.seamline.casefile.TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new io.seamline.casefile.ImportRequest(List.of(wav), null, ""),
                    io.seamline.casefile.TaskMonitor.NONE).get(0);
            AudioEvidenceAnalyzer analyzer = new AudioEvidenceAnalyzer(null, GapThresholds.defaults(),
                    service.caseFile().connection());
            assertEquals(true, analyzer.readsInPlace(e));
            AudioEvidenceAnalyzer.FileRead fromFile = analyzer.read(e, wav, ZoneId.of("UTC"), dir);
            AudioEvidenceAnalyzer.FileRead vaulted = analyzer.readVaulted(e, dir.resolve("not-there/long-speech.wav"),
                    ZoneId.of("UTC"), dir);
            assertEquals(fromFile.lanes(), vaulted.lanes());
            assertEquals(fromFile.findings(), vaulted.findings());
            assertEquals(fromFile.warnings(), vaulted.warnings());
            assertArrayEquals(fromFile.pyramids().get(0), vaulted.pyramids().get(0));
            assertArrayEquals(samples(fromFile.samples().get(0)), samples(vaulted.samples().get(0)));
            assertArrayEquals(fromFile.samples().get(0).energyEnvelope(), vaulted.samples().get(0).energyEnvelope());
            float[] middle = new float[70_000];
            vaulted.samples().get(0).read(2_097_000, middle, 0, middle.length);
            float[] expected = new float[middle.length];
            fromFile.samples().get(0).read(2_097_000, expected, 0, expected.length);
            assertArrayEquals(expected, middle);
        }
    }

    /** The same WAV with block align 4: every 16-bit frame followed by two zero bytes. */
    private static byte[] padFrames(byte[] wav) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int dataAt = -1;
        int dataSize = 0;
        int fmtAt = -1;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int size = in.getInt(pos + 4);
            if (id.equals("fmt ")) {
                fmtAt = pos + 8;
            } else if (id.equals("data")) {
                dataAt = pos + 8;
                dataSize = size;
                break;
            }
            pos += 8 + size + (size & 1);
        }
        if (fmtAt < 0 || dataAt < 0) {
            throw new IOException("fixture without fmt or data chunk");
        }
        ByteBuffer out = ByteBuffer.allocate(dataAt + 2 * dataSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put(wav, 0, dataAt);
        for (int i = 0; i < dataSize; i += 2) {
            out.put(wav[dataAt + i]).put(wav[dataAt + i + 1]).put((byte) 0).put((byte) 0);
        }
        out.putInt(4, out.capacity() - 8);
        out.putInt(fmtAt + 8, in.getInt(fmtAt + 8) * 2);
        out.putShort(fmtAt + 12, (short) 4);
        out.putInt(dataAt - 4, 2 * dataSize);
        return out.array();
    }
}
