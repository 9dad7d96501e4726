package io.seamline.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the PDF signature dictionary says about a signing (ISO 32000-1 §12.8.1 Table 252): who, why,
 * where and when.
 *
 * @param signerName the signer's name, e.g. the examiner ({@code /Name})
 * @param reason why the document is signed ({@code /Reason}), or null
 * @param location where it is signed ({@code /Location}), or null
 * @param contactInfo how to reach the signer ({@code /ContactInfo}), or null
 * @param signTimeUtc claimed signing time ({@code /M}); PDF dates have one-second resolution
 *     (ISO 32000-1 §7.9.4), so it is truncated to seconds. PAdES puts the claimed time here and not in
 *     a CMS signing-time attribute (ETSI EN 319 142-1 §5.2.1).
 */
public record SignatureDetails(String signerName, String reason, String location, String contactInfo, Instant signTimeUtc) {

    /** Requires a signer name and time and truncates the time to whole seconds. */
    public SignatureDetails {
        Objects.requireNonNull(signerName, "signerName");
        signTimeUtc = Objects.requireNonNull(signTimeUtc, "signTimeUtc").truncatedTo(ChronoUnit.SECONDS);
    }
}
