package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPdfVerifierTest {

    @TempDir
    static Path shared;

    static SigningIdentity examiner;
    static byte[] unsigned;
    static byte[] signed;

    @TempDir
    Path dir;

    @BeforeAll
    static void signOnce() throws Exception {
        examiner = new ExaminerKeyStore(shared.resolve("config")).examinerIdentity("Ada Examiner");
        unsigned = SampleReportPdf.threePages();
        signed = new PdfSigner(examiner, null).signPdf(unsigned,
                new SignatureDetails("Ada Examiner", "Chain of custody", null, null, Instant.now()));
    }

    private PdfVerificationResult verify(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return new SignedPdfVerifier().verify(file);
    }

    @Test
    void checksTheSignerAgainstTheFingerprintGivenOutOfBand() throws Exception {
        Path file = dir.resolve("report.pdf");
        Files.write(file, signed);
        String right = examiner.certificateSha256Hex();
        String asOpensslPrintsIt = right.toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
        String wrong = "00" + right.substring(2);

        PdfVerificationResult accepted = new SignedPdfVerifier().verify(file, asOpensslPrintsIt);
        PdfVerificationResult refused = new SignedPdfVerifier().verify(file, wrong);

        assertTrue(accepted.valid(), String.join("\n", accepted.failures()));
        assertEquals(List.of("report.pdf: signature 1 certificate SHA-256 " + right + " is not the expected " + wrong
                + ": someone else signed"), refused.failures());
    }

    @Test
    void reportsUnsignedPdf() throws Exception {
        PdfVerificationResult result = verify("unsigned.pdf", unsigned);

        assertFalse(result.valid());
        assertEquals(List.of("unsigned.pdf: no signature found: the file is not signed"), result.failures());
    }

    @Test
    void reportsFileThatIsNotAPdf() throws Exception {
        PdfVerificationResult result = verify("notes.pdf", "call 4001 was recorded twice\n".getBytes(StandardCharsets.US_ASCII));

        assertFalse(result.valid());
        assertEquals(1, result.failures().size());
        assertTrue(result.failures().get(0).startsWith("notes.pdf: not a PDF that can be parsed: "), result.failures().get(0));
    }

    @Test
    void reportsAlteredSignatureValueWhileTheDigestStillMatches() throws Exception {
        byte[] bytes = signed.clone();
        // The RSA signature value sits in the /Contents hole, outside the signed ranges: flipping one of
        // its hex digits leaves the document digest intact but breaks the signature itself.
        byte[] value = PdfSignerTest.onlySigner(signed).getSignature();
        String hex = HexFormat.of().withUpperCase().formatHex(value);
        int at = PdfSignerTest.indexOf(bytes, hex.getBytes(StandardCharsets.US_ASCII)) + 10;
        bytes[at] = (byte) (bytes[at] == '0' ? '1' : '0');
        Path file = dir.resolve("report.pdf");
        Files.write(file, bytes);

        PdfVerificationResult result = new SignedPdfVerifier().verify(file);
        String pdfsig = Pdfsig.run(file);

        assertEquals(List.of("report.pdf: signature 1 signature value does not verify with the certificate's public key: "
                + "the signature was altered or made with another key"), result.failures());
        assertTrue(pdfsig.contains("Signature is Invalid."), pdfsig);
    }

    @Test
    void reportsTruncatedSignedFile() throws Exception {
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }

        PdfVerificationResult result = verify("report.pdf", Arrays.copyOf(signed, signed.length - 200));

        assertEquals(List.of("report.pdf: signature 1 ByteRange " + Arrays.toString(range) + " reaches past the end of the "
                + (signed.length - 200) + "-byte file: the file was truncated"), result.failures());
    }

    @Test
    void everySingleByteChangeInsideTheSignedRangesIsAFailureAndNothingThrows() throws Exception {
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        Path file = dir.resolve("mutant.pdf");
        SignedPdfVerifier verifier = new SignedPdfVerifier();
        int signedLength = range[1] + range[3];
        // 80 positions spread evenly over the signed bytes (both ranges), each byte XORed with 0x01.
        for (int i = 0; i < 80; i++) {
            int offset = (int) ((long) i * (signedLength - 1) / 79);
            int at = offset < range[1] ? offset : range[2] + (offset - range[1]);
            byte[] mutant = signed.clone();
            mutant[at] ^= 0x01;
            Files.write(file, mutant);
            assertFalse(verifier.verify(file).valid(), "a change at byte " + at + " went unnoticed");
        }
        // 40 positions in the /Contents hole. Inside the CMS object the verdict depends on which field the
        // byte belongs to, but it must be a result, never an exception; in the zero padding after it the
        // signature stays valid (the hole is not signed) and the verifier notes the stray bytes.
        int derHexEnd = range[1] + 1 + 2 * PdfSignerTest.cms(signed).getEncoded("DER").length;
        int paddingChecked = 0;
        for (int i = 0; i < 40; i++) {
            int at = range[1] + (int) ((long) i * (range[2] - range[1] - 1) / 39);
            byte[] mutant = signed.clone();
            mutant[at] ^= 0x01;
            Files.write(file, mutant);
            PdfVerificationResult result = verifier.verify(file);
            if (at >= derHexEnd && at < range[2] - 1) {
                assertTrue(result.valid(), "padding byte " + at + ": " + result.failures());
                assertTrue(result.notes().contains("mutant.pdf: signature 1 /Contents has non-zero bytes after the CMS object; "
                        + "they are outside the signature and ignored"), String.join("\n", result.notes()));
                paddingChecked++;
            }
        }
        assertTrue(paddingChecked > 20, "padding positions: " + paddingChecked);
    }

    @Test
    void byteRangeMustFrameTheContentsHoleAndStayInsideTheFile() {
        assertNull(SignedPdfVerifier.byteRangeProblem(new int[] {0, 100, 200, 50}, 250));
        assertEquals("ByteRange has 2 numbers instead of 4", SignedPdfVerifier.byteRangeProblem(new int[] {0, 100}, 250));
        assertEquals("ByteRange starts at byte 10, not 0: the start of the file is not signed",
                SignedPdfVerifier.byteRangeProblem(new int[] {10, 100, 200, 50}, 250));
        assertEquals("ByteRange [0, 100, 101, 50] is not two ranges around a /Contents hole",
                SignedPdfVerifier.byteRangeProblem(new int[] {0, 100, 101, 50}, 250));
        assertEquals("ByteRange [0, 100, 200, -5] is not two ranges around a /Contents hole",
                SignedPdfVerifier.byteRangeProblem(new int[] {0, 100, 200, -5}, 250));
        assertEquals("ByteRange [0, 100, 200, 2147483647] reaches past the end of the 250-byte file: the file was truncated",
                SignedPdfVerifier.byteRangeProblem(new int[] {0, 100, 200, Integer.MAX_VALUE}, 250));
    }

    @Test
    void holeMustBeExactlyOneHexString() {
        byte[] file = "....<30820A0B>....".getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(new byte[] {0x30, (byte) 0x82, 0x0A, 0x0B}, SignedPdfVerifier.holeContents(file, 4, 14));
        assertNull(SignedPdfVerifier.holeContents(file, 3, 14), "starts before '<'");
        assertNull(SignedPdfVerifier.holeContents(file, 4, 13), "ends before '>'");
        assertNull(SignedPdfVerifier.holeContents("<3082 0A0B>".getBytes(StandardCharsets.US_ASCII), 0, 11), "space inside");
        assertNull(SignedPdfVerifier.holeContents("<308>".getBytes(StandardCharsets.US_ASCII), 0, 5), "odd digit count");
    }

    @Test
    void missingFileIsAnIOExceptionNamingIt() {
        Path missing = dir.resolve("gone.pdf");

        IOException e = assertThrows(IOException.class, () -> new SignedPdfVerifier().verify(missing));

        assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
    }
}
