package io.seamline.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SignedPdfVerifier} found about one signature of a PDF.
 *
 * @param number 1-based position among the document's signature fields, as pdfsig numbers them
 * @param subFilter the signature dictionary's {@code /SubFilter}, e.g. {@code ETSI.CAdES.detached}
 * @param signerSubject the signer certificate's subject in RFC 2253 form, or empty if no certificate was found
 * @param signerCertificateSha256Hex SHA-256 of the signer certificate's DER, 64 lower-case hex digits, or empty
 * @param selfSigned whether the signer certificate is issued by itself
 * @param claimedSignTimeUtc the dictionary's {@code /M}, the signer's own claim of when it signed
 * @param timestampUtc the genTime of a valid RFC 3161 signature timestamp, if one is present and checks out
 * @param signedEndOffset the end (exclusive, in bytes from the start of the file) of the last byte this signature covers
 * @param coversWholeFile whether the signature covers every byte of the file except its own {@code /Contents}
 * @param failures one line per problem, each starting with the file name and {@code signature N}
 * @param notes one line per fact a reader should know that is not a failure (self-signed, untimestamped...)
 */
public record SignatureCheck(
        int number,
        String subFilter,
        String signerSubject,
        String signerCertificateSha256Hex,
        boolean selfSigned,
        Optional<Instant> claimedSignTimeUtc,
        Optional<Instant> timestampUtc,
        long signedEndOffset,
        boolean coversWholeFile,
        List<String> failures,
        List<String> notes) {

    /** Copies the lists. */
    public SignatureCheck {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    /** True when this signature has no failure. */
    public boolean valid() {
        return failures.isEmpty();
    }
}
