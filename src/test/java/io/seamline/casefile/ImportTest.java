package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is imported as {2} ({1})")
    @CsvSource({
        "shared:heplify-rtp_rtcp_sip_ipv4_udp.pcap, pcap, capture",
        "shared:heplify-erspan_sip_ipv4_udp.pcapng, pcapng, capture",
        "recording.wav, wav, recording",
        "edge-buffer.wav, bwf, edge-buffer",
        "recording.opus, ogg-opus, recording",
        "sidecar.json, json, metadata",
        "metadata.xml, xml, metadata"})
    void importsEachFormatDetectedFromContent(String name, String format, String kind) throws Exception {
        Path file = name.startsWith("shared:") ? TestCases.publicCapture(name.substring(7)) : TestCases.fixture(name);
        // Copy under a misleading extension: detection must look at content, not the name.
        Path renamed = Files.copy(file, dir.resolve("evidence.bin"));
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new ImportRequest(List.of(renamed), null, "from test"),
                    TaskMonitor.NONE).get(0);
            assertEquals(format, e.format().label());
            assertEquals(kind, e.kind().cliName());
            assertEquals(Files.size(file), e.sizeBytes());
            assertEquals(sha256(file), e.sha256());
            try (InputStream in = service.openOriginal(e.id())) {
                assertArrayEquals(Files.readAllBytes(file), in.readAllBytes());
            }
            CustodyEntry entry = service.custody().get(1);
            assertEquals("import", entry.action());
            assertTrue(entry.detailsJson().contains(e.sha256()));
            VerificationReport report = service.verify(TaskMonitor.NONE);
            assertTrue(report.intact(), report.problems().toString());
        }
    }

    @Test
    void asOverridesTheInferredKindWhenItFitsTheFormat() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new ImportRequest(List.of(TestCases.fixture("recording.wav")),
                    EvidenceKind.EDGE_BUFFER, ""), TaskMonitor.NONE).get(0);
            assertEquals(EvidenceKind.EDGE_BUFFER, e.kind());
            CaseFileException wrong = assertThrows(CaseFileException.class, () -> service.importEvidence(
                    new ImportRequest(List.of(TestCases.fixture("sidecar.json")), EvidenceKind.CAPTURE, ""),
                    TaskMonitor.NONE));
            assertTrue(wrong.getMessage().endsWith("sidecar.json: a json file cannot be imported as capture"),
                    wrong.getMessage());
        }
    }

    @Test
    void refusesTheSameBytesTwiceNamingTheExistingEvidence() throws Exception {
        Path copy = Files.copy(TestCases.fixture("recording.wav"), dir.resolve("copy-with-other-name.wav"));
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence first = service.importEvidence(new ImportRequest(List.of(TestCases.fixture("recording.wav")),
                    null, ""), TaskMonitor.NONE).get(0);
            DuplicateEvidenceException e = assertThrows(DuplicateEvidenceException.class,
                    () -> service.importEvidence(new ImportRequest(List.of(copy), null, ""), TaskMonitor.NONE));
            assertEquals(first.id(), e.existingId());
            assertTrue(e.getMessage().contains("already in the case as evidence " + first.id()), e.getMessage());
            assertEquals(1, service.evidence().size());
            assertEquals(2, service.custody().size());
        }
    }

    @Test
    void aRequestWithOneBadFileImportsNothing() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            Snapshot before = Snapshot.of(service);
            CaseFileException e = assertThrows(CaseFileException.class, () -> service.importEvidence(
                    new ImportRequest(List.of(TestCases.fixture("recording.wav"), TestCases.fixture("unknown.txt")),
                            null, ""), TaskMonitor.NONE));
            assertTrue(e.getMessage().contains("unknown.txt: unknown format"), e.getMessage());
            assertEquals(before, Snapshot.of(service));
        }
    }

    @Test
    void anImportCancelledHalfwayLeavesNoEvidenceChunkOrCustodyEntry() throws Exception {
        Path big = dir.resolve("big.pcap");
        writePcapLike(big, 3 * EvidenceVault.CHUNK_BYTES + 123);
        try (CaseService service = TestCases.newCase(dir)) {
            Snapshot before = Snapshot.of(service);
            TaskMonitor cancelAfterFirstChunk = new TaskMonitor() {
                private long seen;

                @Override
                public void progress(String stage, long done, long total) {
                    seen = done;
                }

                @Override
                public boolean isCancelled() {
                    return seen >= EvidenceVault.CHUNK_BYTES;
                }
            };
            assertThrows(CancelledException.class, () -> service.importEvidence(
                    new ImportRequest(List.of(big), null, ""), cancelAfterFirstChunk));
            assertEquals(before, Snapshot.of(service));
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void missingFileDirectoryAndEmptyFileAreRefusedByName() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        try (CaseService service = TestCases.newCase(dir)) {
            assertMessage(service, dir.resolve("missing.pcap"), "missing.pcap: no such file");
            assertMessage(service, dir, ": is a folder; name the files inside it");
            assertMessage(service, empty, "empty.wav: is empty");
            assertEquals(0, service.evidence().size());
        }
    }

    @Test
    void importLeavesTheOriginalUntouched() throws Exception {
        Path original = Files.copy(TestCases.fixture("edge-buffer.wav"), dir.resolve("sbc01.wav"));
        var modified = Files.getLastModifiedTime(original);
        String hash = sha256(original);
        try (CaseService service = TestCases.newCase(dir)) {
            service.importEvidence(new ImportRequest(List.of(original), null, ""), TaskMonitor.NONE);
        }
        assertEquals(hash, sha256(original));
        assertEquals(modified, Files.getLastModifiedTime(original));
    }

    private static void assertMessage(CaseService service, Path file, String expectedEnd) {
        CaseFileException e = assertThrows(CaseFileException.class,
                () -> service.importEvidence(new ImportRequest(List.of(file), null, ""), TaskMonitor.NONE));
        assertTrue(e.getMessage().endsWith(expectedEnd), e.getMessage());
    }

    /** A pcap global header followed by pseudo-random bytes: detected as pcap, incompressible. */
    static void writePcapLike(Path path, long size) throws Exception {
        byte[] header = HexFormat.of().parseHex("d4c3b2a1020004000000000000000000ffff000001000000");
        Random random = new Random(42);
        try (var out = Files.newOutputStream(path)) {
            out.write(header);
            byte[] block = new byte[1 << 20];
            long left = size - header.length;
            while (left > 0) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Row counts and the custody head, enough to see that nothing was written. */
    record Snapshot(long evidence, long chunks, long custody, String head) {
        static Snapshot of(CaseService service) throws Exception {
            try (Statement st = service.caseFile().connection().createStatement()) {
                return new Snapshot(count(st, "evidence"), count(st, "vault_chunk"), count(st, "custody"),
                        text(st, "SELECT hash FROM custody_head"));
            }
        }

        private static long count(Statement st, String table) throws Exception {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static String text(Statement st, String sql) throws Exception {
            try (ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
