package io.seamline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A package that was written and recorded: where, whether it is a zip, how many files it holds
 * (SHA256SUMS included), the SHA-256 of its SHA256SUMS and of the zip (null for a folder), the report
 * inside it, the custody entry {@code export}, and warnings (e.g. a stitched file that changed).
 */
public record ExportResult(Path target, boolean zip, int files, String sha256SumsSha256, String zipSha256,
        ReportResult report, long custodySeq, List<String> warnings) {
    public ExportResult {
        warnings = List.copyOf(warnings);
    }
}
