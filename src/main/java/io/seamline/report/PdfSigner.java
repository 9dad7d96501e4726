package io.seamline.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDPropBuild;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDPropBuildDataDict;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Signs a PDF with a PAdES baseline signature (ETSI EN 319 142-1, SubFilter
 * {@code ETSI.CAdES.detached}): a detached CMS SignedData over the whole file but the
 * {@code /Contents} hole, SHA-256, with content-type, message-digest and ESS signing-certificate-v2
 * (RFC 5035) signed attributes, optionally an RFC 3161 signature timestamp as an unsigned attribute.
 *
 * <p>Implements PDFBox's one-method {@link SignatureInterface}; the document is saved incrementally
 * after the unsigned revision, so the signature covers every byte of the signed file.
 */
public final class PdfSigner implements SignatureInterface {

    /** PAdES SubFilter, ETSI EN 319 142-1 §5.3 / ISO 32000-2 §12.8.3.4. */
    public static final COSName SUBFILTER_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    /** Room in {@code /Contents} for the signed attributes, signature value and CMS structure (an RSA 3072 CMS is about 1.9 KB with its certificate). */
    static final int BASE_SIGNATURE_BYTES = 8 * 1024;

    /** Room for an RFC 3161 token: its own CMS signature plus the TSA's certificate chain (public TSAs send 3-7 KB). */
    static final int TIMESTAMP_BYTES = 16 * 1024;

    private final SigningIdentity identity;
    private final TimestampSource timestamps;

    /**
     * @param identity the key and certificate chain to sign with
     * @param timestamps the authority for a signature timestamp, or null for none
     */
    public PdfSigner(SigningIdentity identity, TimestampSource timestamps) {
        this.identity = identity;
        this.timestamps = timestamps;
    }

    /**
     * Signs an unsigned PDF and writes the signed file: the input bytes unchanged, then an incremental
     * update holding the signature field and dictionary.
     *
     * @param unsignedPdf a complete PDF, e.g. one a PDFBox {@code PDDocument.save} produced
     * @param details the signer name, reason, location and claimed time for the signature dictionary
     * @param signedOut receives the signed PDF; not closed
     * @throws IOException if the PDF cannot be parsed or written, or signing or the timestamp fails
     *     (the message says which)
     */
    public void signPdf(byte[] unsignedPdf, SignatureDetails details, OutputStream signedOut) throws IOException {
        try (PDDocument document = Loader.loadPDF(unsignedPdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(SUBFILTER_CADES_DETACHED);
            signature.setName(details.signerName());
            if (details.reason() != null) {
                signature.setReason(details.reason());
            }
            if (details.location() != null) {
                signature.setLocation(details.location());
            }
            if (details.contactInfo() != null) {
                signature.setContactInfo(details.contactInfo());
            }
            Calendar signTime = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            signTime.setTimeInMillis(details.signTimeUtc().toEpochMilli());
            signature.setSignDate(signTime);
            // Prop_Build names the signing application (Adobe PDF Signature Build Dictionary Specification),
            // which Acrobat shows in the signature properties.
            PDPropBuildDataDict application = new PDPropBuildDataDict();
            application.setName("Seamline");
            PDPropBuild build = new PDPropBuild();
            build.setPDPropBuildApp(application);
            signature.setPropBuild(build);
            options.setPreferredSignatureSize(reservedSignatureBytes());
            document.addSignature(signature, this, options);
            document.saveIncremental(signedOut);
        }
    }

    /**
     * Signs the PDF file {@code unsigned} into {@code signed} (written to a temporary file beside it and
     * moved into place, so a failed signing never leaves a half-written report).
     *
     * @throws IOException naming the file when reading, signing or writing fails
     */
    public void signFile(Path unsigned, Path signed, SignatureDetails details) throws IOException {
        byte[] pdf = Files.readAllBytes(unsigned);
        Path dir = signed.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".signing-", ".pdf");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                signPdf(pdf, details, out);
            } catch (IOException e) {
                throw new IOException(unsigned + ": cannot sign: " + e.getMessage(), e);
            }
            Files.move(temp, signed, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Produces the DER-encoded detached CMS SignedData over the given bytes (PDFBox passes the file
     * minus the {@code /Contents} hole, ISO 32000-1 §12.8.1).
     *
     * @param content the bytes the ByteRange covers, in file order
     * @return the CMS ContentInfo, DER, to be hex-written into {@code /Contents}
     * @throws IOException if signing or the timestamp authority fails
     */
    @Override
    public byte[] sign(InputStream content) throws IOException {
        try {
            X509Certificate signer = identity.certificate();
            ContentSigner contentSigner = new JcaContentSignerBuilder(signatureAlgorithm()).build(identity.privateKey());
            JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            signerInfo.setSignedAttributeGenerator(new PadesSignedAttributes(signingCertificateV2(signer)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo.build(contentSigner, signer));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            CMSSignedData signed = generator.generate(new StreamedContent(content), false);
            if (timestamps != null) {
                signed = addSignatureTimestamp(signed);
            }
            return signed.getEncoded("DER");
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("cannot create the CMS signature for " + identity.subjectName() + ": " + e.getMessage(), e);
        } catch (SigningException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Bytes reserved for the DER CMS in {@code /Contents}, written as twice as many hex digits. The space
     * is fixed before signing (the ByteRange must not move), so it is sized from what will go in:
     * the certificate chain twice over (certificates and any slack), plus a timestamp when asked for.
     */
    int reservedSignatureBytes() {
        int chainBytes = 0;
        for (X509Certificate certificate : identity.chain()) {
            try {
                chainBytes += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                chainBytes += 4096;
            }
        }
        return BASE_SIGNATURE_BYTES + 2 * chainBytes + (timestamps == null ? 0 : TIMESTAMP_BYTES);
    }

    private String signatureAlgorithm() {
        return identity.privateKey() instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** ESS signing-certificate-v2 (RFC 5035 §3) naming the signer's certificate by SHA-256 hash and issuer/serial. */
    static SigningCertificateV2 signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        byte[] hash = sha256(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        // SHA-256 is the DEFAULT hashAlgorithm of ESSCertIDv2, so BouncyCastle omits it from the DER (RFC 5035 §4).
        return new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial));
    }

    /** Adds an RFC 3161 token over the signature value as id-aa-signatureTimeStampToken (RFC 3161 Appendix A). */
    private CMSSignedData addSignatureTimestamp(CMSSignedData signed) throws SigningException, IOException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = timestamps.timestamp(sha256(signer.getSignature()));
            AttributeTable unsigned = signer.getUnsignedAttributes();
            Attribute stamp = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            AttributeTable table = unsigned == null ? new AttributeTable(stamp)
                    : unsigned.add(stamp.getAttrType(), token.toCMSSignedData().toASN1Structure());
            stamped.add(SignerInformation.replaceUnsignedAttributes(signer, table));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * Signed attributes of a PAdES baseline signature: content-type, message-digest, signing-certificate-v2
     * and CMS algorithm protection (RFC 6211), but no signing-time, which ETSI EN 319 142-1 §5.2.1 forbids
     * because the time is in the signature dictionary's {@code /M}.
     */
    private static final class PadesSignedAttributes implements CMSAttributeTableGenerator {
        private final DefaultSignedAttributeTableGenerator standard;

        PadesSignedAttributes(SigningCertificateV2 signingCertificate) {
            Hashtable<ASN1ObjectIdentifier, Object> extra = new Hashtable<>();
            extra.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
            this.standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
        }

        // BouncyCastle declares this with a raw Map.
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public AttributeTable getAttributes(Map parameters) {
            return standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
        }
    }

    /** The ByteRange content as CMS data, streamed once into the digest instead of held in memory. */
    private static final class StreamedContent implements CMSTypedData {
        private final InputStream in;

        StreamedContent(InputStream in) {
            this.in = in;
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }

    /**
     * Signs an unsigned PDF in memory and returns the signed file's bytes (for callers that also need
     * their SHA-256 for the custody log).
     *
     * @throws IOException if the PDF cannot be parsed, or signing or the timestamp fails
     */
    public byte[] signPdf(byte[] unsignedPdf, SignatureDetails details) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * reservedSignatureBytes() + 4096);
        signPdf(unsignedPdf, details, out);
        return out.toByteArray();
    }
}
