package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover sample case (sample-cases/failover: sipp capture with a re-INVITE media move, cloud recording
 * with a spliced-out span, SBC edge buffer) exported as a package: the report explains the splice with the
 * re-INVITE the sample's expected.json names, pdfsig accepts it, and sha256sum accepts the package.
 */
class SampleFailoverReportTest {
    private static final Path SAMPLE = Path.of("sample-cases", "failover");

    @TempDir
    Path dir;

    @Test
    void theFailoverSamplePackageChecksOutWithPdfsigAndSha256sum() throws Exception {
        JsonNode expected = CanonicalJson.read(Files.readString(SAMPLE.resolve("expected.json")));
        List<Path> evidence;
        try (Stream<Path> files = Files.list(SAMPLE)) {
            evidence = files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".wav")).sorted()
                    .toList();
        }
        assertEquals(3, evidence.size(), evidence.toString());
        Path casePath = dir.resolve("failover.seamline");
        try (CaseService service = CaseService.create(new NewCaseRequest(casePath, "Failover sample", "S-1",
                "Ada Examiner", ZoneId.of(expected.get("caseZone").asText())))) {
            service.importEvidence(new ImportRequest(evidence, null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        Path pkg = dir.resolve("package");
        try (CaseService service = CaseService.open(casePath)) {
            new ExportService(service).export(ExportRequest.selfSigned(pkg, dir.resolve("keys")), TaskMonitor.NONE);
        }
        Process sums = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS").directory(pkg.toFile())
                .redirectErrorStream(true).start();
        String sumsOut = new String(sums.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sums.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, sums.exitValue(), sumsOut);
        String pdfsig = Pdfsig.run(pkg.resolve("report.pdf"));
        assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(new PackageVerifier().verify(pkg, TaskMonitor.NONE).intact());

        String text;
        try (PDDocument doc = Loader.loadPDF(pkg.resolve("report.pdf").toFile())) {
            text = new PDFTextStripper().getText(doc).replace("\n", " ");
        }
        Instant reInvite = Instant.parse(expected.get("sip").get("reInviteUtc").asText());
        assertTrue(text.contains("during a media-server handoff"), text);
        assertTrue(text.contains("a re-INVITE at " + FindingsWriter.clock(reInvite)), text);
        assertTrue(text.contains(expected.get("callId").asText()), text);
        assertTrue(text.contains("Not filled"), text);
    }
}
