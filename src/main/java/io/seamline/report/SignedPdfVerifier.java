package io.seamline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Checks every signature of a signed PDF the way a recipient's tool would: the ByteRange covers the
 * whole file but the {@code /Contents} hole (ISO 32000-1 §12.8.1), the CMS message digest matches those
 * bytes and the signature value verifies with the embedded certificate (RFC 5652 §5.4, §5.6), the PAdES
 * signing-certificate-v2 attribute names that certificate (RFC 5035), and an RFC 3161 signature
 * timestamp, if present, is valid and covers the signature value.
 *
 * <p>It does not decide whether a certificate is trusted (there is no trust list): it reports the
 * signer, whether the certificate is self-signed and its SHA-256 fingerprint, for the recipient to
 * compare out of band.
 */
public final class SignedPdfVerifier {

    /** A report is a few megabytes; the cap keeps a hostile or mistaken file from being read into memory whole. */
    public static final long MAX_PDF_BYTES = 256L * 1024 * 1024;

    /**
     * Each signature check digests the whole file, so a hostile file with thousands of signature fields
     * would take hours; a report has one signature, a countersigned one a few.
     */
    public static final int MAX_SIGNATURES = 32;

    private static final String CADES_DETACHED = "ETSI.CAdES.detached";
    private static final String PKCS7_DETACHED = "adbe.pkcs7.detached";

    private final DigestCalculatorProvider digests;

    /** A verifier using the JDK's default security providers. */
    public SignedPdfVerifier() {
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK offers no message digests", e);
        }
    }

    /**
     * Checks every signature of the PDF file.
     *
     * @param pdf the signed PDF
     * @return the signatures found and one line per failure; a damaged or unsigned file gives failures, not an exception
     * @throws IOException naming the file if it cannot be read at all
     */
    public PdfVerificationResult verify(Path pdf) throws IOException {
        return verify(pdf, null);
    }

    /**
     * Checks every signature of the PDF file and also that each was made with the certificate whose
     * SHA-256 fingerprint the signer gave the recipient out of band: the check that makes a self-signed
     * examiner certificate trustworthy.
     *
     * @param pdf the signed PDF
     * @param expectedSignerSha256Hex SHA-256 of the expected signer certificate's DER, 64 hex digits
     *     (case and colons ignored, as openssl and Acrobat print them), or null to skip this check
     * @return the signatures found and one line per failure
     * @throws IOException naming the file if it cannot be read at all
     */
    public PdfVerificationResult verify(Path pdf, String expectedSignerSha256Hex) throws IOException {
        String expected = expectedSignerSha256Hex == null ? null
                : expectedSignerSha256Hex.replace(":", "").strip().toLowerCase(java.util.Locale.ROOT);
        String name = pdf.getFileName() == null ? pdf.toString() : pdf.getFileName().toString();
        long size;
        try {
            size = Files.size(pdf);
        } catch (IOException e) {
            throw new IOException(pdf + ": cannot read: " + e.getMessage(), e);
        }
        if (size > MAX_PDF_BYTES) {
            return new PdfVerificationResult(pdf, size, "", List.of(),
                    List.of(name + ": " + size + " bytes is larger than the " + MAX_PDF_BYTES + "-byte limit for a report"), List.of());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new IOException(pdf + ": cannot read: " + e.getMessage(), e);
        }
        return verify(name, pdf, bytes, expected);
    }

    private PdfVerificationResult verify(String name, Path pdf, byte[] bytes, String expectedSignerSha256Hex) {
        String fileSha256 = HexFormat.of().formatHex(PdfSigner.sha256(bytes));
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SignatureCheck> checks = new ArrayList<>();
        List<PDSignature> signatures;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            signatures = document.getSignatureDictionaries();
            if (signatures.size() > MAX_SIGNATURES) {
                failures.add(name + ": has " + signatures.size() + " signature fields; only the first "
                        + MAX_SIGNATURES + " are checked");
            }
            int number = 1;
            for (PDSignature signature : signatures.subList(0, Math.min(signatures.size(), MAX_SIGNATURES))) {
                checks.add(checkSignature(name, number++, signature, bytes, expectedSignerSha256Hex));
            }
        } catch (IOException | RuntimeException e) {
            // PDFBox reports damaged structure with IOException, and some hostile object graphs with
            // unchecked exceptions (ClassCastException and the like); either way the file is not a usable PDF.
            failures.add(name + ": not a PDF that can be parsed: " + e.getMessage());
            return new PdfVerificationResult(pdf, bytes.length, fileSha256, checks, failures, notes);
        }
        if (checks.isEmpty()) {
            failures.add(name + ": no signature found: the file is not signed");
        } else {
            long coveredEnd = checks.stream().mapToLong(SignatureCheck::signedEndOffset).max().orElse(0);
            // 0 means no signature had a usable ByteRange; that is reported per signature already.
            if (coveredEnd > 0 && coveredEnd < bytes.length) {
                failures.add(name + ": bytes " + coveredEnd + " to " + bytes.length + " (" + (bytes.length - coveredEnd)
                        + " bytes) were added after the last signature: the document was changed after signing");
            }
        }
        for (SignatureCheck check : checks) {
            failures.addAll(check.failures());
            notes.addAll(check.notes());
        }
        return new PdfVerificationResult(pdf, bytes.length, fileSha256, checks, failures, notes);
    }

    private SignatureCheck checkSignature(String name, int number, PDSignature signature, byte[] file,
            String expectedSignerSha256Hex) {
        SignatureCheck check = checkSignature(name, number, signature, file);
        if (expectedSignerSha256Hex == null || check.signerCertificateSha256Hex().equals(expectedSignerSha256Hex)) {
            return check;
        }
        List<String> failures = new ArrayList<>(check.failures());
        failures.add(name + ": signature " + number + " certificate SHA-256 "
                + (check.signerCertificateSha256Hex().isEmpty() ? "(none)" : check.signerCertificateSha256Hex())
                + " is not the expected " + expectedSignerSha256Hex + ": someone else signed");
        return new SignatureCheck(check.number(), check.subFilter(), check.signerSubject(), check.signerCertificateSha256Hex(),
                check.selfSigned(), check.claimedSignTimeUtc(), check.timestampUtc(), check.signedEndOffset(),
                check.coversWholeFile(), failures, check.notes());
    }

    private SignatureCheck checkSignature(String name, int number, PDSignature signature, byte[] file) {
        Check check = new Check(name + ": signature " + number + " ");
        String subFilter = signature.getSubFilter() == null ? "" : signature.getSubFilter();
        Optional<Instant> claimed = Optional.ofNullable(signature.getSignDate()).map(Calendar::toInstant);
        if (!subFilter.equals(CADES_DETACHED) && !subFilter.equals(PKCS7_DETACHED)) {
            check.fail("uses SubFilter '" + subFilter + "', which is neither " + CADES_DETACHED + " nor " + PKCS7_DETACHED);
            return check.result(number, subFilter, claimed, 0, false);
        }
        if (subFilter.equals(PKCS7_DETACHED)) {
            check.note("is a plain CMS signature (" + PKCS7_DETACHED + "), not PAdES (" + CADES_DETACHED + ")");
        }

        int[] range;
        try {
            range = signature.getByteRange();
        } catch (RuntimeException e) {
            range = new int[0];
        }
        String rangeProblem = byteRangeProblem(range, file.length);
        if (rangeProblem != null) {
            check.fail(rangeProblem);
            return check.result(number, subFilter, claimed, 0, false);
        }
        long signedEnd = (long) range[2] + range[3];
        boolean wholeFile = signedEnd == file.length;
        byte[] cmsBytes = holeContents(file, range[1], range[2]);
        if (cmsBytes == null) {
            check.fail("ByteRange leaves out bytes " + range[1] + " to " + range[2]
                    + ", which are not a single hex string: the signed ranges do not frame /Contents");
            return check.result(number, subFilter, claimed, signedEnd, wholeFile);
        }
        byte[] dictionaryContents;
        try {
            dictionaryContents = signature.getContents();
        } catch (RuntimeException e) {
            dictionaryContents = new byte[0];
        }
        if (!Arrays.equals(dictionaryContents, cmsBytes)) {
            check.fail("/Contents differs from the bytes the ByteRange leaves out: the signature dictionary points elsewhere");
        }
        byte[] signedContent = new byte[range[1] + range[3]];
        System.arraycopy(file, 0, signedContent, 0, range[1]);
        System.arraycopy(file, range[2], signedContent, range[1], range[3]);

        try {
            checkCms(check, subFilter, signedContent, cmsBytes, claimed);
        } catch (CMSException | IOException | CertificateException | OperatorCreationException | RuntimeException e) {
            // BouncyCastle signals malformed ASN.1 with IllegalArgumentException and friends.
            check.fail("/Contents is not a readable CMS SignedData: " + e.getMessage());
        }
        return check.result(number, subFilter, claimed, signedEnd, wholeFile);
    }

    private void checkCms(Check check, String subFilter, byte[] signedContent, byte[] cmsBytes, Optional<Instant> claimed)
            throws CMSException, IOException, CertificateException, OperatorCreationException {
        ContentInfo contentInfo = firstContentInfo(cmsBytes);
        if (contentInfo.getEncoded("DER").length < cmsBytes.length && !zeros(cmsBytes, contentInfo.getEncoded("DER").length)) {
            check.note("/Contents has non-zero bytes after the CMS object; they are outside the signature and ignored");
        }
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo);
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            check.fail("holds " + signers.size() + " CMS signers; a PDF signature has exactly one (ISO 32000-1 §12.8.3.3)");
            return;
        }
        SignerInformation signer = signers.iterator().next();
        Collection<X509CertificateHolder> matches = certificatesMatching(cms.getCertificates(), signer.getSID());
        if (matches.isEmpty()) {
            check.fail("does not include the signer's certificate, so nobody can check it");
            return;
        }
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        check.signer = certificate;

        AttributeTable signedAttributes = signer.getSignedAttributes();
        Attribute digestAttribute = signedAttributes == null ? null : signedAttributes.get(CMSAttributes.messageDigest);
        if (digestAttribute == null) {
            check.fail("has no signed message-digest attribute (RFC 5652 §11.2)");
            return;
        }
        byte[] claimedDigest = ASN1OctetString.getInstance(digestAttribute.getAttrValues().getObjectAt(0)).getOctets();
        byte[] actualDigest = digest(signer.getDigestAlgorithmID(), signedContent);
        boolean digestMatches = MessageDigest.isEqual(claimedDigest, actualDigest);
        if (!digestMatches) {
            check.fail("digest mismatch: the document was changed after signing");
        }

        SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(holder);
        ContentVerifier contentVerifier = verifier.getContentVerifier(
                signer.toASN1Structure().getDigestEncryptionAlgorithm(), signer.getDigestAlgorithmID());
        try (OutputStream out = contentVerifier.getOutputStream()) {
            out.write(signer.getEncodedSignedAttributes());
        }
        if (!contentVerifier.verify(signer.getSignature())) {
            check.fail("signature value does not verify with the certificate's public key: the signature was altered or made with another key");
        } else if (digestMatches && !signer.verify(verifier)) {
            check.fail("CMS signer information does not verify (RFC 5652 §5.6)");
        }

        checkSigningCertificate(check, subFilter, signedAttributes, certificate);
        Optional<Instant> stamped = checkTimestamp(check, signer);
        check.timestampUtc = stamped;

        Instant when = stamped.or(() -> claimed).orElse(Instant.now());
        if (!certificate.getNotBefore().toInstant().isAfter(when) && !certificate.getNotAfter().toInstant().isBefore(when)) {
            check.note("was made with " + certificate.getSubjectX500Principal().getName() + " (certificate SHA-256 "
                    + SigningIdentity.certificateSha256Hex(certificate) + ")");
        } else {
            check.fail("certificate " + certificate.getSubjectX500Principal().getName() + " was not valid at " + when
                    + " (valid " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
        }
        if (SigningIdentity.isSelfSigned(certificate)) {
            check.note("certificate is self-signed: trust it only if its SHA-256 matches the one the signer gave you");
        } else {
            checkIssuer(check, cms, certificate);
        }
        if (stamped.isEmpty() && check.failures.stream().noneMatch(f -> f.contains("timestamp"))) {
            check.note("has no RFC 3161 timestamp: the signing time is the signer's own claim");
        }
        if (signedAttributes.get(CMSAttributes.signingTime) != null && subFilter.equals(CADES_DETACHED)) {
            check.note("carries a CMS signing-time attribute, which PAdES baseline signatures must not (ETSI EN 319 142-1 §5.2.1)");
        }
    }

    private static void checkSigningCertificate(Check check, String subFilter, AttributeTable signedAttributes,
            X509Certificate certificate) throws CertificateException {
        Attribute attribute = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            if (subFilter.equals(CADES_DETACHED)) {
                check.fail("has no ESS signing-certificate-v2 attribute, which PAdES requires (RFC 5035, ETSI EN 319 142-1 §5.2.2)");
            }
            return;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        if (ids.length == 0) {
            check.fail("signing-certificate-v2 attribute names no certificate");
            return;
        }
        String algorithm = ids[0].getHashAlgorithm().getAlgorithm().getId();
        byte[] expected;
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            expected = md.digest(certificate.getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            check.fail("signing-certificate-v2 uses hash algorithm " + algorithm + ", which this JDK does not know");
            return;
        }
        if (!MessageDigest.isEqual(expected, ids[0].getCertHash())) {
            check.fail("signing-certificate-v2 names a different certificate than the one that signed: the certificate was swapped");
        }
    }

    /** Checks an id-aa-signatureTimeStampToken (RFC 3161 Appendix A) and returns its genTime if valid. */
    private Optional<Instant> checkTimestamp(Check check, SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded("DER")));
            Collection<X509CertificateHolder> tsaCerts = certificatesMatching(token.getCertificates(), token.getSID());
            if (tsaCerts.isEmpty()) {
                check.fail("timestamp carries no TSA certificate, so it cannot be checked");
                return Optional.empty();
            }
            X509CertificateHolder tsa = tsaCerts.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            byte[] imprint = digest(token.getTimeStampInfo().getHashAlgorithm(), signer.getSignature());
            if (!MessageDigest.isEqual(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                check.fail("timestamp does not cover this signature's value: it belongs to another signature");
                return Optional.empty();
            }
            Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
            check.note("timestamped " + genTime + " by "
                    + new JcaX509CertificateConverter().getCertificate(tsa).getSubjectX500Principal().getName());
            return Optional.of(genTime);
        } catch (TSPException | CMSException | IOException | OperatorCreationException | CertificateException | RuntimeException e) {
            check.fail("timestamp is invalid: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkIssuer(Check check, CMSSignedData cms, X509Certificate certificate) throws CertificateException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder candidate : cms.getCertificates().getMatches(null)) {
            X509Certificate issuer = converter.getCertificate(candidate);
            if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && !issuer.equals(certificate)) {
                try {
                    certificate.verify(issuer.getPublicKey());
                    check.note("certificate is issued by " + issuer.getSubjectX500Principal().getName()
                            + "; whether that issuer is trusted is for the recipient's trust list to say");
                } catch (java.security.GeneralSecurityException e) {
                    check.fail("certificate does not verify with the included issuer certificate "
                            + issuer.getSubjectX500Principal().getName());
                }
                return;
            }
        }
        check.note("certificate is issued by " + certificate.getIssuerX500Principal().getName()
                + ", whose certificate is not included; check it against your trust list");
    }

    // BouncyCastle's SignerId implements the raw Selector type, so matching it against a typed Store is unchecked.
    @SuppressWarnings("unchecked")
    private static Collection<X509CertificateHolder> certificatesMatching(Store<X509CertificateHolder> store, SignerId id) {
        return store.getMatches(id);
    }

    private byte[] digest(org.bouncycastle.asn1.x509.AlgorithmIdentifier algorithm, byte[] data)
            throws OperatorCreationException, IOException {
        DigestCalculator calculator = digests.get(algorithm);
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(data);
        }
        return calculator.getDigest();
    }

    /**
     * The CMS ContentInfo at the start of a {@code /Contents} value. The signer pads the reserved space
     * with zeros after the DER object, and BouncyCastle refuses trailing data, so only the first object
     * is read; the stream is limited to the value's length so a hostile length field cannot make it
     * allocate more.
     *
     * @throws IOException if the bytes do not start with a DER/BER object
     */
    static ContentInfo firstContentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new IOException("/Contents is empty");
            }
            return ContentInfo.getInstance(first);
        }
    }

    private static boolean zeros(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Why a ByteRange is unusable for a file of the given length, or null when it is sound (ISO 32000-1 §12.8.1). */
    static String byteRangeProblem(int[] range, long fileLength) {
        if (range.length != 4) {
            return "ByteRange has " + range.length + " numbers instead of 4";
        }
        long start1 = range[0];
        long length1 = range[1];
        long start2 = range[2];
        long length2 = range[3];
        if (start1 != 0) {
            return "ByteRange starts at byte " + start1 + ", not 0: the start of the file is not signed";
        }
        if (length1 <= 0 || length2 < 0 || start2 <= length1 + 1) {
            return "ByteRange " + Arrays.toString(range) + " is not two ranges around a /Contents hole";
        }
        if (start2 + length2 > fileLength) {
            return "ByteRange " + Arrays.toString(range) + " reaches past the end of the " + fileLength + "-byte file: the file was truncated";
        }
        return null;
    }

    /** Decodes the hole {@code <hex>} between the two signed ranges, or null if the hole is not exactly one hex string. */
    static byte[] holeContents(byte[] file, int holeStart, int holeEnd) {
        if (file[holeStart] != '<' || file[holeEnd - 1] != '>') {
            return null;
        }
        int digits = holeEnd - holeStart - 2;
        if (digits % 2 != 0) {
            return null;
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(file[holeStart + 1 + 2 * i], 16);
            int lo = Character.digit(file[holeStart + 2 + 2 * i], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Collects one signature's findings while it is being checked. */
    private static final class Check {
        private final String prefix;
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private X509Certificate signer;
        private Optional<Instant> timestampUtc = Optional.empty();

        Check(String prefix) {
            this.prefix = prefix;
        }

        void fail(String what) {
            failures.add(prefix + what);
        }

        void note(String what) {
            notes.add(prefix + what);
        }

        SignatureCheck result(int number, String subFilter, Optional<Instant> claimed, long signedEnd, boolean wholeFile) {
            String subject = signer == null ? "" : signer.getSubjectX500Principal().getName();
            String sha = signer == null ? "" : SigningIdentity.certificateSha256Hex(signer);
            boolean selfSigned = signer != null && SigningIdentity.isSelfSigned(signer);
            return new SignatureCheck(number, subFilter, subject, sha, selfSigned, claimed, timestampUtc, signedEnd, wholeFile,
                    failures, notes);
        }
    }
}
