package io.seamline.report;

import java.nio.file.Path;

/**
 * What report to make: where to write it, on which paper, signed by whom, with which timestamp authority.
 *
 * @param outputPdf the file to create; it must not exist yet
 * @param paper A4 or Letter
 * @param identity the organisation's signing identity, or null to use the examiner's self-signed key
 * @param examinerKeyDirectory where the examiner's self-signed key lives (normally
 *     {@link ExaminerKeyStore#defaultConfigDirectory()}); used only when {@code identity} is null
 * @param timestamps an RFC 3161 authority, or null for none
 * @param timestampAuthorityName how the cover names the authority (its URL), or null
 */
public record ReportRequest(Path outputPdf, PaperSize paper, SigningIdentity identity, Path examinerKeyDirectory,
        TimestampSource timestamps, String timestampAuthorityName) {
    public ReportRequest {
        if (outputPdf == null) {
            throw new IllegalArgumentException("a report needs an output file");
        }
        paper = paper == null ? PaperSize.A4 : paper;
        examinerKeyDirectory = examinerKeyDirectory == null ? ExaminerKeyStore.defaultConfigDirectory()
                : examinerKeyDirectory;
    }

    /** A request signed with the examiner's self-signed key from {@code examinerKeyDirectory}, without timestamp. */
    public static ReportRequest selfSigned(Path outputPdf, PaperSize paper, Path examinerKeyDirectory) {
        return new ReportRequest(outputPdf, paper, null, examinerKeyDirectory, null, null);
    }
}
