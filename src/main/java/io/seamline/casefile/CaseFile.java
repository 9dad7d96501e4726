package io.seamline.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * An open case file: the SQLite connection (WAL, foreign keys on), its schema version and
 * migrations, and transactions. One {@code *.seamline} file is the whole case.
 */
public final class CaseFile implements AutoCloseable {
    /** {@code PRAGMA application_id} of a Seamline case: ASCII "SEML". */
    public static final int APPLICATION_ID = 0x53454D4C;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final Connection connection;
    private final CustodyLog custody;

    private CaseFile(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
        this.custody = new CustodyLog(connection);
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
            try (CaseFile created = new CaseFile(temp, connect(temp, true))) {
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
        Connection connection;
        try {
            connection = connect(target, false);
        } catch (SQLException e) {
            throw openFailure(target, "cannot be opened: ", e);
        }
        CaseFile caseFile = new CaseFile(target, connection);
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
            caseFile.applyPragmas(false);
            if (version < Migrations.LATEST) {
                caseFile.migrate(Actor.current(caseFile.info().examiner()));
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

    /**
     * A read-only case file or folder makes SQLite fail with a bare "unable to open database file" (WAL mode
     * must write its -wal and -shm files beside the case), so that cause is named instead.
     */
    private static CaseFileException openFailure(Path target, String prefix, SQLException e) {
        Path folder = target.getParent();
        if (!Files.isWritable(target) || folder != null && !Files.isWritable(folder)) {
            return new CaseFileException(target, "the case file or its folder is read-only; nothing was written"
                    + " (Seamline writes its journal beside the case)", e);
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
