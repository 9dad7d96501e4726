package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationTest {
    @TempDir
    Path dir;

    @Test
    void anAnnotationIsKeptWithItsCustodyEntryAndAnEditIsCaught() throws Exception {
        Instant from = Instant.parse("2026-11-22T08:42:31.204000Z");
        Path path;
        try (CaseService service = TestCases.newCase(dir)) {
            path = service.caseFile().path();
            Annotation a = service.annotate(from, from.plusSeconds(17), null, "Agent says the customer repeated the number");
            assertEquals(from, a.startUtc());
            assertEquals("annotate", service.custody().get((int) a.custodySeq() - 1).action());
            assertEquals(1, service.annotations().size());
            VerificationReport clean = service.verify(TaskMonitor.NONE);
            assertTrue(clean.intact(), clean.problems().toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("UPDATE annotation SET text = 'nothing to see'");
        }
        try (CaseService service = CaseService.open(path)) {
            VerificationReport report = service.verify(TaskMonitor.NONE);
            assertFalse(report.intact());
            assertTrue(report.problems().get(0).startsWith("annotation 1 was changed after custody entry 2"),
                    report.problems().toString());
        }
    }
}
