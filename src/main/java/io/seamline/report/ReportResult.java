package io.seamline.report;

import java.nio.file.Path;

/**
 * A report that was written and recorded: the file, its SHA-256 (lower-case hex of the signed bytes),
 * its page count, the custody entry that records it, who signed it and whether that certificate is
 * self-signed.
 */
public record ReportResult(Path pdf, String sha256, long sizeBytes, int pages, long custodySeq, String signer,
        String certificateSha256, boolean selfSigned) {
}
