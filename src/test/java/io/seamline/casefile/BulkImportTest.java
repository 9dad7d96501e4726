package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports large enough to go through the rollback journal ({@link CaseFile#inBulkTransaction}): they
 * must be as all-or-nothing as WAL imports, leave the case in WAL mode, and still work when another
 * connection holds the case open.
 */
@Tag("slow")
class BulkImportTest {
    private static final long SIZE = CaseService.BULK_IMPORT_BYTES + (8L << 20);

    @TempDir
    static Path shared;

    private static Path big;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeBigFile() throws Exception {
        big = shared.resolve("big.pcap");
        ImportTest.writePcapLike(big, SIZE);
    }

    @Test
    void bulkImportStoresTheFileAndLeavesTheCaseInWalMode() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            Evidence e = service.importEvidence(new ImportRequest(List.of(big), null, ""), TaskMonitor.NONE).get(0);
            assertEquals(SIZE, e.sizeBytes());
            assertEquals(ImportTest.sha256(big), e.sha256());
            assertEquals("wal", journalMode(service.caseFile().connection()));
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
        assertFalse(Files.exists(dir.resolve("case.seamline-journal")));
    }

    @Test
    void cancelledBulkImportLeavesNoTraceAndWalModeBack() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            ImportTest.Snapshot before = ImportTest.Snapshot.of(service);
            TaskMonitor cancelHalfway = new TaskMonitor() {
                private long done;

                @Override
                public void progress(String stage, long bytes, long total) {
                    done = bytes;
                }

                @Override
                public boolean isCancelled() {
                    return done > SIZE / 2;
                }
            };
            assertThrows(CancelledException.class,
                    () -> service.importEvidence(new ImportRequest(List.of(big), null, ""), cancelHalfway));
            assertEquals(before, ImportTest.Snapshot.of(service));
            assertEquals("wal", journalMode(service.caseFile().connection()));
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void bulkImportWhileAnotherConnectionReadsFallsBackToTheWal() throws Exception {
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
        }
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + casePath);
             CaseService service = CaseService.open(casePath)) {
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM custody")) {
                assertTrue(rs.next());
            }
            service.importEvidence(new ImportRequest(List.of(big), null, ""), TaskMonitor.NONE);
            assertEquals("wal", journalMode(service.caseFile().connection()));
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM evidence")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    @Test
    void bulkImportKilledHalfwayIsAbsentOnTheNextOpen() throws Exception {
        Path casePath;
        ImportTest.Snapshot before;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
            before = ImportTest.Snapshot.of(service);
        }
        Path halfway = dir.resolve("halfway");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                SlowImportInChildJvm.class.getName(), casePath.toString(), big.toString(), halfway.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(halfway) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(halfway), () -> "the child never got halfway: " + readQuietly(dir.resolve("child.log")));
        assertTrue(Files.exists(dir.resolve("case.seamline-journal")), "a bulk import writes a rollback journal");
        child.destroyForcibly();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        try (CaseService service = CaseService.open(casePath)) {
            assertEquals(before, ImportTest.Snapshot.of(service));
            assertEquals("wal", journalMode(service.caseFile().connection()));
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    private static String journalMode(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no log)";
        }
    }

    /** The child process: imports slowly and touches a marker file once half the bytes are in. */
    public static final class SlowImportInChildJvm {
        public static void main(String[] args) throws Exception {
            Path marker = Path.of(args[2]);
            try (CaseService service = CaseService.open(Path.of(args[0]))) {
                service.importEvidence(new ImportRequest(List.of(Path.of(args[1])), null, ""), new TaskMonitor() {
                    @Override
                    public void progress(String stage, long done, long total) {
                        if (done > total / 2) {
                            try {
                                if (!Files.exists(marker)) {
                                    Files.createFile(marker);
                                }
                                Thread.sleep(60_000);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                });
            }
        }
    }
}
