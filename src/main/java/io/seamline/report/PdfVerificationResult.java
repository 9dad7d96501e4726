package io.seamline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of checking every signature of one PDF file.
 *
 * @param file the checked file
 * @param fileSizeBytes its length in bytes
 * @param fileSha256Hex SHA-256 of the whole file, 64 lower-case hex digits (what {@code sha256sum} prints)
 * @param signatures one entry per signature field, in document order
 * @param failures every failure line: the file-level ones (unparseable, no signature, bytes appended
 *     after the last signature) followed by each signature's own
 * @param notes every note line, file-level then per signature
 */
public record PdfVerificationResult(
        Path file, long fileSizeBytes, String fileSha256Hex, List<SignatureCheck> signatures, List<String> failures, List<String> notes) {

    /** Copies the lists. */
    public PdfVerificationResult {
        signatures = List.copyOf(signatures);
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    /** True when the file has at least one signature, every signature checks out and the last one covers the whole file. */
    public boolean valid() {
        return failures.isEmpty() && !signatures.isEmpty();
    }
}
