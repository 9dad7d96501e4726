package io.seamline.report;

import org.bouncycastle.tsp.TimeStampToken;

/** Something that issues RFC 3161 timestamp tokens over a SHA-256 message imprint. */
@FunctionalInterface
public interface TimestampSource {

    /**
     * Obtains a timestamp token whose message imprint is the given SHA-256 digest (RFC 3161 §2.4.1).
     *
     * @param sha256Imprint the 32-byte SHA-256 digest to timestamp (for PAdES, of the CMS signature value)
     * @return a token already checked to match the imprint and the request's nonce
     * @throws SigningException naming the authority when it cannot be reached or refuses the request
     */
    TimeStampToken timestamp(byte[] sha256Imprint) throws SigningException;
}
