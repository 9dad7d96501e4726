package io.seamline.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * An open case file: the SQLite connection (WAL, foreign keys on), its schema version and
 * migrations, and transactions. One {@code *.seamline} file is the whole case.
 *
 * <p>A case whose file or folder cannot be written (read-only media, a write-protected copy) is opened
 * read-only with SQLite's {@code immutable=1} URI parameter (sqlite.org/uri.html#uriimmutable): WAL mode
 * would otherwise need to create its {@code -shm} file beside the case. Reading, {@code verify} and
 * {@code show} then work; every write is refused with one line naming the case.
 */
public final class CaseFile implements AutoCloseable {
    /** {@code PRAGMA application_id} of a Seamline case: ASCII "SEML". */
    public static final int APPLICATION_ID = 0x53454D4C;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    static {
        // Before the driver's first connection: load SQLite's native library from the per-user cache.
        SqliteNativeLibraryCache.install();
    }

    /** What a write to a read-only case says (after the case's path). */
    public static final String READ_ONLY = "the case file or its folder is read-only; nothing was written";

    private final Path path;
    private final Connection connection;
    private final CustodyLog custody;
    private final boolean readOnly;

    private CaseFile(Path path, Connection connection, boolean readOnly) {
        this.path = path;
        this.connection = connection;
        this.custody = new CustodyLog(connection);
        this.readOnly = readOnly;
    }

    /** The work done inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException, CaseFileException, CancelledException, IOException;
    }

    /**
     * Creates a new case at {@code path}: written beside it under a temporary name and moved into
     * place only when complete, so an interrupted creation leaves no half-made case.
     */
    public static CaseFile create(Path path, CaseInfo info, Actor actor) throws CaseFileException {
        Path target = path.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new CaseFileException(target, "already exists; choose another name or open it");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CaseFileException(target, "its folder does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new CaseFileException(target, "its folder is not writable");
        }
        Path temp = dir.resolve("." + target.getFileName() + ".creating-" + ProcessHandle.current().pid());
        try {
            try (CaseFile created = new CaseFile(temp, connect(temp, true), false)) {
                created.applyPragmas(true);
                created.migrate(actor);
                created.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_info (id, title, case_number,"
                            + " examiner, time_zone, created_utc, tool_version) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, info.title());
                        ps.setString(2, info.caseNumber());
                        ps.setString(3, info.examiner());
                        ps.setString(4, info.timeZone().getId());
                        ps.setString(5, UtcTimes.format(info.createdUtc()));
                        ps.setString(6, info.toolVersion());
                        ps.executeUpdate();
                    }
                    created.custody.append(actor, "create-case", target.getFileName().toString(), Map.of(
                            "title", info.title(), "caseNumber", info.caseNumber(), "examiner", info.examiner(),
                            "timeZone", info.timeZone().getId(), "createdUtc", UtcTimes.format(info.createdUtc()),
                            "toolVersion", info.toolVersion()));
                    return null;
                });
                try (Statement st = created.connection.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
            moveIntoPlace(temp, target);
        } catch (SQLException | CancelledException | IOException e) {
            deleteQuietly(temp);
            throw new CaseFileException(target, "could not be created: " + e.getMessage(), e);
        } catch (CaseFileException e) {
            deleteQuietly(temp);
            throw e;
        }
        return open(target);
    }

    /** Opens an existing case, applying forward migrations; refuses files that are not Seamline cases. */
    public static CaseFile open(Path path) throws CaseFileException {
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new CaseFileException(target, "no such case file");
        }
        if (Files.isDirectory(target)) {
            throw new CaseFileException(target, "is a folder, not a case file");
        }
        checkSqliteHeader(target);
        boolean readOnly = !writable(target);
        Connection connection;
        try {
            connection = readOnly ? connectImmutable(target) : connect(target, false);
        } catch (SQLException e) {
            throw openFailure(target, "cannot be opened: ", e);
        }
        CaseFile caseFile = new CaseFile(target, connection, readOnly);
        try {
            int appId = caseFile.pragmaInt("application_id");
            int version = caseFile.pragmaInt("user_version");
            if (appId != APPLICATION_ID) {
                throw new CaseFileException(target, "is a SQLite database but not a Seamline case");
            }
            if (version > Migrations.LATEST) {
                throw new CaseFileException(target, "was written by a newer Seamline (schema " + version
                        + "; this version reads up to " + Migrations.LATEST + ")");
            }
            if (readOnly) {
                if (version < Migrations.LATEST) {
                    throw new CaseFileException(target, "is read-only and was written by an older Seamline (schema "
                            + version + "); copy it to writable storage so it can be upgraded to schema "
                            + Migrations.LATEST);
                }
                return caseFile;
            }
            caseFile.applyPragmas(false);
            if (version < Migrations.LATEST) {
                caseFile.migrate(Actor.current(caseFile.info().examiner()));
            }
            try {
                caseFile.finishMoves();
            } catch (CaseFileException e) {
                // The move stays recorded; the operation that needs it (stitch, export) names the problem.
            }
            return caseFile;
        } catch (SQLException | CaseFileException e) {
            caseFile.close();
            if (e instanceof CaseFileException cfe) {
                throw cfe;
            }
            throw openFailure(target, "cannot be read as a case: ", (SQLException) e);
        }
    }

    /** True when both the case file and its folder can be written (SQLite's WAL files live in the folder). */
    private static boolean writable(Path target) throws CaseFileException {
        Path folder = target.getParent();
        try {
            return Files.isWritable(target) && (folder == null || Files.isWritable(folder))
                    && !Files.getFileStore(target).isReadOnly();
        } catch (IOException e) {
            throw new CaseFileException(target, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a case that cannot be written. {@code immutable=1} makes SQLite read the main file only, without
     * locks, WAL or rollback journal, so a journal beside the case would be ignored: a non-empty {@code -wal}
     * (committed pages not yet checkpointed into the file) or {@code -journal} (pages a killed bulk import
     * must roll back) is refused instead. The path goes in as a percent-encoded {@code file:} URI.
     */
    private static Connection connectImmutable(Path file) throws SQLException {
        for (String suffix : new String[] {"-wal", "-journal"}) {
            Path journal = file.resolveSibling(file.getFileName() + suffix);
            try {
                if (Files.exists(journal) && Files.size(journal) > 0) {
                    throw new SQLException("is read-only and its journal " + journal.getFileName() + " holds changes"
                            + " not yet in the case; copy both files to writable storage to open it");
                }
            } catch (IOException e) {
                throw new SQLException("its journal " + journal.getFileName() + " cannot be read: " + e.getMessage(), e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.enforceForeignKeys(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1", config.toProperties());
    }

    /**
     * A read-only case file or folder makes SQLite fail with a bare "unable to open database file" (WAL mode
     * must write its -wal and -shm files beside the case), so that cause is named instead.
     */
    private static CaseFileException openFailure(Path target, String prefix, SQLException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("is read-only and its journal")) {
            return new CaseFileException(target, e.getMessage(), e);
        }
        Path folder = target.getParent();
        if (!Files.isWritable(target) || folder != null && !Files.isWritable(folder)) {
            return new CaseFileException(target, READ_ONLY + " (Seamline writes its journal beside the case)", e);
        }
        return new CaseFileException(target, prefix + e.getMessage(), e);
    }

    /** The case file's path. */
    public Path path() {
        return path;
    }

    /** The live connection; use {@link #inTransaction} for anything that writes. */
    public Connection connection() {
        return connection;
    }

    /** True when the case was opened read-only because its file or folder cannot be written. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Fails early, before any work, when the case cannot be written.
     *
     * @throws CaseFileException naming the case as read-only
     */
    public void requireWritable() throws CaseFileException {
        if (readOnly) {
            throw new CaseFileException(path, READ_ONLY);
        }
    }

    /** The custody log of this case. */
    public CustodyLog custody() {
        return custody;
    }

    /** The schema version of the open case. */
    public int schemaVersion() throws SQLException {
        return pragmaInt("user_version");
    }

    /** Reads the case details. */
    public CaseInfo info() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT title, case_number, examiner, time_zone, created_utc,"
                     + " tool_version FROM case_info WHERE id = 1")) {
            if (!rs.next()) {
                throw new SQLException("the case details row is missing");
            }
            return new CaseInfo(rs.getString(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                    UtcTimes.parse(rs.getString(5)), rs.getString(6));
        }
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): it commits when work
     * returns and rolls back on any exception, so a failed or cancelled operation leaves no trace.
     */
    public <T> T inTransaction(SqlWork<T> work) throws CaseFileException, CancelledException {
        requireWritable();
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            T result;
            try {
                result = work.run(connection);
                try (Statement st = connection.createStatement()) {
                    st.execute("COMMIT");
                }
            } catch (Exception | Error e) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new CaseFileException(path, describe(e), e);
        } catch (IOException e) {
            throw new CaseFileException(path, e.getMessage(), e);
        }
    }

    /**
     * Inside a write transaction: records that {@code from} (a complete file or folder beside its target) is
     * to be renamed to {@code to} once the transaction commits. {@link #finishMoves} does the rename, right
     * after the commit or, if the process died first, on the next open.
     */
    public void recordMove(Connection c, Path from, Path to, boolean replaceExisting) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pending_move (from_path, to_path, replace_existing) VALUES (?,?,?)")) {
            ps.setString(1, from.toAbsolutePath().toString());
            ps.setString(2, to.toAbsolutePath().toString());
            ps.setInt(3, replaceExisting ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /**
     * Renames into place every file that a committed operation recorded with {@link #recordMove}, and forgets
     * each move once its file is at its target (or neither file exists any more). A move whose target already
     * holds another file and may not be replaced stays recorded and is named in the exception.
     */
    public void finishMoves() throws CaseFileException {
        record Move(long id, Path from, Path to, boolean replace) {
        }
        List<Move> moves = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, from_path, to_path, replace_existing FROM pending_move ORDER BY id")) {
            while (rs.next()) {
                moves.add(new Move(rs.getLong(1), Path.of(rs.getString(2)), Path.of(rs.getString(3)), rs.getInt(4) != 0));
            }
        } catch (SQLException e) {
            throw new CaseFileException(path, "cannot read its pending file moves: " + describe(e), e);
        }
        for (Move m : moves) {
            if (Files.exists(m.from(), LinkOption.NOFOLLOW_LINKS)) {
                try {
                    // rename(2) replaces an existing target silently, so "never overwrite" is checked first.
                    if (!m.replace() && Files.exists(m.to(), LinkOption.NOFOLLOW_LINKS)) {
                        throw new java.nio.file.FileAlreadyExistsException(m.to().toString(), null,
                                "another file already has its name");
                    }
                    Files.move(m.from(), m.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    String why = e instanceof java.nio.file.FileAlreadyExistsException ? "another file already has"
                            + " its name" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                    throw new CaseFileException(m.to(), "was recorded in the case but cannot be put in place (" + why
                            + "); it is kept as " + m.from() + " and moved when the case is next opened", e);
                }
            }
            try {
                inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_move WHERE id = ?")) {
                        ps.setLong(1, m.id());
                        ps.executeUpdate();
                    }
                    return null;
                });
            } catch (CancelledException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs {@code work} like {@link #inTransaction}, but through SQLite's rollback journal instead of the WAL
     * when no other connection has the case open. Pages appended beyond the end of the file are not
     * journalled in rollback mode (sqlite.org/lockingv3.html §4), so a large import is written once; in
     * WAL mode every page is written to the WAL and again by the checkpoint. While it runs, other
     * processes cannot read the case (they are told it is open for writing in another process). When the
     * switch is refused because the case is open elsewhere, the work runs in WAL mode as usual. A kill
     * leaves a hot journal that SQLite rolls back on the next open, so the work is complete or absent
     * either way.
     */
    public <T> T inBulkTransaction(SqlWork<T> work) throws CaseFileException, CancelledException {
        requireWritable();
        boolean switched;
        try {
            switched = "delete".equalsIgnoreCase(journalMode("DELETE"));
        } catch (SQLException e) {
            switched = false;
        }
        try {
            return inTransaction(work);
        } finally {
            if (switched) {
                try {
                    journalMode("WAL");
                } catch (SQLException e) {
                    // The next open sets WAL again (applyPragmas); the case is consistent in either mode.
                }
            }
        }
    }

    private String journalMode(String mode) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode = " + mode)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing a user can act on: every write was committed or rolled back before close.
        }
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? "database error" : e.getMessage();
        if (message.contains("SQLITE_FULL")) {
            return "the disk is full; nothing was written";
        }
        if (message.contains("SQLITE_READONLY")) {
            return "the case file is read-only; nothing was written";
        }
        if (message.contains("SQLITE_BUSY")) {
            return "the case is open for writing in another process; try again when it is free";
        }
        return message;
    }

    private static Connection connect(Path file, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private void applyPragmas(boolean fresh) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (fresh) {
                // 64 KiB pages keep 4 MiB vault chunks in short overflow chains.
                st.execute("PRAGMA page_size = 65536");
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
        }
    }

    private void migrate(Actor actor) throws SQLException, CaseFileException {
        int from = pragmaInt("user_version");
        for (Migrations.Migration migration : Migrations.ALL) {
            if (migration.version() <= from) {
                continue;
            }
            try {
                inTransaction(c -> {
                    try (Statement st = c.createStatement()) {
                        for (String sql : migration.statements()) {
                            st.execute(sql);
                        }
                        st.execute("PRAGMA user_version = " + migration.version());
                    }
                    // A new case starts at the latest schema; only upgrading an existing case is custody-worthy.
                    if (from >= 1) {
                        custody.append(actor, "migrate-schema", "schema " + migration.version(),
                                Map.of("fromVersion", migration.version() - 1, "toVersion", migration.version(),
                                        "description", migration.description()));
                    }
                    return null;
                });
            } catch (CancelledException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private int pragmaInt(String name) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void checkSqliteHeader(Path target) throws CaseFileException {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(target)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new CaseFileException(target, "cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new CaseFileException(target, "is empty, not a Seamline case");
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new CaseFileException(target, "is not a Seamline case (not a SQLite database)");
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static void deleteQuietly(Path temp) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            } catch (IOException ignored) {
                // Best effort: a stray temporary file beside the case is harmless and named ".creating-".
            }
        }
    }
}
