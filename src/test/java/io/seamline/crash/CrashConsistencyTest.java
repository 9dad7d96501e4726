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
import io.seamline.report.IntegrityReport;
import io.seamline.report.PackageVerifier;
import io.seamline.report.StitchRecord;
import io.seamline.stitch.StitchRequest;
import io.seamline.stitch.StitchService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL, {@link Process#destroyForcibly()}) at random moments while it imports into,
 * analyses, stitches or exports a case: afterwards the case always opens, {@code verify} is intact, and the
 * interrupted operation is either wholly present (its custody entry, its rows, its files) or wholly absent.
 *
 * <p>Stitch and export also write files outside the case, which cannot join the case's transaction. Both
 * write under a hidden temporary name, record the rename with their custody entry, and rename after the
 * commit; opening the case finishes a rename that a kill cut off (roll forward). So once the case is open
 * again, a recorded stitch or export has its complete files, and no file stands at a target without its
 * record.
 */
@Tag("slow")
class CrashConsistencyTest {
    /** Kills per operation: 36 over the four operations. */
    static final int KILLS_PER_OPERATION = 9;
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @TempDir
    static Path shared;
    private static Path failoverAnalysed;
    private static Path failoverStitched;

    /** Outcome counts of one kill series. */
    record Tally(int complete, int absent) {
        Tally plus(boolean wasComplete) {
            return wasComplete ? new Tally(complete + 1, absent) : new Tally(complete, absent + 1);
        }
    }

    /** The failover sample case (sample-cases/failover: sipp capture, cloud recording, SBC edge buffer) analysed. */
    static synchronized Path failoverAnalysed() throws Exception {
        if (failoverAnalysed == null) {
            List<Path> evidence;
            try (Stream<Path> files = Files.list(Path.of("sample-cases", "failover"))) {
                evidence = files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".wav")
                        || p.toString().endsWith(".wav.json")).sorted().toList();
            }
            Path folder = Files.createDirectories(shared.resolve("failover"));
            try (CaseService service = TestCases.newCase(folder)) {
                service.importEvidence(new ImportRequest(evidence, null, "before the crash"), TaskMonitor.NONE);
                new AnalysisService(service).analyze(TaskMonitor.NONE);
                failoverAnalysed = service.caseFile().path();
            }
        }
        return failoverAnalysed;
    }

    /** The analysed failover case stitched once (its stitched WAV stays beside it), for export. */
    static synchronized Path failoverStitched() throws Exception {
        if (failoverStitched == null) {
            Path folder = Files.createDirectories(shared.resolve("stitched"));
            Path copy = Files.copy(failoverAnalysed(), folder.resolve("case.seamline"));
            try (CaseService service = CaseService.open(copy)) {
                new StitchService(service).stitch(StitchRequest.to(folder.resolve("stitched.wav")), TaskMonitor.NONE);
            }
            failoverStitched = copy;
        }
        return failoverStitched;
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

    @Test
    void aKilledStitchLeavesItsRecordWithItsFilesOrNeither() throws Exception {
        Path base = failoverAnalysed();
        long uncutMs = uncut("stitch", base, 1, "OUT");
        Random random = new Random(3);
        Tally tally = new Tally(0, 0);
        for (int i = 0; i < KILLS_PER_OPERATION; i++) {
            Path copy = copyOf(base, "stitch-" + i);
            Path out = copy.resolveSibling("stitched.wav");
            Path manifest = StitchService.manifestPath(out);
            ChildJvm child = ChildJvm.start(dir.resolve("stitch-markers-" + i), false, "stitch", copy, out.toString());
            assertTrue(child.awaitStarted(START_TIMEOUT), "worker never opened the case: " + child.console());
            Thread.sleep(random.nextInt((int) (uncutMs * 13 / 10) + 1));
            boolean committedBeforeKill = child.done();
            child.kill();
            try (CaseService service = CaseService.open(copy)) {
                assertIntact(service, "stitch kill " + i);
                long entries = count(service.custody(), "stitch");
                Optional<StitchRecord> row = StitchRecord.latest(service);
                assertEquals(entries, row.isPresent() ? 1 : 0, "kill " + i + ": a stitch row and its custody entry");
                if (row.isPresent()) {
                    assertEquals(out.toString(), row.get().outputPath());
                    assertEquals(row.get().outputSha256(), sha256(out), "kill " + i + ": the recorded WAV is whole");
                    assertEquals(sha256(row.get().manifestJson().getBytes(StandardCharsets.UTF_8)), sha256(manifest),
                            "kill " + i + ": the recorded manifest is whole");
                    tally = tally.plus(true);
                } else {
                    assertFalse(committedBeforeKill, "kill " + i + ": the worker reported the stitch committed");
                    assertFalse(Files.exists(out), "kill " + i + ": a stitched WAV at its name without its record");
                    assertFalse(Files.exists(manifest), "kill " + i + ": a manifest at its name without its record");
                    tally = tally.plus(false);
                }
            }
        }
        record("stitch", uncutMs, tally);
        assertTrue(tally.absent() > 0, "no kill landed before the commit: " + tally);
    }

    @Test
    void aKilledExportLeavesACompletePackageOrNone() throws Exception {
        Path base = failoverStitched();
        Path keys = Files.createDirectories(shared.resolve("keys"));
        // The first export makes the examiner's key (an RSA key pair), which later exports reuse; time the second.
        uncut("export", base, 1, "OUT.zip", keys.toString());
        long uncutMs = uncut("export", "export-again", base, 1, "OUT.zip", keys.toString());
        Random random = new Random(11);
        Tally tally = new Tally(0, 0);
        PackageVerifier verifier = new PackageVerifier();
        for (int i = 0; i < KILLS_PER_OPERATION; i++) {
            Path copy = copyOf(base, "export-" + i);
            Path target = copy.resolveSibling(i % 2 == 0 ? "package.zip" : "package");
            ChildJvm child = ChildJvm.start(dir.resolve("export-markers-" + i), false, "export", copy,
                    target.toString(), keys.toString());
            assertTrue(child.awaitStarted(START_TIMEOUT), "worker never opened the case: " + child.console());
            Thread.sleep(random.nextInt((int) (uncutMs * 13 / 10) + 1));
            boolean committedBeforeKill = child.done();
            child.kill();
            try (CaseService service = CaseService.open(copy)) {
                assertIntact(service, "export kill " + i);
                long entries = count(service.custody(), "export");
                boolean present = Files.exists(target);
                if (entries == 1) {
                    assertTrue(present, "kill " + i + ": an export entry without its package");
                } else {
                    assertEquals(0, entries);
                    assertFalse(committedBeforeKill, "kill " + i + ": the worker reported the export committed");
                }
                if (present) {
                    IntegrityReport report = verifier.verify(target, TaskMonitor.NONE);
                    assertTrue(report.intact(), "kill " + i + ": a package at its name must be whole: "
                            + report.problems());
                }
                assertEquals(entries == 1, present, "kill " + i + ": a package at its name without its export entry");
                tally = tally.plus(entries == 1);
            }
            try (Stream<Path> left = Files.list(copy.getParent())) {
                for (Path p : left.toList()) {
                    String name = p.getFileName().toString();
                    assertTrue(name.startsWith("case.seamline") || name.startsWith(".seamline-export-")
                            || p.equals(target), "kill " + i + ": unexpected " + name);
                }
            }
        }
        record("export", uncutMs, tally);
        assertTrue(tally.absent() > 0, "no kill landed before the commit: " + tally);
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Keeps the figures of a series in target/crash-consistency.txt for docs/fuzzing.md. */
    private static void record(String mode, long uncutMs, Tally tally) throws Exception {
        Files.writeString(Path.of("target", "crash-consistency.txt"), String.format("%s: uncut %d ms, %d kills,"
                + " %d complete, %d absent%n", mode, uncutMs, KILLS_PER_OPERATION, tally.complete(),
                tally.absent()),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Runs the operation to its end once, checks it completed, and returns how long it took. */
    private long uncut(String mode, Path base, int entriesAfter, String... args) throws Exception {
        return uncut(mode, mode, base, entriesAfter, args);
    }

    /** As above, in folders named after {@code label}, so one operation can be timed twice. */
    private long uncut(String mode, String label, Path base, int entriesAfter, String... args) throws Exception {
        Path copy = copyOf(base, label + "-uncut");
        // "OUT" and "OUT.zip" stand for an output beside the copy.
        String[] resolved = java.util.Arrays.stream(args).map(a -> a.startsWith("OUT")
                ? copy.resolveSibling(a.equals("OUT") ? "stitched.wav" : "package.zip").toString() : a)
                .toArray(String[]::new);
        ChildJvm child = ChildJvm.start(dir.resolve(label + "-uncut-markers"), false, mode, copy, resolved);
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
