package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test alters the case behind Seamline's back, as someone with an SQLite shell could. */
class TamperTest {
    @TempDir
    Path dir;
    Path casePath;

    @BeforeEach
    void makeCaseWithTwoItems() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
            service.importEvidence(new ImportRequest(List.of(TestCases.fixture("recording.wav"),
                    TestCases.publicCapture("heplify-rtp_rtcp_sip_ipv4_udp.pcap")), null, ""), TaskMonitor.NONE);
            service.addNote("call 4711", "gap heard at 08:42", java.util.Map.of());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void aChangedByteInAVaultChunkNamesTheEvidenceAndChunk() throws Exception {
        flipByteOfChunk(1, 0, 100);
        List<String> problems = verify();
        assertHas(problems, "evidence 1 (recording.wav): vault chunk 0 was altered");
        assertHas(problems, "evidence 1 (recording.wav): SHA-256 of the vaulted bytes no longer matches");
        assertFalse(problems.stream().anyMatch(p -> p.contains("evidence 2")), problems.toString());
    }

    @Test
    void anEditedCustodyRowIsNamed() throws Exception {
        sql("DROP TRIGGER custody_no_update");
        sql("UPDATE custody SET subject = 'other.wav' WHERE seq = 2");
        assertHas(verify(), "custody entry 2 (import other.wav) was altered");
    }

    @Test
    void aDeletedCustodyRowInTheMiddleIsNamed() throws Exception {
        sql("DROP TRIGGER custody_no_delete");
        sql("DELETE FROM custody WHERE seq = 3");
        List<String> problems = verify();
        assertHas(problems, "custody entry 3 is missing");
        assertHas(problems, "evidence 2 (heplify-rtp_rtcp_sip_ipv4_udp.pcap): its import is not in the custody log");
    }

    @Test
    void aDeletedLastCustodyRowIsSeenThroughTheHead() throws Exception {
        sql("DROP TRIGGER custody_no_delete");
        sql("DELETE FROM custody WHERE seq = 4");
        assertHas(verify(), "custody log ends at entry 3 but its head records entry 4");
    }

    @Test
    void aDeletedEvidenceRowIsNamed() throws Exception {
        sql("PRAGMA foreign_keys = OFF");
        sql("DELETE FROM vault_chunk WHERE evidence_id = 2");
        sql("DELETE FROM evidence WHERE id = 2");
        assertHas(verify(), "evidence 2 imported by custody entry 3 is missing from the case");
    }

    @Test
    void anEditedEvidenceRowIsNamed() throws Exception {
        sql("UPDATE evidence SET original_name = 'innocent.wav' WHERE id = 1");
        assertHas(verify(), "evidence 1 (innocent.wav): its name was changed (custody log says recording.wav");
    }

    @Test
    void aDeletedVaultChunkIsNamed() throws Exception {
        sql("DELETE FROM vault_chunk WHERE evidence_id = 2 AND chunk_index = 0");
        List<String> problems = verify();
        assertHas(problems, "evidence 2 (heplify-rtp_rtcp_sip_ipv4_udp.pcap): the vault holds 0 chunks");
    }

    private void flipByteOfChunk(long evidenceId, int chunk, int offset) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + casePath)) {
            byte[] data;
            try (var ps = c.prepareStatement("SELECT data FROM vault_chunk WHERE evidence_id = ? AND chunk_index = ?")) {
                ps.setLong(1, evidenceId);
                ps.setInt(2, chunk);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    data = rs.getBytes(1);
                }
            }
            data[offset] ^= 0x01;
            try (var ps = c.prepareStatement("UPDATE vault_chunk SET data = ? WHERE evidence_id = ? AND chunk_index = ?")) {
                ps.setBytes(1, data);
                ps.setLong(2, evidenceId);
                ps.setInt(3, chunk);
                ps.executeUpdate();
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + casePath); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private List<String> verify() throws Exception {
        try (CaseService service = CaseService.open(casePath)) {
            VerificationReport report = service.verify(TaskMonitor.NONE);
            assertFalse(report.intact());
            return report.problems();
        }
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }
}
