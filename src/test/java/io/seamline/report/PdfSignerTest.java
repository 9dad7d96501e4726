package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSignerTest {

    static final SignatureDetails DETAILS = new SignatureDetails("Ada Examiner", "Chain of custody of case 2026-0417",
            "Zürich", "ada@example.org", Instant.now());

    @TempDir
    static Path shared;

    static SigningIdentity examiner;
    static byte[] unsigned;

    @TempDir
    Path dir;

    @BeforeAll
    static void createExaminerKeyAndReport() throws Exception {
        examiner = new ExaminerKeyStore(shared.resolve("config")).examinerIdentity("Ada Examiner");
        unsigned = SampleReportPdf.threePages();
    }

    private Path signed(String name, SigningIdentity identity, TimestampSource tsa) throws Exception {
        Path unsignedFile = dir.resolve("unsigned-" + name);
        Files.write(unsignedFile, unsigned);
        Path signed = dir.resolve(name);
        new PdfSigner(identity, tsa).signFile(unsignedFile, signed, DETAILS);
        return signed;
    }

    @Test
    void pdfsigReportsValidSignatureOverTheWholeDocument() throws Exception {
        Path signed = signed("report.pdf", examiner, null);

        String out = Pdfsig.run(signed);

        assertTrue(out.contains("Signature is Valid."), out);
        assertTrue(out.contains("Total document signed"), out);
        assertTrue(out.contains("Signature Type: ETSI.CAdES.detached"), out);
        assertTrue(out.contains("Signing Hash Algorithm: SHA-256"), out);
        assertTrue(out.contains("Signer Certificate Common Name: Ada Examiner"), out);
        assertTrue(out.contains("Signing Time: " + Pdfsig.TIME.format(DETAILS.signTimeUtc())), out);
    }

    @Test
    void signingAppendsAnIncrementalUpdateAfterTheUnchangedOriginal() throws Exception {
        byte[] signed = Files.readAllBytes(signed("report.pdf", examiner, null));

        assertTrue(signed.length > unsigned.length);
        assertArrayEquals(unsigned, Arrays.copyOf(signed, unsigned.length));
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertEquals(3, document.getNumberOfPages());
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertEquals(0, range[0]);
            assertEquals(signed.length, range[2] + range[3]);
            assertEquals("Ada Examiner", signature.getName());
            assertEquals("Chain of custody of case 2026-0417", signature.getReason());
            assertEquals(DETAILS.signTimeUtc(), signature.getSignDate().toInstant());
            assertEquals("Seamline", signature.getPropBuild().getApp().getName());
        }
    }

    @Test
    void cmsCarriesPadesSignedAttributesWithoutSigningTime() throws Exception {
        byte[] signed = Files.readAllBytes(signed("report.pdf", examiner, null));
        SignerInformation signer = onlySigner(signed);

        AttributeTable attributes = signer.getSignedAttributes();
        assertNotNull(attributes.get(CMSAttributes.contentType));
        assertNotNull(attributes.get(CMSAttributes.messageDigest));
        assertNull(attributes.get(CMSAttributes.signingTime), "PAdES baseline forbids the CMS signing-time attribute");
        SigningCertificateV2 v2 = SigningCertificateV2.getInstance(
                attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        assertArrayEquals(PdfSigner.sha256(examiner.certificate().getEncoded()), v2.getCerts()[0].getCertHash());
        assertEquals(NISTObjectIdentifiers.id_sha256, signer.getDigestAlgorithmID().getAlgorithm());
        assertNull(signer.getUnsignedAttributes(), "no timestamp was asked for");
    }

    @Test
    void verifierAcceptsAFreshSignatureAndSaysTheCertificateIsSelfSigned() throws Exception {
        Path signed = signed("report.pdf", examiner, null);

        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);

        assertTrue(result.valid(), String.join("\n", result.failures()));
        SignatureCheck check = result.signatures().get(0);
        assertTrue(check.coversWholeFile());
        assertTrue(check.selfSigned());
        assertEquals("CN=Ada Examiner,O=Seamline self-signed", check.signerSubject());
        assertEquals(examiner.certificateSha256Hex(), check.signerCertificateSha256Hex());
        assertEquals(sha256sum(signed), result.fileSha256Hex());
        assertTrue(check.timestampUtc().isEmpty());
        assertTrue(result.notes().contains("report.pdf: signature 1 certificate is self-signed: trust it only if its SHA-256 "
                + "matches the one the signer gave you"), String.join("\n", result.notes()));
    }

    @Test
    void oneChangedByteIsReportedByPdfsigAndByTheVerifier() throws Exception {
        Path signed = signed("report.pdf", examiner, null);
        byte[] bytes = Files.readAllBytes(signed);
        // Turn the case number in the signed /Reason from 2026-0417 into 2026-0418: one byte inside
        // the first signed range, and the kind of change a forger would make.
        int at = indexOf(bytes, "2026-0417)".getBytes(StandardCharsets.US_ASCII)) + 8;
        bytes[at] = '8';
        Files.write(signed, bytes);

        String out = Pdfsig.run(signed);
        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);

        assertTrue(out.contains("Digest Mismatch") || out.contains("Signature is Invalid"), out);
        assertFalse(out.contains("Signature is Valid."), out);
        assertFalse(result.valid());
        assertEquals(List.of("report.pdf: signature 1 digest mismatch: the document was changed after signing"), result.failures());
    }

    @Test
    void bytesAppendedAfterSigningAreReportedByPdfsigAndByTheVerifier() throws Exception {
        Path signed = signed("report.pdf", examiner, null);
        byte[] tail = "\n% an appended comment\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(signed, tail, java.nio.file.StandardOpenOption.APPEND);
        long length = Files.size(signed);

        String out = Pdfsig.run(signed);
        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);

        assertTrue(out.contains("Not total document signed"), out);
        assertEquals(List.of("report.pdf: bytes " + (length - tail.length) + " to " + length + " (" + tail.length
                + " bytes) were added after the last signature: the document was changed after signing"), result.failures());
        assertFalse(result.signatures().get(0).coversWholeFile());
    }

    @Test
    void organisationKeyFromEnvironmentPasswordSignsWithItsChain() throws Exception {
        Path keystore = Path.of("src/test/resources/io/seamline/report/org-examiner.p12");
        char[] password = ExaminerKeyStore.passwordFromEnvironment("LAB_STOREPASS", Map.of("LAB_STOREPASS", "test-storepass"));
        SigningIdentity lab = ExaminerKeyStore.loadPkcs12(keystore, null, password);
        Path signed = signed("lab-report.pdf", lab, null);

        String out = Pdfsig.run(signed);
        PdfVerificationResult result = new SignedPdfVerifier().verify(signed);
        CMSSignedData cms = cms(Files.readAllBytes(signed));

        assertTrue(out.contains("Signature is Valid."), out);
        assertTrue(out.contains("Signer Certificate Common Name: Grace Analyst"), out);
        assertTrue(result.valid(), String.join("\n", result.failures()));
        assertFalse(result.signatures().get(0).selfSigned());
        assertEquals(2, cms.getCertificates().getMatches(null).size(), "signer and lab CA certificates are embedded");
        assertTrue(result.notes().contains("lab-report.pdf: signature 1 certificate is issued by CN=Seamline Test Lab CA,"
                + "O=Seamline Test Lab; whether that issuer is trusted is for the recipient's trust list to say"),
                String.join("\n", result.notes()));
    }

    @Test
    void opensslVerifiesTheCmsOverTheSignedRangesAndRejectsItOverChangedBytes() throws Exception {
        byte[] pdf = Files.readAllBytes(signed("report.pdf", examiner, null));
        int[] range;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        byte[] content = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, content, 0, range[1]);
        System.arraycopy(pdf, range[2], content, range[1], range[3]);
        Path contentFile = dir.resolve("signed-ranges.bin");
        Path cmsFile = dir.resolve("signature.der");
        Files.write(contentFile, content);
        Files.write(cmsFile, cms(pdf).getEncoded("DER"));

        String good = openssl("cms", "-verify", "-inform", "DER", "-in", cmsFile.toString(), "-content", contentFile.toString(),
                "-binary", "-noverify", "-out", "/dev/null");
        content[100] ^= 0x01;
        Files.write(contentFile, content);
        String bad = openssl("cms", "-verify", "-inform", "DER", "-in", cmsFile.toString(), "-content", contentFile.toString(),
                "-binary", "-noverify", "-out", "/dev/null");
        String printed = openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", cmsFile.toString());
        // The fingerprint recipe of docs/signing.md: the signer certificate, DER, through sha256sum.
        Path pem = dir.resolve("certs.pem");
        Path der = dir.resolve("signer.der");
        openssl("pkcs7", "-inform", "DER", "-in", cmsFile.toString(), "-print_certs", "-out", pem.toString());
        openssl("x509", "-in", pem.toString(), "-outform", "DER", "-out", der.toString());

        assertTrue(good.contains("CMS Verification successful"), good);
        assertTrue(bad.contains("CMS Verification failure") && bad.contains("CMS_SignerInfo_verify_content"), bad);
        assertTrue(printed.contains("id-smime-aa-signingCertificateV2"), printed);
        assertFalse(printed.contains("signingTime"), printed);
        assertEquals(examiner.certificateSha256Hex(), sha256sum(der));
    }

    static String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static SignerInformation onlySigner(byte[] signedPdf) throws Exception {
        CMSSignedData cms = cms(signedPdf);
        assertEquals(1, cms.getSignerInfos().size());
        return cms.getSignerInfos().getSigners().iterator().next();
    }

    static CMSSignedData cms(byte[] signedPdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            return new CMSSignedData(SignedPdfVerifier.firstContentInfo(document.getLastSignatureDictionary().getContents(signedPdf)));
        }
    }

    static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor();
        return out.substring(0, 64);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + new String(needle, StandardCharsets.US_ASCII) + "' not found");
    }
}
