package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.GapRecord;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed report of a failover case made with real tools: what it says, that it fits, that pdfsig accepts it. */
class ReportServiceTest {
    @TempDir
    Path dir;

    private ReportResult report(Path casePath, Path pdf, PaperSize paper) throws Exception {
        try (CaseService service = CaseService.open(casePath)) {
            return new ReportService(service).write(ReportRequest.selfSigned(pdf, paper, dir.resolve("keys")),
                    TaskMonitor.NONE);
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void pdfsigSaysTheSignatureIsValidAndCoversTheTotalDocument() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = dir.resolve("report.pdf");
        ReportResult result = report(casePath, pdf, PaperSize.A4);
        String pdfsig = Pdfsig.run(pdf);
        assertTrue(pdfsig.contains("Signature Validation: Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(pdfsig.contains("CN=Ada Examiner"), pdfsig);
        assertTrue(result.selfSigned());
        assertEquals(Sha256Sums.of(pdf), result.sha256());
    }

    @Test
    void theReportIsRecordedInCustodyAfterSigningWithItsSha256() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = dir.resolve("report.pdf");
        long before;
        try (CaseService service = CaseService.open(casePath)) {
            before = service.custody().get(service.custody().size() - 1).seq();
        }
        ReportResult result = report(casePath, pdf, PaperSize.A4);
        try (CaseService service = CaseService.open(casePath)) {
            CustodyEntry last = service.custody().get(service.custody().size() - 1);
            assertEquals("report", last.action());
            assertEquals(before + 1, last.seq());
            assertEquals(result.custodySeq(), last.seq());
            var details = CanonicalJson.read(last.detailsJson());
            assertEquals(Sha256Sums.of(pdf), details.get("sha256").asText());
            assertEquals(before, details.get("custodyListedUpTo").asLong());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
        String text = text(pdf);
        assertTrue(text.contains("listed up to entry " + before), "the PDF says where its custody listing stops");
        assertFalse(text.contains("#" + (before + 1) + " "), "the report's own entry cannot be inside it");
    }

    @Test
    void findingsComeFirstInPlainWordsNamingTheHandoffAndWhetherTheGapIsFilled() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = dir.resolve("report.pdf");
        ReportResult result = report(casePath, pdf, PaperSize.A4);
        String text = text(pdf).replace("\n", " ");
        int findings = text.indexOf("1 Findings in plain words");
        int evidence = text.indexOf("2 Evidence");
        int timeline = text.indexOf("3 Timeline");
        int custody = text.indexOf("7 Custody log");
        int verify = text.indexOf("9 How to verify this report");
        assertTrue(findings > 0 && findings < evidence && evidence < timeline && timeline < custody && custody < verify,
                "sections in order: " + findings + " " + evidence + " " + timeline + " " + custody + " " + verify);
        assertTrue(text.contains("The recording " + FailoverCase.RECORDING + " lost 15."), text);
        assertTrue(text.contains("during a media-server handoff: SSRC 0xCA110000"), text);
        assertTrue(text.contains("a re-INVITE at"), text);
        assertTrue(text.contains("SSRC 0xCA110001"), text);
        assertTrue(text.contains("Not filled"), text);
        assertTrue(text.contains("SELF-SIGNED"), text);
        assertTrue(text.contains("CC-2026-0117"), text);
        assertTrue(text.contains("Europe/London"), text);
        assertTrue(text.contains("page 1 of " + result.pages()), text);
        assertTrue(text.contains("page " + result.pages() + " of " + result.pages()), text);
        assertTrue(text.contains("sha256sum -c SHA256SUMS"), text);
        assertTrue(text.contains("Time axis in UTC; case time zone Europe/London"), text);
    }

    @Test
    void aStitchThatCoversTheGapIsNamedWithItsSourceAndConfidence() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path stitched = dir.resolve("stitched.wav");
        FailoverCase.writeWav(stitched, new short[8000], 8000);
        try (CaseService service = CaseService.open(casePath)) {
            GapRecord gap = new io.seamline.analysis.AnalysisService(service).results().gaps().stream()
                    .filter(g -> g.kind().equals("dropout")).findFirst().orElseThrow();
            FailoverCase.addStitch(service, stitched, gap.startUtc(), gap.endUtc());
        }
        Path pdf = dir.resolve("report.pdf");
        report(casePath, pdf, PaperSize.A4);
        String text = text(pdf).replace("\n", " ");
        assertTrue(text.contains("Filled from sbc01-edge-buffer.wav"), text);
        assertTrue(text.contains("alignment confidence 0.98"), text);
        assertTrue(text.contains("\"sbc01-edge-buffer.wav\""), "the manifest is printed");
        // -Dseamline.report.preview=FILE keeps this report for looking at (docs/report-page-*.png come from it).
        String keep = System.getProperty("seamline.report.preview");
        if (keep != null) {
            Files.copy(pdf, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void everyLineFitsItsPageOnA4AndLetter() throws Exception {
        for (PaperSize paper : PaperSize.values()) {
            Path casePath = FailoverCase.copyInto(Files.createDirectory(dir.resolve(paper.name())));
            Path pdf = dir.resolve(paper + ".pdf");
            report(casePath, pdf, paper);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDRectangle expected = paper.rectangle();
                List<String> outside = new ArrayList<>();
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    PDRectangle box = doc.getPage(i).getMediaBox();
                    assertEquals(expected.getWidth(), box.getWidth(), 0.01);
                    assertEquals(expected.getHeight(), box.getHeight(), 0.01);
                }
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String string, List<TextPosition> positions) throws IOException {
                        for (TextPosition p : positions) {
                            float right = p.getXDirAdj() + p.getWidthDirAdj();
                            if (p.getXDirAdj() < 20 || right > p.getPageWidth() - 20 || p.getYDirAdj() < 20
                                    || p.getYDirAdj() > p.getPageHeight() - 20) {
                                outside.add("page " + getCurrentPageNo() + ": '" + string + "' at x=" + right);
                                break;
                            }
                        }
                        super.writeString(string, positions);
                    }
                };
                stripper.getText(doc);
                assertTrue(outside.isEmpty(), paper + ": " + outside);
            }
        }
    }

    @Test
    void aChangedByteMakesPdfsigReportAMismatchAndVerifyNameTheFile() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = dir.resolve("report.pdf");
        report(casePath, pdf, PaperSize.A4);
        byte[] bytes = Files.readAllBytes(pdf);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        at = at > 0 ? at + 1 : bytes.length / 3;
        bytes[at] ^= 0x01;
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        String pdfsig = Pdfsig.run(tampered);
        assertFalse(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Digest Mismatch"), pdfsig);
        IntegrityReport verdict = new PackageVerifier().verify(tampered, TaskMonitor.NONE);
        assertFalse(verdict.intact());
        assertTrue(verdict.problems().get(0).startsWith("tampered.pdf: "), verdict.problems().toString());
        assertTrue(new PackageVerifier().verify(pdf, TaskMonitor.NONE).intact());
    }

    @Test
    void withATimestampAuthorityTheSignatureCarriesAnRfc3161TokenAndTheCoverNamesIt() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = dir.resolve("report.pdf");
        try (LocalTsa tsa = new LocalTsa(); CaseService service = CaseService.open(casePath)) {
            tsa.mode(LocalTsa.Mode.GRANT);
            new ReportService(service).write(new ReportRequest(pdf, PaperSize.A4, null, dir.resolve("keys"),
                    new HttpTimestampClient(tsa.url()), tsa.url().toString()), TaskMonitor.NONE);
            assertEquals(1, tsa.requestCount());
            PdfVerificationResult result = new SignedPdfVerifier().verify(pdf);
            assertTrue(result.valid(), result.failures().toString());
            assertTrue(result.signatures().get(0).timestampUtc().isPresent(), "RFC 3161 token in the signature");
            assertTrue(text(pdf).contains("RFC 3161 from " + tsa.url()), "the cover names the authority");
        }
        assertTrue(Pdfsig.run(pdf).contains("Signature is Valid."));
    }

    @Test
    void withMoreThanAHundredGapsTheLongestAreExplainedAndEveryGapIsTabled() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        ReportContent content;
        try (CaseService service = CaseService.open(casePath)) {
            content = ReportContent.read(service);
        }
        GapRecord real = content.gaps().get(0);
        List<GapRecord> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double sec = 0.5 + i * 0.01;
            many.add(new GapRecord(real.laneId(), real.lane(), real.evidenceId(), real.startUtc().plusMillis(i * 20L),
                    real.startUtc().plusMillis(i * 20L + 10), real.startSec(), real.endSec(), sec, real.kind(),
                    real.cause(), real.causeDetail(), real.confidence(), real.thresholds()));
        }
        ReportContent crowded = new ReportContent(content.info(), content.evidence(), content.custody(), content.calls(),
                content.sipMessages(), content.streams(), content.events(), content.lanes(), many, content.alignments(),
                content.timeline(), content.pyramids(), content.stitch());
        SigningIdentity identity = new ExaminerKeyStore(dir.resolve("keys")).examinerIdentity("Ada Examiner");
        Path pdf = dir.resolve("crowded.pdf");
        Files.write(pdf, ReportService.render(crowded, PaperSize.A4, identity, java.time.Instant.now()));
        String text = text(pdf).replace("\n", " ");
        assertTrue(text.contains("150 gaps were found. The 100 longest are described here"), text);
        assertTrue(text.contains("4 Every gap"));
        assertTrue(text.contains("4.100 Gap 100"));
        assertFalse(text.contains("4.101 Gap 101"));
        assertTrue(new SignedPdfVerifier().verify(pdf).valid());
    }

    @Test
    void textTheFontsCannotShowIsReplacedAndTheReportStillSigns() throws Exception {
        Path casePath = dir.resolve("odd.seamline");
        try (CaseService service = CaseService.create(new io.seamline.casefile.NewCaseRequest(casePath,
                "\u7535\u8bdd \ud83d\udcde Anruf \u00fcber Vermittlung", "N\u00ba 7", "\u00c5sa \u00d8stergaard",
                java.time.ZoneId.of("Asia/Tokyo")))) {
            service.importEvidence(new io.seamline.casefile.ImportRequest(List.of(FailoverCase.capture()), null, ""),
                    TaskMonitor.NONE);
        }
        Path pdf = dir.resolve("odd.pdf");
        report(casePath, pdf, PaperSize.LETTER);
        String text = text(pdf);
        assertTrue(text.contains("?? ? Anruf \u00fcber Vermittlung"), "CJK and emoji have no DejaVu glyph: " + text);
        assertTrue(text.contains("\u00c5sa \u00d8stergaard"));
        assertTrue(text.contains("run 'seamline analyze'"), "an unanalysed case says so");
        assertTrue(Pdfsig.run(pdf).contains("Signature is Valid."));
    }

    @Test
    void anOrganisationKeystoreSignsAndTheCoverSaysTheCertificateIsIssued() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path keystore = Path.of(ReportServiceTest.class.getResource("/io/seamline/report/org-examiner.p12").toURI());
        SigningIdentity org = ExaminerKeyStore.loadPkcs12(keystore, "examiner", "test-storepass".toCharArray());
        Path pdf = dir.resolve("report.pdf");
        ReportResult result;
        try (CaseService service = CaseService.open(casePath)) {
            result = new ReportService(service).write(new ReportRequest(pdf, PaperSize.A4, org, dir.resolve("keys"),
                    null, null), TaskMonitor.NONE);
        }
        assertFalse(result.selfSigned());
        assertFalse(Files.exists(dir.resolve("keys")), "no self-signed key is made when a keystore is given");
        String text = text(pdf);
        assertTrue(text.contains("issued by an organisation's certificate authority"), text);
        assertFalse(text.contains("SELF-SIGNED"));
        String pdfsig = Pdfsig.run(pdf);
        assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), pdfsig);
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path casePath = FailoverCase.copyInto(dir);
        Path pdf = Files.writeString(dir.resolve("report.pdf"), "earlier");
        CaseFileException e = assertThrows(CaseFileException.class, () -> report(casePath, pdf, PaperSize.A4));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("earlier", Files.readString(pdf));
        try (CaseService service = CaseService.open(casePath)) {
            assertTrue(service.custody().stream().noneMatch(c -> c.action().equals("report")));
        }
    }
}
