package io.seamline.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The key that signs a report and its certificate chain (signer first), with whether the signer's
 * certificate is self-signed so the report can say so.
 *
 * @param privateKey the signer's RSA or EC private key
 * @param chain the signer's certificate first, then any issuers the keystore holds; never empty
 * @param selfSigned true when the signer's certificate is issued by itself (subject equals issuer and
 *     its own public key verifies it), i.e. nobody but the examiner vouches for it
 */
public record SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain, boolean selfSigned) {

    /** Copies the chain and rejects an empty one. */
    public SigningIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs at least the signer's certificate");
        }
    }

    /** The signer's own certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's subject distinguished name in RFC 2253 form, e.g. {@code CN=Ada Examiner,O=Seamline self-signed}. */
    public String subjectName() {
        return certificate().getSubjectX500Principal().getName();
    }

    /**
     * The SHA-256 fingerprint of the signer's DER-encoded certificate as 64 lower-case hex digits, the
     * value a recipient compares out of band with what {@code pdfsig} or Acrobat shows.
     */
    public String certificateSha256Hex() {
        return certificateSha256Hex(certificate());
    }

    /** SHA-256 of a certificate's DER encoding as 64 lower-case hex digits. */
    static String certificateSha256Hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** True when the certificate names itself as issuer and its own public key verifies its signature. */
    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
