package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTimestampClientTest {

    @TempDir
    static Path shared;

    static SigningIdentity examiner;
    static byte[] unsigned;
    static LocalTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTsa() throws Exception {
        examiner = new ExaminerKeyStore(shared.resolve("config")).examinerIdentity("Ada Examiner");
        unsigned = SampleReportPdf.threePages();
        tsa = new LocalTsa();
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @BeforeEach
    void grant() {
        tsa.mode(LocalTsa.Mode.GRANT);
    }

    private Path sign(TimestampSource source) throws IOException {
        Path signed = dir.resolve("report.pdf");
        Files.write(signed, new PdfSigner(examiner, source).signPdf(unsigned,
                new SignatureDetails("Ada Examiner", "Chain of custody", null, null, Instant.now())));
        return signed;
    }

    @Test
    void timestampFromTheAuthorityIsEmbeddedAndVerified() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int requestsBefore = tsa.requestCount();

        Path signed = sign(new HttpTimestampClient(tsa.url()));
        Instant after = Instant.now();
        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);

        assertEquals(1, tsa.requestCount() - requestsBefore);
        assertEquals("application/timestamp-query", tsa.lastContentType());
        SignerInformation signer = PdfSignerTest.onlySigner(Files.readAllBytes(signed));
        assertNotNull(signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken));
        assertTrue(result.valid(), String.join("\n", result.failures()));
        Instant stamped = result.signatures().get(0).timestampUtc().orElseThrow();
        assertFalse(stamped.isBefore(before), stamped + " before " + before);
        assertFalse(stamped.isAfter(after), stamped + " after " + after);
        assertTrue(result.notes().contains("report.pdf: signature 1 timestamped " + stamped + " by " + LocalTsa.SUBJECT),
                String.join("\n", result.notes()));
    }

    @Test
    void pdfsigStillValidatesTheTimestampedSignature() throws Exception {
        Path signed = sign(new HttpTimestampClient(tsa.url()));

        String out = Pdfsig.run(signed);

        assertTrue(out.contains("Signature is Valid."), out);
        assertTrue(out.contains("Total document signed"), out);
    }

    @Test
    void timestampOverAnotherValueIsReportedByTheVerifier() throws Exception {
        HttpTimestampClient client = new HttpTimestampClient(tsa.url());
        // A token the authority really issued, but for other bytes than this signature's value.
        Path signed = sign(imprint -> client.timestamp(PdfSigner.sha256(new byte[] {1, 2, 3})));

        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);

        assertEquals(List.of("report.pdf: signature 1 timestamp does not cover this signature's value: it belongs to another signature"),
                result.failures());
    }

    @Test
    void authorityAnsweringHttpErrorFailsSigningNamingTheUrl() {
        tsa.mode(LocalTsa.Mode.HTTP_ERROR);

        IOException e = assertThrows(IOException.class, () -> sign(new HttpTimestampClient(tsa.url())));

        assertEquals("timestamp authority " + tsa.url() + " answered HTTP 503", e.getMessage());
    }

    @Test
    void authorityAnsweringGarbageFailsSigningNamingTheUrl() {
        tsa.mode(LocalTsa.Mode.GARBAGE);

        IOException e = assertThrows(IOException.class, () -> sign(new HttpTimestampClient(tsa.url())));

        assertTrue(e.getMessage().startsWith("timestamp authority " + tsa.url() + " sent an unusable reply: "), e.getMessage());
    }

    @Test
    void oversizedReplyIsRefusedWithoutReadingItWhole() {
        tsa.mode(LocalTsa.Mode.OVERSIZED);

        IOException e = assertThrows(IOException.class, () -> sign(new HttpTimestampClient(tsa.url())));

        assertEquals("timestamp authority " + tsa.url() + " sent more than " + HttpTimestampClient.MAX_REPLY_BYTES + " bytes",
                e.getMessage());
    }

    @Test
    void unreachableAuthorityFailsSigningNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/tsa");

        IOException e = assertThrows(IOException.class, () -> sign(new HttpTimestampClient(url)));

        assertTrue(e.getMessage().startsWith("timestamp authority " + url + " cannot be reached"), e.getMessage());
    }

    @Test
    void rejectsAuthorityUrlThatIsNotHttp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpTimestampClient(URI.create("file:///etc/passwd")));

        assertEquals("timestamp authority file:///etc/passwd must be an http or https URL", e.getMessage());
    }
}
