package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceVault;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultEvidenceReaderTest {
    @TempDir
    Path dir;

    /** The committed 36 s of espeak-ng speech repeated to about 9.2 MB: three vault chunks, the last one short. */
    static Path longSpeech(Path dir) throws IOException {
        short[] speech = TestWav.read(Lanes.path("align/speech-8k.wav"));
        short[] samples = new short[4_600_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = speech[i % speech.length];
        }
        Path wav = dir.resolve("long-speech.wav");
        TestWav.write(wav, samples, 8000);
        return wav;
    }

    @Test
    void readsTheOriginalBytesAcrossChunkBoundaries() throws Exception {
        Path wav = longSpeech(dir);
        byte[] expected = Files.readAllBytes(wav);
        assertTrue(expected.length > 2 * EvidenceVault.CHUNK_BYTES, "the fixture must span three chunks");
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new ImportRequest(List.of(wav), null, ""), TaskMonitor.NONE).get(0);
            VaultEvidenceReader reader = new VaultEvidenceReader(service.caseFile().connection(), e.id(),
                    e.sizeBytes());
            assertEquals(expected.length, reader.size());
            ByteBuffer all = ByteBuffer.allocate(expected.length);
            ByteBuffer odd = ByteBuffer.allocate(1_000_003);
            while (reader.read(odd.clear()) > 0) {
                all.put(odd.flip());
            }
            assertArrayEquals(expected, all.array());
            assertEquals(-1, reader.read(ByteBuffer.allocate(10)));

            int across = EvidenceVault.CHUNK_BYTES - 5;
            byte[] part = new byte[20];
            reader.readAt(across, part, 0, part.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, across, across + 20), part);
            reader.position(across);
            ByteBuffer some = ByteBuffer.allocate(20);
            reader.read(some);
            assertArrayEquals(part, some.array());
            assertEquals(across + 20, reader.position());

            assertThrows(IOException.class, () -> reader.readAt(expected.length - 4, part, 0, 8));
            assertThrows(NonWritableChannelException.class, () -> reader.write(ByteBuffer.allocate(1)));
            reader.close();
            assertThrows(ClosedChannelException.class, () -> reader.read(ByteBuffer.allocate(1)));
        }
    }

    @Test
    void rejectsAVaultChunkOfTheWrongSize() throws Exception {
        Path wav = longSpeech(dir);
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new ImportRequest(List.of(wav), null, ""), TaskMonitor.NONE).get(0);
            // A size larger than the vault holds: the last chunk is then shorter than expected.
            VaultEvidenceReader reader = new VaultEvidenceReader(service.caseFile().connection(), e.id(),
                    e.sizeBytes() + 10);
            IOException bad = assertThrows(IOException.class,
                    () -> reader.readAt(e.sizeBytes() - 4, new byte[8], 0, 8));
            assertTrue(bad.getMessage().contains("vault chunk 2 of evidence " + e.id()), bad.getMessage());
        }
    }
}
