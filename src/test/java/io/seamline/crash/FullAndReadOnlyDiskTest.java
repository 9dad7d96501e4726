package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case on a small tmpfs that fills up, or that is remounted read-only: import and analyze fail with one
 * line naming the case and the problem, and the case keeps everything it held before.
 *
 * <p>Needs permission to mount (root on Linux); without it each test is skipped saying so.
 */
@Tag("slow")
class FullAndReadOnlyDiskTest {
    @TempDir
    Path dir;
    Path mount;
    boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        // A space and a hash in the path: the read-only case is opened through a percent-encoded file: URI.
        mount = Files.createDirectory(dir.resolve("tmp fs #1"));
        String result = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(result.isEmpty(), "cannot mount a 4 MiB tmpfs to fill (needs root): " + result);
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", mount.toString());
        }
    }

    @Test
    void anImportThatFillsTheDiskFailsInOneLineAndKeepsTheCase() throws Exception {
        Path casePath = caseWith(List.of(TestCases.fixture("recording.wav")));
        Path ballast = fillLeaving(512 * 1024);
        Path big = TestCases.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap");
        String before = sha256(big);
        CliErrorMessageTest.Run add = CliErrorMessageTest.Run.of("add", casePath, big);
        assertOneLine(add, casePath, "the disk is full; nothing was written");
        assertEquals(before, sha256(big), "the source file is untouched");
        assertCaseHolds(casePath, 1);
        Files.delete(ballast);
        assertEquals(0, CliErrorMessageTest.Run.of("add", casePath, big).exitCode(), "the case still takes evidence");
        assertCaseHolds(casePath, 2);
    }

    @Test
    void anAnalysisThatFillsTheDiskFailsInOneLineAndKeepsTheCase() throws Exception {
        Path casePath = caseWith(List.of(Path.of("src/test/resources/io/seamline/rtp/media-move/media-move.pcap"),
                TestCases.fixture("recording.wav")));
        Path ballast = fillLeaving(256 * 1024);
        CliErrorMessageTest.Run analyze = CliErrorMessageTest.Run.of("analyze", casePath);
        assertOneLine(analyze, casePath, "the disk is full; nothing was written");
        try (CaseService service = CaseService.open(casePath)) {
            CrashConsistencyTest.assertIntact(service, "after the full disk");
            assertEquals(0, CrashConsistencyTest.count(service.custody(), "analyze"));
        }
        Files.delete(ballast);
        assertEquals(0, CliErrorMessageTest.Run.of("analyze", casePath).exitCode(), "analysis runs once space is back");
    }

    @Test
    void aReadOnlyCaseRefusesWritesInOneLineAndLosesNothing() throws Exception {
        Path casePath = caseWith(List.of(TestCases.fixture("recording.wav")));
        String before = sha256(casePath);
        assertEquals("", run("mount", "-o", "remount,ro", mount.toString()));
        for (Object[] argv : List.of(new Object[] {"add", casePath, TestCases.fixture("edge-buffer.wav")},
                new Object[] {"analyze", casePath},
                new Object[] {"stitch", casePath, "--out", dir.resolve("stitched.wav")},
                new Object[] {"report", casePath, "--out", dir.resolve("report.pdf"), "--examiner-key-dir", dir.resolve("keys")},
                new Object[] {"export", casePath, "--out", dir.resolve("package"), "--examiner-key-dir", dir.resolve("keys")})) {
            CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of(argv);
            assertOneLine(run, casePath, "read-only");
        }
        assertFalse(Files.exists(dir.resolve("package")), "no package from a read-only case");
        assertEquals("", run("mount", "-o", "remount,rw", mount.toString()));
        assertEquals(before, sha256(casePath), "the case file is unchanged");
        assertCaseHolds(casePath, 1);
    }

    @Test
    void aCaseOnReadOnlyMediaOpensForVerifyAndShow() throws Exception {
        Path casePath = caseWith(List.of(TestCases.fixture("recording.wav")));
        String before = sha256(casePath);
        assertEquals("", run("mount", "-o", "remount,ro", mount.toString()));
        CliErrorMessageTest.Run verify = CliErrorMessageTest.Run.of("verify", casePath);
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("OK " + casePath), verify.out());
        for (String view : List.of("summary", "evidence", "custody")) {
            CliErrorMessageTest.Run show = CliErrorMessageTest.Run.of("show", casePath, view);
            assertEquals(0, show.exitCode(), view + ": " + show.out() + show.err());
            assertTrue(show.out().contains("recording.wav") || show.out().contains("import"), view + ": " + show.out());
        }
        try (CaseService service = CaseService.open(casePath)) {
            assertTrue(service.caseFile().readOnly());
            assertEquals(1, service.evidence().size());
        }
        assertFalse(Files.exists(casePath.resolveSibling(casePath.getFileName() + "-shm")), "no journal was made");
        assertEquals("", run("mount", "-o", "remount,rw", mount.toString()));
        assertEquals(before, sha256(casePath), "the case file is unchanged");
    }

    @Test
    void aReadOnlyCaseWithAnUncheckpointedJournalIsRefusedNamingTheJournal() throws Exception {
        Path source = Files.createDirectories(dir.resolve("open"));
        try (CaseService service = TestCases.newCase(source)) {
            Path open = service.caseFile().path();
            try (java.sql.Statement st = service.caseFile().connection().createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = 0");
            }
            service.addNote("journal", "committed to the WAL only", java.util.Map.of());
            Path wal = open.resolveSibling(open.getFileName() + "-wal");
            assertTrue(Files.size(wal) > 0, "the note is in the journal");
            Files.copy(open, mount.resolve("case.seamline"));
            Files.copy(wal, mount.resolve("case.seamline-wal"));
        }
        assertEquals("", run("mount", "-o", "remount,ro", mount.toString()));
        CliErrorMessageTest.Run verify = CliErrorMessageTest.Run.of("verify", mount.resolve("case.seamline"));
        assertOneLine(verify, mount.resolve("case.seamline"), "journal case.seamline-wal holds changes not yet in the case");
        assertEquals("", run("mount", "-o", "remount,rw", mount.toString()));
    }

    @Test
    void aReadOnlyCaseWithAHotRollbackJournalIsRefusedNamingTheJournal() throws Exception {
        // As a bulk import killed mid-way leaves it: the case file and the -journal of its open transaction.
        Path source = Files.createDirectories(dir.resolve("hot"));
        Path open;
        try (CaseService service = TestCases.newCase(source)) {
            open = service.caseFile().path();
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + open);
             java.sql.Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("PRAGMA cache_size = 1");
            st.execute("BEGIN IMMEDIATE");
            st.execute("UPDATE case_info SET title = 'half-written ' || title");
            st.execute("CREATE TABLE ballast (b BLOB)");
            st.execute("INSERT INTO ballast VALUES (zeroblob(1048576))");
            Path journal = open.resolveSibling(open.getFileName() + "-journal");
            assertTrue(Files.size(journal) > 0, "the open transaction has a rollback journal");
            Files.copy(open, mount.resolve("case.seamline"));
            Files.copy(journal, mount.resolve("case.seamline-journal"));
            st.execute("ROLLBACK");
        }
        assertEquals("", run("mount", "-o", "remount,ro", mount.toString()));
        CliErrorMessageTest.Run verify = CliErrorMessageTest.Run.of("verify", mount.resolve("case.seamline"));
        assertOneLine(verify, mount.resolve("case.seamline"), "journal case.seamline-journal holds changes");
        assertEquals("", run("mount", "-o", "remount,rw", mount.toString()));
        CliErrorMessageTest.Run writable = CliErrorMessageTest.Run.of("verify", mount.resolve("case.seamline"));
        assertEquals(0, writable.exitCode(), "writable again, SQLite rolls the journal back: " + writable.out()
                + writable.err());
    }

    @Test
    void anExportToAFullOrReadOnlyDiskFailsInOneLineAndLeavesNothing() throws Exception {
        Path casePath;
        try (CaseService service = TestCases.newCase(Files.createDirectories(dir.resolve("case")))) {
            casePath = service.caseFile().path();
            service.importEvidence(new ImportRequest(List.of(Path.of(
                    "src/test/resources/io/seamline/rtp/media-move/media-move.pcap"), TestCases.fixture("recording.wav")),
                    null, ""), TaskMonitor.NONE);
            new io.seamline.analysis.AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        String before = sha256(casePath);
        Path keys = dir.resolve("keys");
        Path ballast = fillLeaving(256 * 1024);
        for (String name : List.of("full.zip", "full")) {
            CliErrorMessageTest.Run export = CliErrorMessageTest.Run.of("export", casePath, "--out", mount.resolve(name),
                    "--examiner-key-dir", keys);
            assertOneLine(export, mount.resolve(name), "the disk is full; nothing was left there");
            assertLeftOnly(List.of("ballast.bin"));
        }
        Files.delete(ballast);
        assertEquals("", run("mount", "-o", "remount,ro", mount.toString()));
        CliErrorMessageTest.Run export = CliErrorMessageTest.Run.of("export", casePath, "--out", mount.resolve("ro.zip"),
                "--examiner-key-dir", keys);
        assertOneLine(export, mount.resolve("ro.zip"), "read-only");
        assertEquals("", run("mount", "-o", "remount,rw", mount.toString()));
        assertLeftOnly(List.of());
        try (CaseService service = CaseService.open(casePath)) {
            CrashConsistencyTest.assertIntact(service, "after the failed exports");
            assertEquals(0, CrashConsistencyTest.count(service.custody(), "export"));
        }
        CliErrorMessageTest.Run retry = CliErrorMessageTest.Run.of("export", casePath, "--out", mount.resolve("ok.zip"),
                "--examiner-key-dir", keys);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertTrue(Files.exists(mount.resolve("ok.zip")));
    }

    /** The tmpfs holds exactly these names (no partial package, no hidden working folder). */
    private void assertLeftOnly(List<String> names) throws IOException {
        try (var files = Files.list(mount)) {
            assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private Path caseWith(List<Path> evidence) throws Exception {
        try (CaseService service = TestCases.newCase(mount)) {
            service.importEvidence(new ImportRequest(evidence, null, ""), TaskMonitor.NONE);
            return service.caseFile().path();
        }
    }

    /** Writes a ballast file so that only about {@code freeBytes} stay free on the tmpfs. */
    private Path fillLeaving(long freeBytes) throws IOException {
        Path ballast = mount.resolve("ballast.bin");
        long size = Files.getFileStore(mount).getUsableSpace() - freeBytes;
        try (RandomAccessFile f = new RandomAccessFile(ballast.toFile(), "rw")) {
            byte[] block = new byte[64 * 1024];
            for (long written = 0; written < size; written += block.length) {
                f.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return ballast;
    }

    private static void assertCaseHolds(Path casePath, int evidence) throws Exception {
        try (CaseService service = CaseService.open(casePath)) {
            CrashConsistencyTest.assertIntact(service, "after the failed write");
            assertEquals(evidence, service.evidence().size());
            assertEquals(evidence, CrashConsistencyTest.count(service.custody(), "import"));
        }
    }

    private static void assertOneLine(CliErrorMessageTest.Run run, Path casePath, String problem) {
        String err = run.err();
        List<String> lines = err.lines().filter(l -> !l.isBlank() && !l.startsWith("\r")).toList();
        assertAll("stderr was [" + err + "]",
                () -> assertEquals(3, run.exitCode(), "exit code"),
                () -> assertEquals(1, lines.size(), "one line"),
                () -> assertTrue(err.contains(casePath.getFileName().toString()), "names the case"),
                () -> assertTrue(err.contains(problem), "says " + problem),
                () -> assertFalse(err.contains("Exception"), "no exception class"));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Runs a system command; returns "" on success, else its exit code and output. */
    private static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
