package io.seamline.report;

import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks whatever {@code seamline verify} is given: a case file (vault re-hashed, custody chain walked),
 * a signed report PDF (every signature, whole file covered), or an evidence package as a folder or zip
 * (every file against SHA256SUMS, nothing unlisted, the report's signature, the case copy verified, and
 * cross-checks: originals against the case's evidence hashes, the report against its custody entry, the
 * stitched file and manifest against the case's stitch row). Each problem names the file or signature.
 */
public final class PackageVerifier {
    /** Default bound on the bytes a zip package may inflate to (16 GiB). */
    public static final long MAX_PACKAGE_BYTES = 16L * 1024 * 1024 * 1024;
    /** Default bound on the entries of a zip package. */
    public static final int MAX_PACKAGE_ENTRIES = 10_000;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private final long maxPackageBytes;
    private final int maxEntries;

    /** A verifier with the default bounds. */
    public PackageVerifier() {
        this(MAX_PACKAGE_BYTES, MAX_PACKAGE_ENTRIES);
    }

    /**
     * @param maxPackageBytes most bytes a zip package may inflate to
     * @param maxEntries most entries a zip package may hold
     */
    public PackageVerifier(long maxPackageBytes, int maxEntries) {
        this.maxPackageBytes = maxPackageBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * Verifies a case, PDF, package folder or package zip.
     *
     * @throws CaseFileException naming the path when it does not exist or is none of these
     */
    public IntegrityReport verify(Path path, TaskMonitor monitor) throws CaseFileException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new CaseFileException(path, "no such case file, package or report");
        }
        if (Files.isSymbolicLink(path)) {
            throw new CaseFileException(path, "is a symbolic link; name the file it points to");
        }
        if (Files.isDirectory(path)) {
            // A folder with none of a package's parts is a wrong argument, not a damaged package.
            boolean looksLikePackage = Files.exists(path.resolve("SHA256SUMS")) || Files.exists(path.resolve("report.pdf"))
                    || Files.isDirectory(path.resolve("originals")) || Files.isDirectory(path.resolve("case"));
            if (!looksLikePackage) {
                throw new CaseFileException(path, "is a folder, not a case file or an evidence package"
                        + " (no SHA256SUMS, report.pdf, originals/ or case/ in it)");
            }
            return verifyFolder(path, path, IntegrityReport.Kind.PACKAGE_FOLDER, monitor);
        }
        byte[] head = head(path);
        if (startsWith(head, PDF_MAGIC)) {
            return verifyPdf(path);
        }
        if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
            return verifyZip(path, monitor);
        }
        return verifyCase(path, monitor);
    }

    private IntegrityReport verifyCase(Path path, TaskMonitor monitor) throws CaseFileException {
        try (CaseService service = CaseService.open(path)) {
            VerificationReport report = service.verify(monitor);
            List<String> checked = List.of(report.evidenceChecked() + " evidence item(s), " + report.bytesChecked()
                    + " bytes re-hashed, " + report.custodyEntriesChecked() + " custody entries chained");
            return new IntegrityReport(path, IntegrityReport.Kind.CASE, checked, report.problems());
        }
    }

    private IntegrityReport verifyPdf(Path pdf) throws CaseFileException {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        pdfProblems(pdf, pdf.getFileName().toString(), problems, checked);
        return new IntegrityReport(pdf, IntegrityReport.Kind.SIGNED_PDF, checked, problems);
    }

    private static void pdfProblems(Path pdf, String name, List<String> problems, List<String> checked) {
        try {
            PdfVerificationResult result = new SignedPdfVerifier().verify(pdf);
            if (result.signatures().isEmpty()) {
                problems.add(name + ": has no signature");
            }
            for (String failure : result.failures()) {
                problems.add(name + ": " + failure);
            }
            for (SignatureCheck s : result.signatures()) {
                checked.add(name + ": signature #" + s.number() + " by " + s.signerSubject() + ", certificate SHA-256 "
                        + s.signerCertificateSha256Hex() + (s.selfSigned() ? " (self-signed)" : "")
                        + (s.valid() ? ", valid" : ", INVALID") + (s.coversWholeFile() ? ", covers the whole file" : ""));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": cannot be read as a signed PDF: " + e.getMessage());
        }
    }

    private IntegrityReport verifyZip(Path zip, TaskMonitor monitor) throws CaseFileException {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("seamline-verify-");
            Path into = temp.resolve("package");
            Files.createDirectory(into);
            try {
                new ZipPackageReader(maxPackageBytes, maxEntries).extract(zip, into);
            } catch (IOException e) {
                return new IntegrityReport(zip, IntegrityReport.Kind.PACKAGE_ZIP, List.of(), List.of(e.getMessage()));
            }
            IntegrityReport folder = verifyFolder(into, zip, IntegrityReport.Kind.PACKAGE_ZIP, monitor);
            return folder;
        } catch (IOException e) {
            throw new CaseFileException(zip, "cannot extract for checking: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    ExportService.deleteTree(temp);
                } catch (IOException ignored) {
                    // The temporary copy is only read; leaving it behind changes no evidence.
                }
            }
        }
    }

    private IntegrityReport verifyFolder(Path folder, Path shownAs, IntegrityReport.Kind kind, TaskMonitor monitor)
            throws CaseFileException {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Path sumsFile = folder.resolve(ExportService.SUMS);
        if (!Files.isRegularFile(sumsFile, LinkOption.NOFOLLOW_LINKS)) {
            return new IntegrityReport(shownAs, kind, checked, List.of(ExportService.SUMS + ": missing; this is not a"
                    + " Seamline package (or the file was removed)"));
        }
        Map<String, String> sums;
        try {
            sums = Sha256Sums.read(sumsFile);
        } catch (IOException e) {
            return new IntegrityReport(shownAs, kind, checked, List.of(ExportService.SUMS + ": " + e.getMessage()));
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    problems.add(rel + ": is a symbolic link; a package holds only plain files");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    present.add(rel);
                }
            }
        } catch (IOException e) {
            throw new CaseFileException(folder, "cannot list the package: " + e.getMessage(), e);
        }
        Map<String, String> actual = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : sums.entrySet()) {
            String rel = e.getKey();
            String unsafe = ZipPackageReader.unsafe(rel);
            if (unsafe != null) {
                problems.add(ExportService.SUMS + ": lists '" + rel.replaceAll("\\p{Cntrl}", "?") + "', refused: " + unsafe);
                continue;
            }
            if (!present.contains(rel)) {
                problems.add(rel + ": listed in SHA256SUMS but missing");
                continue;
            }
            try {
                String sha = Sha256Sums.of(folder.resolve(rel));
                actual.put(rel, sha);
                if (!sha.equals(e.getValue())) {
                    problems.add(rel + ": SHA-256 mismatch (SHA256SUMS says " + e.getValue() + ", file has " + sha + ")");
                }
            } catch (IOException ex) {
                problems.add(rel + ": cannot be read: " + ex.getMessage());
            }
        }
        for (String rel : present) {
            if (!rel.equals(ExportService.SUMS) && !sums.containsKey(rel)) {
                problems.add(rel + ": not listed in SHA256SUMS (added after export?)");
            }
        }
        checked.add(sums.size() + " file(s) checked against SHA256SUMS");

        Path report = folder.resolve(ExportService.REPORT);
        if (Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS)) {
            pdfProblems(report, ExportService.REPORT, problems, checked);
        } else {
            problems.add(ExportService.REPORT + ": missing");
        }
        List<String> cases = present.stream().filter(p -> p.startsWith(ExportService.CASE + "/")).sorted().toList();
        if (cases.size() != 1) {
            problems.add(ExportService.CASE + "/: holds " + cases.size() + " files; a package holds one case file");
        } else {
            checkCase(folder, cases.get(0), actual, present, problems, checked, monitor);
        }
        return new IntegrityReport(shownAs, kind, checked, problems);
    }

    /** Verifies a copy of the packaged case (opening a case may change its header) and cross-checks it. */
    private void checkCase(Path folder, String caseRel, Map<String, String> actual, Set<String> present,
            List<String> problems, List<String> checked, TaskMonitor monitor) throws CaseFileException {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("seamline-verify-case-");
            Path copy = temp.resolve("case.seamline");
            Files.copy(folder.resolve(caseRel), copy);
            try (CaseService service = CaseService.open(copy)) {
                VerificationReport report = service.verify(monitor);
                for (String p : report.problems()) {
                    problems.add(caseRel + ": " + p);
                }
                checked.add(caseRel + ": " + report.evidenceChecked() + " evidence item(s) re-hashed, "
                        + report.custodyEntriesChecked() + " custody entries chained");
                crossCheck(service, actual, present, problems);
            } catch (CaseFileException e) {
                problems.add(caseRel + ": cannot be opened as a case: " + e.getMessage());
            }
        } catch (IOException e) {
            problems.add(caseRel + ": cannot be copied for checking: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    ExportService.deleteTree(temp);
                } catch (IOException ignored) {
                    // Only a temporary copy; the package itself is untouched.
                }
            }
        }
    }

    private static void crossCheck(CaseService service, Map<String, String> actual, Set<String> present,
            List<String> problems) throws CaseFileException {
        Set<String> evidenceShas = new HashSet<>();
        for (Evidence e : service.evidence()) {
            evidenceShas.add(e.sha256());
        }
        Set<String> originalShas = new HashSet<>();
        for (String rel : present) {
            if (rel.startsWith(ExportService.ORIGINALS + "/")) {
                String sha = actual.get(rel);
                if (sha != null) {
                    originalShas.add(sha);
                    if (!evidenceShas.contains(sha)) {
                        problems.add(rel + ": matches no evidence in the case (SHA-256 " + sha + ")");
                    }
                }
            }
        }
        for (Evidence e : service.evidence()) {
            if (!originalShas.contains(e.sha256())) {
                problems.add(ExportService.ORIGINALS + "/: evidence " + e.id() + " (" + e.originalName()
                        + ") is missing or altered");
            }
        }
        String reportSha = actual.get(ExportService.REPORT);
        if (reportSha != null) {
            boolean recorded = false;
            for (CustodyEntry c : service.custody()) {
                if (c.action().equals("report") && c.detailsJson().contains("\"" + reportSha + "\"")) {
                    recorded = true;
                }
            }
            if (!recorded) {
                problems.add(ExportService.REPORT + ": its SHA-256 " + reportSha + " is in no 'report' custody entry of the case");
            }
        }
        Optional<StitchRecord> stitch = StitchRecord.latest(service);
        for (String rel : present) {
            if (!rel.startsWith(ExportService.STITCH + "/")) {
                continue;
            }
            if (stitch.isEmpty()) {
                problems.add(rel + ": the case records no stitch");
                continue;
            }
            String sha = actual.get(rel);
            if (rel.equals(ExportService.STITCH + "/" + ExportService.MANIFEST)) {
                String stored = Sha256Sums.of(stitch.get().manifestJson().getBytes(StandardCharsets.UTF_8));
                if (!stored.equals(sha)) {
                    problems.add(rel + ": differs from the manifest stored in the case");
                }
            } else if (sha != null && !sha.equalsIgnoreCase(stitch.get().outputSha256())) {
                problems.add(rel + ": SHA-256 " + sha + " is not the stitched output's recorded "
                        + stitch.get().outputSha256());
            }
        }
    }

    private static byte[] head(Path file) throws CaseFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new CaseFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
