package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSignerTest {

    @TempDir
    Path dir;

    @Test
    void pdfsigReportsValidSignatureOverTheWholeDocument() throws Exception {
        SigningIdentity identity = new ExaminerKeyStore(dir.resolve("config")).examinerIdentity("Ada Examiner");
        byte[] unsigned = SampleReportPdf.threePages();
        Path signed = dir.resolve("report.pdf");
        byte[] bytes = new PdfSigner(identity, null).signPdf(unsigned,
                new SignatureDetails("Ada Examiner", "Chain of custody", "Zürich", null, Instant.parse("2026-11-22T14:00:00Z")));
        Files.write(signed, bytes); Files.write(Path.of("/tmp/scratch-report.pdf"), bytes);
        String out = Pdfsig.run(signed, dir.resolve("nss"));
        System.out.println(out);
        assertTrue(out.contains("Signature is Valid"), out);
    }
}
