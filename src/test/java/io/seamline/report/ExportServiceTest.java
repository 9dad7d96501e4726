package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.GapRecord;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.TaskMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence packages of a failover case made with real tools, checked with sha256sum and seamline's verifier. */
class ExportServiceTest {
    @TempDir
    Path dir;

    private Path caseWithStitch() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path stitched = dir.resolve("stitched.wav");
        FailoverCase.writeWav(stitched, new short[16_000], 8000);
        try (CaseService service = CaseService.open(casePath)) {
            GapRecord gap = new AnalysisService(service).results().gaps().get(0);
            FailoverCase.addStitch(service, stitched, gap.startUtc(), gap.endUtc());
        }
        return casePath;
    }

    private ExportResult export(Path casePath, Path target) throws Exception {
        try (CaseService service = CaseService.open(casePath)) {
            return new ExportService(service).export(ExportRequest.selfSigned(target, dir.resolve("keys")),
                    TaskMonitor.NONE);
        }
    }

    @Test
    void leftoversOfAKilledExportAreRemovedByTheNextOneButAnotherRunningExportsAreKept() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        // A dead process's working folder (with a copied original) and partial zip, and a live one's folder.
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        Path deadWork = Files.createDirectories(out.resolve(ExportService.WORK_PREFIX + dead + "-123/originals"));
        Files.writeString(deadWork.resolve("call.pcap"), "copied evidence");
        Path deadZip = Files.writeString(out.resolve(ExportService.WORK_PREFIX + dead + "-456.zip.partial"), "PK");
        Path liveWork = Files.createDirectories(out.resolve(ExportService.WORK_PREFIX
                + ProcessHandle.current().pid() + "-789"));
        export(casePath, out.resolve("package.zip"));
        assertFalse(Files.exists(deadWork.getParent()), "the killed export's working folder is removed");
        assertFalse(Files.exists(deadZip), "the killed export's partial zip is removed");
        assertTrue(Files.exists(liveWork), "a running export's working folder is kept");
    }

    private static String run(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue() + "\n" + out;
    }

    @Test
    void sha256sumAcceptsTheExportedFolderAndEveryFileIsListed() throws Exception {
        Path casePath = caseWithStitch();
        Path pkg = dir.resolve("package");
        ExportResult result = export(casePath, pkg);
        String check = run(pkg, "sha256sum", "-c", "--strict", "SHA256SUMS");
        assertTrue(check.startsWith("0\n"), check);
        for (String name : List.of("report.pdf", "README.txt", "originals/media-move.pcap",
                "originals/cloud-recording.wav", "stitch/stitched.wav", "stitch/manifest.json",
                "case/failover.seamline")) {
            assertTrue(check.contains(name + ": OK"), name + " in " + check);
        }
        long files;
        try (Stream<Path> walk = Files.walk(pkg)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertEquals(result.files(), files);
        assertEquals(Files.readString(pkg.resolve("SHA256SUMS")).lines().count() + 1, files,
                "every file but SHA256SUMS is listed");
        assertEquals(Sha256Sums.of(FailoverCase.capture()), Sha256Sums.of(pkg.resolve("originals/media-move.pcap")),
                "originals exactly as imported");
        assertTrue(new PackageVerifier().verify(pkg, TaskMonitor.NONE).intact(),
                () -> verifyText(pkg));
        try (CaseService service = CaseService.open(casePath)) {
            List<CustodyEntry> custody = service.custody();
            CustodyEntry last = custody.get(custody.size() - 1);
            assertEquals("export", last.action());
            assertEquals(Sha256Sums.of(pkg.resolve("SHA256SUMS")),
                    CanonicalJson.read(last.detailsJson()).get("sha256SumsSha256").asText());
            assertEquals("report", custody.get(custody.size() - 2).action());
            assertEquals(pkg.resolve("report.pdf").toString(),
                    CanonicalJson.read(custody.get(custody.size() - 2).detailsJson()).get("path").asText());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    private static String verifyText(Path p) {
        try {
            return new PackageVerifier().verify(p, TaskMonitor.NONE).problems().toString();
        } catch (CaseFileException e) {
            return e.getMessage();
        }
    }

    @Test
    void theCaseCopyInsideThePackageIsAConsistentVerifiableCase() throws Exception {
        Path casePath = caseWithStitch();
        Path pkg = dir.resolve("package");
        export(casePath, pkg);
        Path copy = dir.resolve("copy.seamline");
        Files.copy(pkg.resolve("case/failover.seamline"), copy);
        try (CaseService service = CaseService.open(copy)) {
            assertTrue(service.verify(TaskMonitor.NONE).intact());
            assertEquals(2, service.evidence().size());
            CustodyEntry last = service.custody().get(service.custody().size() - 1);
            assertEquals("report", last.action(), "the copy holds the custody log up to the report's entry");
        }
    }

    @Test
    void aTamperedOriginalOrManifestIsNamedByVerify() throws Exception {
        Path pkg = dir.resolve("package");
        export(caseWithStitch(), pkg);
        Path original = pkg.resolve("originals/cloud-recording.wav");
        byte[] bytes = Files.readAllBytes(original);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(original, bytes);
        Files.writeString(pkg.resolve("stitch/manifest.json"), "{\"segments\":[]}");
        IntegrityReport report = new PackageVerifier().verify(pkg, TaskMonitor.NONE);
        assertFalse(report.intact());
        String problems = String.join("\n", report.problems());
        assertTrue(problems.contains("originals/cloud-recording.wav: SHA-256 mismatch"), problems);
        assertTrue(problems.contains("stitch/manifest.json: SHA-256 mismatch"), problems);
        assertTrue(problems.contains("stitch/manifest.json: differs from the manifest stored in the case"), problems);
        assertFalse(problems.contains("report.pdf"), problems);
    }

    @Test
    void rewritingSha256SumsToMatchATamperedFileIsStillCaught() throws Exception {
        Path pkg = dir.resolve("package");
        export(caseWithStitch(), pkg);
        Path original = pkg.resolve("originals/media-move.pcap");
        byte[] bytes = Files.readAllBytes(original);
        bytes[100] ^= 0x01;
        Files.write(original, bytes);
        String sums = Files.readString(pkg.resolve("SHA256SUMS"));
        String oldSha = Sha256Sums.of(FailoverCase.capture());
        Files.writeString(pkg.resolve("SHA256SUMS"), sums.replace(oldSha, Sha256Sums.of(original)));
        IntegrityReport report = new PackageVerifier().verify(pkg, TaskMonitor.NONE);
        String problems = String.join("\n", report.problems());
        assertTrue(problems.contains("originals/media-move.pcap: matches no evidence in the case"), problems);
    }

    @Test
    void aZipPackageVerifiesAndATamperedOneIsNamed() throws Exception {
        Path casePath = caseWithStitch();
        Path zip = dir.resolve("package.zip");
        ExportResult result = export(casePath, zip);
        assertTrue(result.zip());
        assertEquals(Sha256Sums.of(zip), result.zipSha256());
        IntegrityReport ok = new PackageVerifier().verify(zip, TaskMonitor.NONE);
        assertTrue(ok.intact(), ok.problems().toString());
        assertEquals(IntegrityReport.Kind.PACKAGE_ZIP, ok.kind());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith(".seamline-export-")),
                "no working folder left behind");

        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));
        assertTrue(run(unpacked, "unzip", "-q", zip.toString()).startsWith("0\n"));
        Path pdf = unpacked.resolve("report.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 4] ^= 0x01;
        Files.write(pdf, bytes);
        Path repacked = dir.resolve("repacked.zip");
        assertTrue(run(unpacked, "zip", "-q", "-r", repacked.toString(), ".").startsWith("0\n"));
        IntegrityReport bad = new PackageVerifier().verify(repacked, TaskMonitor.NONE);
        String problems = String.join("\n", bad.problems());
        assertTrue(problems.contains("report.pdf: SHA-256 mismatch"), problems);
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("report.pdf: ") && !p.contains("SHA256SUMS")),
                "the signature check names the report too: " + problems);
    }

    @Test
    void aStitchWhoseFileChangedIsLeftOutAndTheReadmeSaysSo() throws Exception {
        Path casePath = caseWithStitch();
        Files.write(dir.resolve("stitched.wav"), new byte[] {1, 2, 3});
        Path pkg = dir.resolve("package");
        ExportResult result = export(casePath, pkg);
        assertFalse(Files.exists(pkg.resolve("stitch")));
        assertTrue(Files.readString(pkg.resolve("README.txt")).contains("No stitched recording is included"));
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(new PackageVerifier().verify(pkg, TaskMonitor.NONE).intact());
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path existing = Files.createDirectory(dir.resolve("package"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        assertThrows(CaseFileException.class, () -> export(casePath, existing));
        Path zip = Files.writeString(dir.resolve("package.zip"), "mine");
        CaseFileException e = assertThrows(CaseFileException.class, () -> export(casePath, zip));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(zip));
        assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
    }

    @Test
    void originalNamesAreMadeSafeAndUnique() {
        HashSet<String> used = new HashSet<>();
        assertEquals("passwd", ExportService.safeName("../../etc/passwd", "x"));
        assertEquals("evil.wav", ExportService.safeName("C:\\temp\\..\\evil.wav", "x"));
        assertEquals("x", ExportService.safeName("..", "x"));
        assertEquals("_CON.wav", ExportService.safeName("CON.wav", "x"));
        assertEquals("call.wav", ExportService.uniqueName("call.wav", 1, used));
        assertEquals("call (evidence 2).wav", ExportService.uniqueName("CALL.wav", 2, used).replace("CALL", "call"));
    }

    @Test
    void zipEntriesThatLeaveThePackageOrAreLinksAreRefused() throws Exception {
        for (String[] c : new String[][] {{"traversal.zip", "'../escaped.txt' refused"},
                {"absolute.zip", "'/tmp/absolute.txt' refused"}, {"symlink.zip", "'passwd' refused: it is a symbolic link"}}) {
            IntegrityReport report = new PackageVerifier().verify(fixture(c[0]), TaskMonitor.NONE);
            assertFalse(report.intact(), c[0]);
            assertTrue(report.problems().get(0).contains(c[1]), report.problems().toString());
        }
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("escaped.txt")));
    }

    @Test
    void aZipBombStopsAtTheSizeBound() throws Exception {
        IntegrityReport report = new PackageVerifier(16L * 1024 * 1024, 100).verify(fixture("bomb.zip"), TaskMonitor.NONE);
        assertFalse(report.intact());
        assertTrue(report.problems().get(0).contains("bytes uncompressed, more than the 16777216 bytes allowed"),
                report.problems().toString());
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ExportServiceTest.class.getResource("/io/seamline/report/zips/" + name).toURI());
    }
}
