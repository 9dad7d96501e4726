package io.seamline.report;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.SeamlineVersion;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the signed report of a case, for both front ends: reads the case, lays out the PDF, signs it
 * (PAdES via {@link PdfSigner}), writes it without ever replacing an existing file, and records a
 * custody entry {@code report} with the signed file's SHA-256 after signing.
 */
public final class ReportService {
    private final CaseService cases;

    /** A service over an open case. */
    public ReportService(CaseService cases) {
        this.cases = cases;
    }

    /**
     * Writes, signs and records the report.
     *
     * @throws CaseFileException naming the output when it already exists or cannot be written, the key
     *     store when the signing key cannot be loaded, or the case when it cannot be read or updated
     */
    public ReportResult write(ReportRequest request, TaskMonitor monitor) throws CaseFileException, CancelledException {
        return write(request, monitor, null);
    }

    /**
     * As {@link #write(ReportRequest, TaskMonitor)}, recording {@code recordedPath} in the custody entry
     * instead of the file written (an export writes into a working folder that becomes the package).
     */
    ReportResult write(ReportRequest request, TaskMonitor monitor, String recordedPath)
            throws CaseFileException, CancelledException {
        Path out = request.outputPdf().toAbsolutePath().normalize();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new CaseFileException(out, "already exists; a report is never written over an existing file");
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new CaseFileException(out, "its folder does not exist");
        }
        monitor.progress("report", 0, 4);
        CaseInfo info = cases.info();
        SigningIdentity identity = identity(request, info);
        ReportContent content = ReportContent.read(cases);
        checkCancelled(monitor);
        monitor.progress("report", 1, 4);
        Instant now = UtcTimes.now();
        ReportDocumentWriter document = new ReportDocumentWriter(content, signer(identity, request), now);
        byte[] signed;
        try {
            byte[] unsigned = document.write(request.paper());
            checkCancelled(monitor);
            monitor.progress("report", 2, 4);
            signed = new PdfSigner(identity, request.timestamps()).signPdf(unsigned, details(info, identity, now));
        } catch (IOException e) {
            throw new CaseFileException(out, "cannot make the report: " + e.getMessage(), e);
        }
        checkCancelled(monitor);
        monitor.progress("report", 3, 4);
        String sha256 = Sha256Sums.of(signed);
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            o.write(signed);
        } catch (IOException e) {
            throw new CaseFileException(out, "cannot write the report: " + e.getMessage(), e);
        }
        long listedUpTo = content.custody().isEmpty() ? 0 : content.custody().get(content.custody().size() - 1).seq();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", recordedPath == null ? out.toString() : recordedPath);
        details.put("sha256", sha256);
        details.put("sizeBytes", (long) signed.length);
        details.put("pages", document.pages());
        details.put("paper", request.paper().name().toLowerCase(java.util.Locale.ROOT));
        details.put("signer", identity.subjectName());
        details.put("certificateSha256", identity.certificateSha256Hex());
        details.put("selfSigned", identity.selfSigned());
        details.put("timestampAuthority", request.timestampAuthorityName());
        details.put("custodyListedUpTo", listedUpTo);
        details.put("toolVersion", SeamlineVersion.get());
        CustodyEntry entry;
        try {
            entry = cases.caseFile().inTransaction(c -> cases.recordCustody("report", out.getFileName().toString(), details));
        } catch (CaseFileException | CancelledException | RuntimeException e) {
            // Without its custody entry the report must not exist: a recipient could not trace it to the case.
            try {
                Files.deleteIfExists(out);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        monitor.progress("report", 4, 4);
        return new ReportResult(out, sha256, signed.length, document.pages(), entry.seq(), identity.subjectName(),
                identity.certificateSha256Hex(), identity.selfSigned());
    }

    /**
     * The signed report as bytes without writing or recording anything (for previews and benchmarks).
     */
    public static byte[] render(ReportContent content, PaperSize paper, SigningIdentity identity, Instant reportTimeUtc)
            throws IOException {
        byte[] unsigned = new ReportDocumentWriter(content,
                new ReportDocumentWriter.Signer(identity.subjectName(), identity.certificateSha256Hex(),
                        identity.selfSigned(), null), reportTimeUtc).write(paper);
        return new PdfSigner(identity, null).signPdf(unsigned, details(content.info(), identity, reportTimeUtc));
    }

    private SigningIdentity identity(ReportRequest request, CaseInfo info) throws CaseFileException {
        if (request.identity() != null) {
            return request.identity();
        }
        ExaminerKeyStore store = new ExaminerKeyStore(request.examinerKeyDirectory());
        try {
            return store.examinerIdentity(info.examiner());
        } catch (SigningException e) {
            throw new CaseFileException(store.examinerKeyFile(info.examiner()), e.getMessage(), e);
        }
    }

    private static ReportDocumentWriter.Signer signer(SigningIdentity identity, ReportRequest request) {
        return new ReportDocumentWriter.Signer(identity.subjectName(), identity.certificateSha256Hex(),
                identity.selfSigned(), request.timestampAuthorityName());
    }

    private static SignatureDetails details(CaseInfo info, SigningIdentity identity, Instant now) {
        String reason = "Seamline examination report of case " + (info.caseNumber() == null || info.caseNumber().isBlank()
                ? info.title() : info.caseNumber());
        return new SignatureDetails(info.examiner(), reason, null, null, now);
    }

    private static void checkCancelled(TaskMonitor monitor) throws CancelledException {
        if (monitor.isCancelled()) {
            throw new CancelledException("report");
        }
    }
}
