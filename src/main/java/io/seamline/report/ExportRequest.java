package io.seamline.report;

import java.nio.file.Path;

/**
 * What package to make: the target (a folder, or a file ending in {@code .zip}; it must not exist) and
 * how to sign the report inside it (see {@link ReportRequest} for the signing fields).
 */
public record ExportRequest(Path target, PaperSize paper, SigningIdentity identity, Path examinerKeyDirectory,
        TimestampSource timestamps, String timestampAuthorityName) {
    public ExportRequest {
        if (target == null) {
            throw new IllegalArgumentException("an export needs a target folder or zip file");
        }
        paper = paper == null ? PaperSize.A4 : paper;
        examinerKeyDirectory = examinerKeyDirectory == null ? ExaminerKeyStore.defaultConfigDirectory()
                : examinerKeyDirectory;
    }

    /** A package whose report is signed with the examiner's self-signed key from {@code examinerKeyDirectory}. */
    public static ExportRequest selfSigned(Path target, Path examinerKeyDirectory) {
        return new ExportRequest(target, PaperSize.A4, null, examinerKeyDirectory, null, null);
    }
}
