package io.seamline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seamline report}, {@code export} and {@code verify PATH} on a case made from the media-move capture. */
class ReportCommandsTest {
    @TempDir
    Path dir;

    @Test
    void reportExportAndVerifyEachTargetKindWithExitCodes() throws Exception {
        Path casePath = dir.resolve("call.seamline");
        try (CaseService service = CaseService.create(new NewCaseRequest(casePath, "Media move", "CC-1", "Ada Examiner",
                ZoneId.of("UTC")))) {
            service.importEvidence(new ImportRequest(List.of(Path.of(ReportCommandsTest.class
                    .getResource("/io/seamline/rtp/media-move/media-move.pcap").toURI())), null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        Path keys = dir.resolve("keys");
        Path pdf = dir.resolve("report.pdf");
        CliRun report = CliRun.of("report", casePath, "--out", pdf, "--paper", "letter", "--examiner-key-dir", keys);
        assertEquals(0, report.exitCode(), report.out() + report.err());
        assertTrue(report.out().contains("self-signed certificate"), report.out());
        CliRun again = CliRun.of("report", casePath, "--out", pdf, "--examiner-key-dir", keys);
        assertEquals(3, again.exitCode());
        assertTrue(again.err().contains("report.pdf: already exists"), again.err());
        assertEquals(2, CliRun.of("report", casePath).exitCode(), "--out is required");
        CliRun paper = CliRun.of("report", casePath, "--out", dir.resolve("x.pdf"), "--paper", "a3", "--examiner-key-dir", keys);
        assertEquals(3, paper.exitCode());
        assertTrue(paper.err().contains("paper size 'a3' is not a4 or letter"), paper.err());

        Path keystore = Path.of(ReportCommandsTest.class.getResource("/io/seamline/report/org-examiner.p12").toURI());
        CliRun unset = CliRun.of("report", casePath, "--out", dir.resolve("org.pdf"), "--keystore", keystore,
                "--alias", "examiner", "--storepass-env", "SEAMLINE_TEST_VARIABLE_THAT_IS_NOT_SET");
        assertEquals(3, unset.exitCode());
        assertTrue(unset.err().contains("SEAMLINE_TEST_VARIABLE_THAT_IS_NOT_SET named by --storepass-env is unset"),
                unset.err());
        assertTrue(Files.notExists(dir.resolve("org.pdf")));

        Path zip = dir.resolve("package.zip");
        CliRun export = CliRun.of("export", casePath, "--out", zip, "--examiner-key-dir", keys);
        assertEquals(0, export.exitCode(), export.out() + export.err());
        for (Path target : new Path[] {casePath, pdf, zip}) {
            CliRun ok = CliRun.of("verify", target);
            assertEquals(0, ok.exitCode(), ok.out() + ok.err());
            assertTrue(ok.out().startsWith("OK "), ok.out());
        }
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(pdf, bytes);
        CliRun bad = CliRun.of("verify", pdf);
        assertEquals(1, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("FAILED report.pdf: "), bad.out());
        assertTrue(Files.list(keys).anyMatch(p -> p.getFileName().toString().startsWith("examiner-ada-examiner-")),
                "the self-signed key was made in the folder given, not the user's config folder");
    }
}
