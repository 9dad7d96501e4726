package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.DerivedTables;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import io.seamline.casefile.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL, {@link Process#destroyForcibly()}) at random moments while it imports into or
 * analyses a case: afterwards the case always opens, {@code verify} is intact, and the interrupted operation
 * is either wholly present (its custody entry and its rows) or wholly absent.
 *
 * <p>Stitch and export are not covered: {@code io.seamline.stitch.StitchService} and
 * {@code io.seamline.report.ExportService} did not exist on main when this test was written.
 */
@Tag("slow")
class CrashConsistencyTest {
    static final int KILLS_PER_OPERATION = 16;
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** Outcome counts of one kill series. */
    record Tally(int complete, int absent) {
        Tally plus(boolean wasComplete) {
            return wasComplete ? new Tally(complete + 1, absent) : new Tally(complete, absent + 1);
        }
    }

    @Test
    void aKilledImportIsWhollyPresentOrWhollyAbsent() throws Exception {
        Path base = baseCase("import-base", List.of(TestCases.fixture("recording.wav")));
        String[] files = {TestCases.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap").toAbsolutePath()
                .toString(), TestCases.publicCapture("heplify-rtp_rtcp_sip_ipv4_udp.pcap").toAbsolutePath().toString(),
                TestCases.fixture("edge-buffer.wav").toAbsolutePath().toString()};
        long uncutMs = uncut("import", base, 4, files);
        Random random = new Random(20261122);
        Tally tally = new Tally(0, 0);
        for (int i = 0; i < KILLS_PER_OPERATION; i++) {
            Path copy = copyOf(base, "import-" + i);
            ChildJvm child = ChildJvm.start(dir.resolve("import-markers-" + i), false, "import", copy, files);
            assertTrue(child.awaitStarted(START_TIMEOUT), "worker never opened the case: " + child.console());
            Thread.sleep(random.nextInt((int) (uncutMs * 13 / 10) + 1));
            boolean committedBeforeKill = child.done();
            child.kill();
            try (CaseService service = CaseService.open(copy)) {
                assertIntact(service, "import kill " + i);
                int evidence = service.evidence().size();
                long imports = count(service.custody(), "import");
                assertTrue(evidence == 1 && imports == 1 || evidence == 4 && imports == 4,
                        "kill " + i + ": " + evidence + " evidence rows and " + imports + " import entries");
                if (committedBeforeKill) {
                    assertEquals(4, evidence, "kill " + i + ": the worker reported the import committed");
                }
                tally = tally.plus(evidence == 4);
            }
        }
        record("import", uncutMs, tally);
        assertTrue(tally.absent() > 0, "no kill landed before the commit: " + tally);
    }

    @Test
    void aKilledAnalysisIsWhollyPresentOrWhollyAbsent() throws Exception {
        Path base = baseCase("analyze-base", List.of(
                Path.of("src/test/resources/io/seamline/rtp/media-move/media-move.pcap"),
                TestCases.fixture("recording.wav")));
        long uncutMs = uncut("analyze", base, 1);
        Random random = new Random(7);
        Tally tally = new Tally(0, 0);
        for (int i = 0; i < KILLS_PER_OPERATION; i++) {
            Path copy = copyOf(base, "analyze-" + i);
            ChildJvm child = ChildJvm.start(dir.resolve("analyze-markers-" + i), false, "analyze", copy);
            assertTrue(child.awaitStarted(START_TIMEOUT), "worker never opened the case: " + child.console());
            Thread.sleep(random.nextInt((int) (uncutMs * 13 / 10) + 1));
            boolean committedBeforeKill = child.done();
            child.kill();
            try (CaseService service = CaseService.open(copy)) {
                assertIntact(service, "analyze kill " + i);
                long analyses = count(service.custody(), "analyze");
                boolean derivedEmpty = DerivedTables.isEmpty(service.caseFile().connection());
                if (analyses == 0) {
                    assertTrue(derivedEmpty, "kill " + i + ": derived rows without an analyze entry");
                    assertFalse(committedBeforeKill, "kill " + i + ": the worker reported the analysis committed");
                } else {
                    assertEquals(1, analyses);
                    assertFalse(new AnalysisService(service).results().lanes().isEmpty(),
                            "kill " + i + ": an analyze entry without its lanes");
                }
                tally = tally.plus(analyses == 1);
            }
        }
        record("analyze", uncutMs, tally);
        assertTrue(tally.absent() > 0, "no kill landed before the commit: " + tally);
    }

    /** Keeps the figures of a series in target/crash-consistency.txt for docs/fuzzing.md. */
    private static void record(String mode, long uncutMs, Tally tally) throws Exception {
        Files.writeString(Path.of("target", "crash-consistency.txt"), String.format("%s: uncut %d ms, %d kills,"
                + " %d complete, %d absent%n", mode, uncutMs, KILLS_PER_OPERATION, tally.complete(), tally.absent()),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Runs the operation to its end once, checks it completed, and returns how long it took. */
    private long uncut(String mode, Path base, int entriesAfter, String... args) throws Exception {
        Path copy = copyOf(base, mode + "-uncut");
        ChildJvm child = ChildJvm.start(dir.resolve(mode + "-uncut-markers"), false, mode, copy, args);
        assertTrue(child.awaitStarted(START_TIMEOUT), child.console());
        long t0 = System.nanoTime();
        assertEquals(0, child.await(Duration.ofSeconds(120)), child.console() + child.error());
        long ms = Math.max(50, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(child.done(), child.console());
        try (CaseService service = CaseService.open(copy)) {
            assertIntact(service, mode + " uncut");
            assertEquals(entriesAfter, count(service.custody(), mode), "uncut " + mode + " custody entries");
        }
        return ms;
    }

    private Path baseCase(String name, List<Path> evidence) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        try (CaseService service = TestCases.newCase(folder)) {
            service.importEvidence(new ImportRequest(evidence, null, "before the crash"), TaskMonitor.NONE);
            return service.caseFile().path();
        }
    }

    private Path copyOf(Path base, String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        return Files.copy(base, folder.resolve("case.seamline"));
    }

    static void assertIntact(CaseService service, String when) throws Exception {
        VerificationReport report = service.verify(TaskMonitor.NONE);
        assertTrue(report.intact(), when + ": " + report.problems());
    }

    static long count(List<CustodyEntry> custody, String action) {
        return custody.stream().filter(e -> e.action().equals(action)).count();
    }
}
