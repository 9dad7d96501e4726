package io.seamline.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarMetadataReaderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final SidecarMetadataReader reader = new SidecarMetadataReader();

    @Test
    void readsJsonSidecarAndAgreeingFileName() throws IOException {
        SidecarMetadata md = reader.read(
                Fixtures.path("sbc01_a84b4c76e66710@pc33.example.com_20261122T084215.123Z.wav"), BERLIN);
        assertEquals(Optional.of("a84b4c76e66710@pc33.example.com"), md.callId());
        assertEquals(Optional.of("conv-7f3e2a"), md.conversationId());
        assertEquals(Optional.of(Instant.parse("2026-11-22T08:42:15.123456Z")), md.startUtc());
        assertEquals(Optional.of("sbc01"), md.recorder());
        assertEquals(List.of("sidecar:sbc01_a84b4c76e66710@pc33.example.com_20261122T084215.123Z.json",
                "file-name"), md.sources());
        assertTrue(md.warnings().isEmpty(), md.warnings().toString());
    }

    @Test
    void readsLocalTimestampInFileNameInCaseZone() throws IOException {
        SidecarMetadata md = reader.read(
                Fixtures.path("sbc02_3848276298220188511@atlanta.example.com_20261122-084215.wav"), BERLIN);
        assertEquals(Optional.of("3848276298220188511@atlanta.example.com"), md.callId());
        assertEquals(Optional.of(Instant.parse("2026-11-22T07:42:15Z")), md.startUtc());
        assertEquals(Optional.of("sbc02"), md.recorder());
        assertEquals(List.of("file-name"), md.sources());
    }

    @Test
    void findsNameDotWavDotJsonAndWarnsOnCallIdMismatch(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("sbc03_abc_def@host_20261122T084215Z.wav");
        Files.write(wav, new byte[0]);
        Files.writeString(dir.resolve(wav.getFileName() + ".json"),
                "{\"Call-ID\": \"other@host\", \"startUtc\": \"2026-11-22T09:42:15+01:00\"}");
        SidecarMetadata md = reader.read(wav, BERLIN);
        assertEquals(Optional.of("other@host"), md.callId());
        assertEquals(Optional.of(Instant.parse("2026-11-22T08:42:15Z")), md.startUtc());
        assertEquals(1, md.warnings().size());
        assertTrue(md.warnings().get(0).contains("'abc_def@host'"), md.warnings().get(0));
    }

    @Test
    void givesNothingForAPlainName(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("recording.wav");
        Files.write(wav, new byte[0]);
        assertTrue(reader.read(wav, BERLIN).isEmpty());
    }

    @Test
    void rejectsSidecarThatIsNotAJsonObject(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("recording.wav");
        Files.write(wav, new byte[0]);
        Path json = dir.resolve("recording.json");
        Files.writeString(json, "[1, 2");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> reader.read(wav, BERLIN));
        assertTrue(e.getMessage().startsWith(json.toString()) && e.getMessage().contains("not valid JSON"),
                e.getMessage());
    }
}
