package io.seamline.report;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.SeamlineVersion;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the evidence package of a case, as a folder or a zip: the signed report, the latest stitched
 * recording with its manifest (when its file still exists with the recorded SHA-256), every original
 * exactly as imported (streamed from the vault), a consistent copy of the case file ({@code VACUUM INTO}),
 * a README and {@code SHA256SUMS} that {@code sha256sum -c} accepts. Never writes over an existing
 * target; records a custody entry {@code export} with the SHA-256 of SHA256SUMS (and of the zip).
 */
public final class ExportService {
    /** Name of the checksum file at the package root. */
    public static final String SUMS = "SHA256SUMS";
    /** Name of the signed report in the package. */
    public static final String REPORT = "report.pdf";
    /** Folder of the originals. */
    public static final String ORIGINALS = "originals";
    /** Folder of the case file copy. */
    public static final String CASE = "case";
    /** Folder of the stitched recording and its manifest. */
    public static final String STITCH = "stitch";
    /** Name of the stitch manifest in the package. */
    public static final String MANIFEST = "manifest.json";
    /** Start of the hidden working folder and partial zip names beside the target, followed by the owner's pid. */
    static final String WORK_PREFIX = ".seamline-export-";
    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(WORK_PREFIX) + "(\\d{1,19})-.*");

    private final CaseService cases;

    /** A service over an open case. */
    public ExportService(CaseService cases) {
        this.cases = cases;
    }

    /**
     * Writes the package.
     *
     * @throws CaseFileException naming the target when it exists or cannot be written, or the case when it
     *     cannot be read or updated; nothing is left at the target on failure
     */
    public ExportResult export(ExportRequest request, TaskMonitor monitor) throws CaseFileException, CancelledException {
        cases.caseFile().requireWritable();
        Path target = request.target().toAbsolutePath().normalize();
        boolean zip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CaseFileException(target, "already exists; an export never writes over an existing file or folder");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CaseFileException(target, "its folder does not exist");
        }
        Path work;
        try {
            sweepLeftovers(parent);
            work = Files.createTempDirectory(parent, WORK_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new CaseFileException(target, "cannot create a working folder beside it: " + reason(e), e);
        }
        boolean committed = false;
        Path zipped = null;
        try {
            List<String> warnings = new ArrayList<>();
            Map<String, String> sums = new TreeMap<>();
            CaseInfo info = cases.info();

            monitor.progress("export", 0, 5);
            ReportResult report = new ReportService(cases).write(new ReportRequest(work.resolve(REPORT), request.paper(),
                    request.identity(), request.examinerKeyDirectory(), request.timestamps(),
                    request.timestampAuthorityName()), TaskMonitor.NONE,
                    zip ? target + "!/" + REPORT : target.resolve(REPORT).toString());
            sums.put(REPORT, report.sha256());
            checkCancelled(monitor);

            monitor.progress("export", 1, 5);
            List<String[]> originals = copyOriginals(work, sums, monitor);
            checkCancelled(monitor);

            monitor.progress("export", 2, 5);
            String stitchNote = copyStitch(work, sums, warnings);

            monitor.progress("export", 3, 5);
            String caseName = safeName(cases.caseFile().path().getFileName().toString(), "case.seamline");
            Path caseCopy = work.resolve(CASE).resolve(caseName);
            Files.createDirectories(caseCopy.getParent());
            vacuumInto(caseCopy, target);
            sums.put(CASE + "/" + caseName, Sha256Sums.of(caseCopy));

            String readme = readme(info, report, originals, stitchNote, CASE + "/" + caseName, warnings);
            Files.writeString(work.resolve("README.txt"), readme, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            sums.put("README.txt", Sha256Sums.of(work.resolve("README.txt")));
            String sumsText = Sha256Sums.format(sums);
            Files.writeString(work.resolve(SUMS), sumsText, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            String sumsSha = Sha256Sums.of(sumsText.getBytes(StandardCharsets.UTF_8));
            checkCancelled(monitor);

            monitor.progress("export", 4, 5);
            String zipSha = null;
            Path ready = work;
            if (zip) {
                // Zipped beside the target under a hidden temporary name, so a zip at the target is always whole.
                zipped = Files.createTempFile(parent, WORK_PREFIX + ProcessHandle.current().pid() + "-", ".zip.partial");
                Files.delete(zipped);
                zipSha = zipFolder(work, zipped);
                ready = zipped;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", target.toString());
            details.put("format", zip ? "zip" : "folder");
            details.put("sha256SumsSha256", sumsSha);
            if (zipSha != null) {
                details.put("sha256", zipSha);
            }
            details.put("files", sums.size() + 1);
            details.put("reportSha256", report.sha256());
            details.put("reportCustodySeq", report.custodySeq());
            details.put("stitch", stitchNote);
            details.put("toolVersion", SeamlineVersion.get());
            // The rename that puts the package at its name is recorded with the export's entry and done right
            // after the commit (CaseFile.finishMoves); a process killed in between has it finished when the case
            // is next opened, so a package at the target always has its entry and an entry always its package.
            Path from = ready;
            CustodyEntry entry = cases.caseFile().inTransaction(c -> {
                CustodyEntry recorded = cases.recordCustody("export", target.getFileName().toString(), details);
                cases.caseFile().recordMove(c, from, target, false);
                return recorded;
            });
            committed = true;
            cases.caseFile().finishMoves();
            monitor.progress("export", 5, 5);
            return new ExportResult(target, zip, sums.size() + 1, sumsSha, zipSha, report, entry.seq(), warnings);
        } catch (IOException e) {
            throw new CaseFileException(target, "cannot write the package: " + reason(e) + "; nothing was left there", e);
        } finally {
            if (!committed || zip) {
                try {
                    deleteTree(work);
                    if (zipped != null && !committed) {
                        Files.deleteIfExists(zipped);
                    }
                } catch (IOException ignored) {
                    // A leftover hidden working folder or .partial zip is harmless; the target is complete or absent.
                }
            }
        }
    }

    /**
     * Deletes the working folders and partial zips that an export killed in this folder left behind (they
     * hold copies of the originals): those whose owning process, named in the file name, no longer runs.
     * Best effort: a leftover that cannot be deleted stays, hidden and never taken for a package.
     */
    static void sweepLeftovers(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                java.util.regex.Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    try {
                        deleteTree(p);
                    } catch (IOException ignored) {
                        // Left for the next export; the name marks it as an unfinished working copy.
                    }
                }
            }
        } catch (IOException ignored) {
            // An unlistable folder fails the export itself a moment later, with its own message.
        }
    }

    /** What went wrong writing, in words: a full disk, a read-only or forbidden folder, or the system's message. */
    static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
            return "the disk is full";
        }
        if (m.contains("Read-only file system")) {
            return "the folder is on read-only storage";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied writing " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
            return f.getFile() + " cannot be written (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
        }
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** Streams every original from the vault into originals/, hashing on the way; returns (evidence id, name, sha). */
    private List<String[]> copyOriginals(Path work, Map<String, String> sums, TaskMonitor monitor)
            throws CaseFileException, IOException, CancelledException {
        Path dir = work.resolve(ORIGINALS);
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        List<String[]> out = new ArrayList<>();
        for (Evidence e : cases.evidence()) {
            checkCancelled(monitor);
            String name = uniqueName(safeName(e.originalName(), "evidence-" + e.id()), e.id(), used);
            Path file = dir.resolve(name);
            String sha;
            try (InputStream in = cases.openOriginal(e.id());
                 DigestInputStream digesting = Sha256Sums.digesting(in);
                 OutputStream o = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                digesting.transferTo(o);
                sha = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
            }
            if (!sha.equals(e.sha256())) {
                throw new CaseFileException(cases.caseFile().path(), "evidence " + e.id() + " (" + e.originalName()
                        + ") reads back with SHA-256 " + sha + ", not the recorded " + e.sha256()
                        + "; run seamline verify");
            }
            sums.put(ORIGINALS + "/" + name, sha);
            out.add(new String[] {e.id() + "", ORIGINALS + "/" + name, sha, e.originalName()});
        }
        return out;
    }

    private String copyStitch(Path work, Map<String, String> sums, List<String> warnings)
            throws CaseFileException, IOException {
        Optional<StitchRecord> latest = StitchRecord.latest(cases);
        if (latest.isEmpty()) {
            return "No stitched recording is included: none was made in this case.";
        }
        StitchRecord s = latest.get();
        Path source = s.outputFile();
        if (!Files.isRegularFile(source)) {
            warnings.add("stitched recording " + source + " no longer exists");
            return "No stitched recording is included: the latest stitch (" + source + ", made "
                    + UtcTimes.format(s.createdUtc()) + ") no longer exists.";
        }
        String name = safeName(source.getFileName().toString(), "stitched.wav");
        if (name.equals(MANIFEST)) {
            name = "stitched-" + name;
        }
        Path dir = work.resolve(STITCH);
        Files.createDirectories(dir);
        Path copy = dir.resolve(name);
        String sha;
        try (InputStream in = Files.newInputStream(source);
             DigestInputStream digesting = Sha256Sums.digesting(in);
             OutputStream o = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW)) {
            digesting.transferTo(o);
            sha = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
        if (!sha.equalsIgnoreCase(s.outputSha256())) {
            Files.delete(copy);
            Files.delete(dir);
            warnings.add("stitched recording " + source + " has changed since it was made");
            return "No stitched recording is included: " + source + " now has SHA-256 " + sha
                    + ", not the " + s.outputSha256() + " recorded when it was made.";
        }
        Files.writeString(dir.resolve(MANIFEST), s.manifestJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        sums.put(STITCH + "/" + name, sha);
        sums.put(STITCH + "/" + MANIFEST, Sha256Sums.of(dir.resolve(MANIFEST)));
        return "stitch/" + name + " is the latest stitched recording (made " + UtcTimes.format(s.createdUtc())
                + ", custody entry " + s.custodySeq() + "); stitch/" + MANIFEST + " is its manifest as stored in the case.";
    }

    /** A consistent copy of the case database (SQLite VACUUM INTO: one read transaction, no WAL needed). */
    private void vacuumInto(Path copy, Path target) throws CaseFileException {
        try (PreparedStatement ps = cases.caseFile().connection().prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, copy.toString());
            ps.execute();
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new CaseFileException(target, "cannot copy the case file into the package: "
                    + (m.contains("SQLITE_FULL") ? "the disk is full" : m.contains("SQLITE_READONLY")
                    || m.contains("SQLITE_CANTOPEN") ? "the folder cannot be written" : m.replaceAll("[\\r\\n]+", " "))
                    + "; nothing was left there", e);
        }
    }

    private static String readme(CaseInfo info, ReportResult report, List<String[]> originals, String stitchNote,
            String casePath, List<String> warnings) {
        StringBuilder r = new StringBuilder();
        r.append("Seamline evidence package\n=========================\n\n");
        r.append("Case: ").append(info.title()).append('\n');
        r.append("Case number: ").append(info.caseNumber() == null ? "" : info.caseNumber()).append('\n');
        r.append("Examiner: ").append(info.examiner()).append('\n');
        r.append("Exported: ").append(UtcTimes.format(UtcTimes.now())).append(" with Seamline ")
                .append(SeamlineVersion.get()).append("\n\n");
        r.append("Contents\n--------\n");
        r.append(REPORT).append("  signed report (PAdES), SHA-256 ").append(report.sha256()).append(", signed by ")
                .append(report.signer()).append(report.selfSigned() ? " (self-signed certificate)" : "").append('\n');
        r.append(casePath).append("  copy of the case file (SQLite), custody log up to the report's entry ")
                .append(report.custodySeq()).append("; the export's own entry is recorded in the case after this\n");
        r.append("originals/  every evidence file exactly as imported:\n");
        for (String[] o : originals) {
            r.append("  evidence ").append(o[0]).append(": ").append(o[1]).append("  (imported as ").append(o[3])
                    .append(")\n");
        }
        r.append("stitch/  ").append(stitchNote).append('\n');
        r.append(SUMS).append("  SHA-256 of every other file\n\n");
        r.append("How to verify\n-------------\n");
        r.append("  sha256sum -c SHA256SUMS        every file must say OK\n");
        r.append("  pdfsig report.pdf              must say \"Signature is Valid.\" and \"Total document signed\"\n");
        r.append("  seamline verify .              all of the above, plus the case's custody chain and vault\n");
        if (!warnings.isEmpty()) {
            r.append("\nWarnings\n--------\n");
            for (String w : warnings) {
                r.append("  ").append(w).append('\n');
            }
        }
        return r.toString();
    }

    /**
     * A file name safe on every file system: the last path element only, no control characters, no
     * characters Windows forbids, no leading dots (so never "." or ".."), at most 120 characters.
     */
    static String safeName(String name, String fallback) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        base.codePoints().forEach(cp -> {
            boolean bad = cp < 0x20 || cp == 0x7f || "<>:\"|?*".indexOf(cp) >= 0;
            out.appendCodePoint(bad ? '_' : cp);
        });
        String s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 120) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, 120 - ext.length()) + ext;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        String stem = upper.contains(".") ? upper.substring(0, upper.indexOf('.')) : upper;
        if (stem.matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) {
            s = "_" + s;
        }
        return s.isEmpty() ? fallback : s;
    }

    /** The name, or "stem (evidence N).ext" when another original already took it (compared case-insensitively). */
    static String uniqueName(String name, long evidenceId, Set<String> used) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (evidence " + evidenceId + (n == 0 ? "" : "-" + n) + ")" + ext;
        }
        return candidate;
    }

    /** Zips the folder into {@code target} (created new), entries sorted, '/' separators; returns the zip's SHA-256. */
    private static String zipFolder(Path folder, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ZipOutputStream zip = new ZipOutputStream(java.nio.channels.Channels.newOutputStream(channel));
            for (Path file : files) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(Files.getLastModifiedTime(file).toMillis());
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            // On disk before it is renamed into place, so the name never points at a zip still in the page cache.
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return Sha256Sums.of(target);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void checkCancelled(TaskMonitor monitor) throws CancelledException {
        if (monitor.isCancelled()) {
            throw new CancelledException("export");
        }
    }
}
