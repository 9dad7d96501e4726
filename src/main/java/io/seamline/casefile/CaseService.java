package io.seamline.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case operations both front ends call: create, open, import evidence, list, add notes and
 * verify. Each operation that changes the case is one transaction with its custody entry.
 */
public final class CaseService implements AutoCloseable {
    /**
     * Imports of at least this many bytes go through {@link CaseFile#inBulkTransaction}: written once
     * instead of twice, at the price of blocking readers in other processes while they run.
     */
    static final long BULK_IMPORT_BYTES = 64L << 20;
    private final CaseFile caseFile;
    private final EvidenceVault vault;
    private final Actor actor;

    private CaseService(CaseFile caseFile) throws CaseFileException {
        this.caseFile = caseFile;
        this.vault = new EvidenceVault(caseFile.connection());
        try {
            this.actor = Actor.current(caseFile.info().examiner());
        } catch (SQLException e) {
            caseFile.close();
            throw new CaseFileException(caseFile.path(), "the case details cannot be read: " + e.getMessage(), e);
        }
    }

    /** Creates a new case file and opens it. */
    public static CaseService create(NewCaseRequest request) throws CaseFileException {
        if (request.title() == null || request.title().isBlank()) {
            throw new CaseFileException(request.path(), "a case needs a title");
        }
        if (request.examiner() == null || request.examiner().isBlank()) {
            throw new CaseFileException(request.path(), "a case needs an examiner name");
        }
        CaseInfo info = new CaseInfo(request.title().strip(), request.caseNumber(), request.examiner().strip(),
                request.timeZone() == null ? java.time.ZoneId.systemDefault() : request.timeZone(), UtcTimes.now(),
                SeamlineVersion.get());
        return new CaseService(CaseFile.create(request.path(), info, Actor.current(info.examiner())));
    }

    /** Opens an existing case file. */
    public static CaseService open(Path path) throws CaseFileException {
        return new CaseService(CaseFile.open(path));
    }

    /** The underlying case file, for the analysis, stitching and report services built on it. */
    public CaseFile caseFile() {
        return caseFile;
    }

    /** The actor recorded in custody entries made through this service. */
    public Actor actor() {
        return actor;
    }

    /** The case details. */
    public CaseInfo info() throws CaseFileException {
        return read(caseFile::info);
    }

    /** All evidence in import order. */
    public List<Evidence> evidence() throws CaseFileException {
        return read(() -> queryEvidence("", null));
    }

    /** One evidence item by id. */
    public Optional<Evidence> evidence(long id) throws CaseFileException {
        return read(() -> queryEvidence(" WHERE id = ?", id)).stream().findFirst();
    }

    /** The custody log in order. */
    public List<CustodyEntry> custody() throws CaseFileException {
        return read(() -> caseFile.custody().entries());
    }

    /** Opens the vaulted original bytes of an evidence item. */
    public InputStream openOriginal(long evidenceId) throws CaseFileException {
        return read(() -> vault.open(evidenceId));
    }

    /**
     * Imports every file of the request in one transaction: either all of them become evidence, each
     * with its custody entry, or (on any error or cancellation) the case is left exactly as it was.
     */
    public List<Evidence> importEvidence(ImportRequest request, TaskMonitor monitor)
            throws CaseFileException, CancelledException {
        List<Candidate> candidates = new ArrayList<>();
        long totalBytes = 0;
        for (Path file : request.files()) {
            Candidate candidate = inspect(file, request.asKind());
            candidates.add(candidate);
            totalBytes += candidate.sizeBytes;
        }
        long total = totalBytes;
        AtomicLong done = new AtomicLong();
        monitor.progress("import", 0, total);
        CaseFile.SqlWork<List<Evidence>> work = c -> {
            List<Evidence> imported = new ArrayList<>();
            for (Candidate candidate : candidates) {
                imported.add(importOne(c, candidate, request.note(), monitor,
                        n -> monitor.progress("import", done.addAndGet(n), total)));
            }
            return imported;
        };
        return total >= BULK_IMPORT_BYTES ? caseFile.inBulkTransaction(work) : caseFile.inTransaction(work);
    }

    /** Records an examiner's note in the custody log. */
    public CustodyEntry addNote(String subject, String text, Map<String, ?> extra)
            throws CaseFileException, CancelledException {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("text", text);
        return caseFile.inTransaction(c -> caseFile.custody().append(actor, "note", subject, details));
    }

    /**
     * Adds an examiner's note on {@code [startUtc, endUtc]} (on one lane when {@code laneId} is not
     * null), recorded in the custody log with every field of the note.
     */
    public Annotation annotate(Instant startUtc, Instant endUtc, Long laneId, String text)
            throws CaseFileException, CancelledException {
        if (text == null || text.isBlank()) {
            throw new CaseFileException(caseFile.path(), "an annotation needs text");
        }
        if (endUtc.isBefore(startUtc)) {
            throw new CaseFileException(caseFile.path(), "an annotation must not end before it starts");
        }
        return caseFile.inTransaction(c -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("startUtc", UtcTimes.format(startUtc));
            details.put("endUtc", UtcTimes.format(endUtc));
            details.put("laneId", laneId);
            details.put("text", text.strip());
            CustodyEntry entry = caseFile.custody().append(actor, "annotate", "time range", details);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation (start_utc, end_utc, lane_id, text,"
                    + " custody_seq) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, UtcTimes.format(startUtc));
                ps.setString(2, UtcTimes.format(endUtc));
                ps.setObject(3, laneId);
                ps.setString(4, text.strip());
                ps.setLong(5, entry.seq());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Annotation(keys.getLong(1), UtcTimes.parse(UtcTimes.format(startUtc)),
                            UtcTimes.parse(UtcTimes.format(endUtc)), laneId, text.strip(), entry.seq());
                }
            }
        });
    }

    /** Every annotation, by start time. */
    public List<Annotation> annotations() throws CaseFileException {
        return read(() -> {
            List<Annotation> out = new ArrayList<>();
            try (Statement st = caseFile.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, start_utc, end_utc, lane_id, text, custody_seq"
                         + " FROM annotation ORDER BY start_utc, id")) {
                while (rs.next()) {
                    long lane = rs.getLong(4);
                    Long laneId = rs.wasNull() ? null : lane;
                    out.add(new Annotation(rs.getLong(1), UtcTimes.parse(rs.getString(2)),
                            UtcTimes.parse(rs.getString(3)), laneId, rs.getString(5), rs.getLong(6)));
                }
            }
            return out;
        });
    }

    /** Appends a custody entry for work another service did in the caller's transaction. */
    public CustodyEntry recordCustody(String action, String subject, Map<String, ?> details) throws SQLException {
        return caseFile.custody().append(actor, action, subject, details);
    }

    /**
     * Re-hashes every vault item, walks the custody chain and cross-checks each evidence row against
     * the custody entry that imported it.
     */
    public VerificationReport verify(TaskMonitor monitor) throws CaseFileException {
        return read(() -> {
            List<String> problems = new ArrayList<>(caseFile.custody().verify());
            List<CustodyEntry> entries = caseFile.custody().entries();
            List<Evidence> all = queryEvidence("", null);
            long total = all.stream().mapToLong(Evidence::sizeBytes).sum();
            AtomicLong done = new AtomicLong();
            for (Evidence e : all) {
                problems.addAll(vault.verify(e, n -> monitor.progress("verify", done.addAndGet(n), total)));
                problems.addAll(crossCheck(e, entries));
            }
            problems.addAll(checkDerived(entries));
            problems.addAll(checkAnnotations(entries));
            for (CustodyEntry entry : entries) {
                if (entry.action().equals("import")) {
                    long id = detailLong(entry, "evidenceId");
                    if (all.stream().noneMatch(e -> e.id() == id)) {
                        problems.add("evidence " + id + " imported by custody entry " + entry.seq()
                                + " is missing from the case");
                    }
                }
            }
            return new VerificationReport(all.size(), done.get(), entries.size(), problems);
        });
    }

    @Override
    public void close() {
        caseFile.close();
    }

    private record Candidate(Path path, long sizeBytes, EvidenceFormat format, EvidenceKind kind) {
    }

    private Candidate inspect(Path file, EvidenceKind asKind) throws CaseFileException {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new CaseFileException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CaseFileException(path, "is a folder; name the files inside it");
        }
        if (!Files.isRegularFile(path)) {
            throw new CaseFileException(path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new CaseFileException(path, "cannot be read (permission denied)");
        }
        long size;
        byte[] head = new byte[FormatDetector.HEAD_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(path, StandardOpenOption.READ)) {
            size = Files.size(path);
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new CaseFileException(path, "cannot be read: " + e.getMessage(), e);
        }
        if (size == 0 || read == 0) {
            throw new CaseFileException(path, "is empty");
        }
        EvidenceFormat format = FormatDetector.detect(head, read).orElseThrow(() -> new CaseFileException(path,
                "unknown format (not pcap, pcapng, WAV/BWF/RF64, Ogg Opus, JSON or XML)"));
        EvidenceKind kind = asKind == null ? format.defaultKind() : asKind;
        checkKindFits(path, format, kind);
        return new Candidate(path, size, format, kind);
    }

    private static void checkKindFits(Path path, EvidenceFormat format, EvidenceKind kind) throws CaseFileException {
        boolean capture = format == EvidenceFormat.PCAP || format == EvidenceFormat.PCAPNG;
        boolean text = format == EvidenceFormat.JSON || format == EvidenceFormat.XML;
        boolean fits = switch (kind) {
            case CAPTURE -> capture;
            case RECORDING, EDGE_BUFFER -> !capture && !text;
            case METADATA, EVENT_LOG -> text;
        };
        if (!fits) {
            throw new CaseFileException(path, "a " + format.label() + " file cannot be imported as " + kind.cliName());
        }
    }

    private Evidence importOne(Connection c, Candidate candidate, String note, TaskMonitor monitor,
            java.util.function.LongConsumer bytesDone) throws SQLException, IOException, CaseFileException,
            CancelledException {
        Instant importedAt = UtcTimes.now();
        String name = candidate.path.getFileName().toString();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence (kind, original_name, original_path,"
                + " size_bytes, sha256, format, imported_at_utc, imported_by, note, chunk_count)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, candidate.kind.cliName());
            ps.setString(2, name);
            ps.setString(3, candidate.path.toString());
            ps.setLong(4, 0);
            ps.setString(5, "pending-" + importedAt + "-" + name);
            ps.setString(6, candidate.format.label());
            ps.setString(7, UtcTimes.format(importedAt));
            ps.setString(8, importedBy());
            ps.setString(9, note);
            ps.setInt(10, 0);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        EvidenceVault.Stored stored;
        try (InputStream in = Files.newInputStream(candidate.path, StandardOpenOption.READ)) {
            stored = vault.store(id, in, candidate.path, monitor, bytesDone);
        } catch (IOException e) {
            throw new CaseFileException(candidate.path, "cannot be read: " + e.getMessage(), e);
        }
        if (stored.sizeBytes() != candidate.sizeBytes) {
            throw new CaseFileException(candidate.path, "changed size while it was being imported ("
                    + candidate.sizeBytes + " then " + stored.sizeBytes() + " bytes); nothing was imported");
        }
        Optional<Evidence> existing = queryEvidence(" WHERE sha256 = ?", stored.sha256()).stream().findFirst();
        if (existing.isPresent()) {
            throw new DuplicateEvidenceException(candidate.path, existing.get().id(), stored.sha256());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evidenceId", id);
        details.put("kind", candidate.kind.cliName());
        details.put("format", candidate.format.label());
        details.put("originalName", name);
        details.put("originalPath", candidate.path.toString());
        details.put("sizeBytes", stored.sizeBytes());
        details.put("sha256", stored.sha256());
        details.put("chunkCount", stored.chunkCount());
        details.put("note", note);
        CustodyEntry entry = caseFile.custody().append(actor, "import", name, details);
        try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET size_bytes = ?, sha256 = ?,"
                + " chunk_count = ?, custody_seq = ? WHERE id = ?")) {
            ps.setLong(1, stored.sizeBytes());
            ps.setString(2, stored.sha256());
            ps.setInt(3, stored.chunkCount());
            ps.setLong(4, entry.seq());
            ps.setLong(5, id);
            ps.executeUpdate();
        }
        return new Evidence(id, candidate.kind, name, candidate.path.toString(), stored.sizeBytes(), stored.sha256(),
                candidate.format, importedAt, importedBy(), note, stored.chunkCount(), entry.seq());
    }

    private String importedBy() {
        return actor.examiner() + " (" + actor.osUser() + "@" + actor.host() + ")";
    }

    private List<String> crossCheck(Evidence e, List<CustodyEntry> entries) {
        String label = "evidence " + e.id() + " (" + e.originalName() + ")";
        Optional<CustodyEntry> importEntry = entries.stream().filter(x -> x.seq() == e.custodySeq()).findFirst();
        if (importEntry.isEmpty() || !importEntry.get().action().equals("import")) {
            return List.of(label + ": its import is not in the custody log");
        }
        JsonNode d;
        try {
            d = CanonicalJson.read(importEntry.get().detailsJson());
        } catch (IllegalArgumentException bad) {
            return List.of(label + ": its custody entry cannot be read");
        }
        List<String> problems = new ArrayList<>();
        compare(problems, label, "evidence id", d.path("evidenceId").asLong(), e.id());
        compare(problems, label, "SHA-256", d.path("sha256").asText(), e.sha256());
        compare(problems, label, "size", d.path("sizeBytes").asLong(), e.sizeBytes());
        compare(problems, label, "name", d.path("originalName").asText(), e.originalName());
        compare(problems, label, "kind", d.path("kind").asText(), e.kind().cliName());
        compare(problems, label, "format", d.path("format").asText(), e.format().label());
        compare(problems, label, "chunk count", d.path("chunkCount").asLong(), (long) e.chunkCount());
        return problems;
    }

    /** Each annotation must match the custody entry that recorded it, and no recorded one may be missing. */
    private List<String> checkAnnotations(List<CustodyEntry> entries) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<Annotation> rows;
        try {
            rows = annotations();
        } catch (CaseFileException e) {
            return List.of("annotations cannot be read: " + e.getMessage());
        }
        for (CustodyEntry entry : entries) {
            if (!entry.action().equals("annotate")) {
                continue;
            }
            Optional<Annotation> row = rows.stream().filter(a -> a.custodySeq() == entry.seq()).findFirst();
            if (row.isEmpty()) {
                problems.add("annotation recorded by custody entry " + entry.seq() + " is missing from the case");
                continue;
            }
            JsonNode d = CanonicalJson.read(entry.detailsJson());
            Annotation a = row.get();
            boolean same = d.path("text").asText().equals(a.text())
                    && d.path("startUtc").asText().equals(UtcTimes.format(a.startUtc()))
                    && d.path("endUtc").asText().equals(UtcTimes.format(a.endUtc()))
                    && (d.path("laneId").isNull() ? a.laneId() == null : a.laneId() != null
                            && d.path("laneId").asLong() == a.laneId());
            if (!same) {
                problems.add("annotation " + a.id() + " was changed after custody entry " + entry.seq()
                        + " recorded it");
            }
        }
        for (Annotation a : rows) {
            if (entries.stream().noneMatch(e -> e.seq() == a.custodySeq() && e.action().equals("annotate"))) {
                problems.add("annotation " + a.id() + " has no custody entry");
            }
        }
        return problems;
    }

    /** The derived tables must still hash to what the last analysis recorded. */
    private List<String> checkDerived(List<CustodyEntry> entries) throws SQLException {
        CustodyEntry lastAnalysis = null;
        for (CustodyEntry entry : entries) {
            if (entry.action().equals("analyze")) {
                lastAnalysis = entry;
            }
        }
        if (lastAnalysis == null) {
            return DerivedTables.isEmpty(caseFile.connection()) ? List.of()
                    : List.of("analysis results are present but no analysis is in the custody log");
        }
        String now = DerivedTables.digest(caseFile.connection());
        String recorded;
        try {
            recorded = CanonicalJson.read(lastAnalysis.detailsJson()).path("derivedSha256").asText();
        } catch (IllegalArgumentException bad) {
            recorded = "";
        }
        return recorded.equals(now) ? List.of() : List.of("analysis results were changed after analysis "
                + "(custody entry " + lastAnalysis.seq() + " recorded derived SHA-256 " + recorded + ", now " + now + ")");
    }

    private static void compare(List<String> problems, String label, String field, Object recorded, Object now) {
        if (!recorded.equals(now)) {
            problems.add(label + ": its " + field + " was changed (custody log says " + recorded + ", case says "
                    + now + ")");
        }
    }

    private static long detailLong(CustodyEntry entry, String field) {
        try {
            return CanonicalJson.read(entry.detailsJson()).path(field).asLong(-1);
        } catch (IllegalArgumentException bad) {
            return -1;
        }
    }

    private List<Evidence> queryEvidence(String where, Object arg) throws SQLException {
        List<Evidence> out = new ArrayList<>();
        try (PreparedStatement ps = caseFile.connection().prepareStatement("SELECT id, kind, original_name,"
                + " original_path, size_bytes, sha256, format, imported_at_utc, imported_by, note, chunk_count,"
                + " custody_seq FROM evidence" + where + " ORDER BY id")) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence(rs.getLong(1), EvidenceKind.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), EvidenceFormat.fromLabel(rs.getString(7)),
                            UtcTimes.parse(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getInt(11),
                            rs.getLong(12)));
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException;
    }

    private <T> T read(Read<T> query) throws CaseFileException {
        try {
            return query.get();
        } catch (SQLException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CaseFileException(caseFile.path(), "cannot be read: " + e.getMessage(), e);
        }
    }
}
