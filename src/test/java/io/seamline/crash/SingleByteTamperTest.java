package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.DerivedTables;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One byte changed behind Seamline's back (as with an SQLite shell or a hex editor on a blob) in each kind
 * of row a case holds: {@code seamline verify} exits 1 and names what changed.
 */
class SingleByteTamperTest {
    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path dir;

    /** An analysed case with a capture, a recording and an annotation, built once and copied per test. */
    @BeforeAll
    static void analysedCase() throws Exception {
        try (CaseService service = TestCases.newCase(shared)) {
            pristine = service.caseFile().path();
            service.importEvidence(new ImportRequest(List.of(
                    Path.of("src/test/resources/io/seamline/rtp/media-move/media-move.pcap"),
                    TestCases.fixture("recording.wav")), null, "tamper fixture"), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
            Instant start = service.evidence().get(0).importedAtUtc();
            service.annotate(start, start.plusSeconds(2), null, "customer says the line went quiet");
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    static Stream<Integer> vaultBytes() {
        return IntStream.range(0, 8).boxed();
    }

    @ParameterizedTest(name = "vault byte sample {0}")
    @MethodSource("vaultBytes")
    void aByteChangedInAnyVaultChunkIsNamed(int sample) throws Exception {
        Path c = copy();
        String[] where = new String[1];
        sql(c, db -> {
            List<long[]> chunks = rows(db, "SELECT evidence_id, chunk_index, length(data) FROM vault_chunk"
                    + " ORDER BY evidence_id, chunk_index");
            Random random = new Random(sample);
            long[] chunk = chunks.get(random.nextInt(chunks.size()));
            int offset = random.nextInt((int) chunk[2]);
            byte[] data = blob(db, "SELECT data FROM vault_chunk WHERE evidence_id = " + chunk[0]
                    + " AND chunk_index = " + chunk[1]);
            data[offset] ^= (byte) (1 << random.nextInt(8));
            try (PreparedStatement ps = db.prepareStatement("UPDATE vault_chunk SET data = ? WHERE evidence_id = ?"
                    + " AND chunk_index = ?")) {
                ps.setBytes(1, data);
                ps.setLong(2, chunk[0]);
                ps.setLong(3, chunk[1]);
                ps.executeUpdate();
            }
            where[0] = "evidence " + chunk[0] + " (|vault chunk " + chunk[1] + " was altered";
        });
        String[] expected = where[0].split("\\|");
        String out = verifyFails(c);
        assertTrue(out.contains(expected[0]) && out.contains(expected[1]), out);
    }

    @Test
    void aCharacterChangedInEachCustodyColumnIsNamed() throws Exception {
        for (String column : List.of("time_utc", "examiner", "os_user", "host", "action", "subject", "details",
                "prev_hash", "hash")) {
            Path c = Files.createTempDirectory(dir, column).resolve("case.seamline");
            Files.copy(pristine, c);
            sql(c, db -> {
                exec(db, "DROP TRIGGER custody_no_update");
                String value = text(db, "SELECT " + column + " FROM custody WHERE seq = 2");
                try (PreparedStatement ps = db.prepareStatement("UPDATE custody SET " + column + " = ? WHERE seq = 2")) {
                    ps.setString(1, changeOneCharacter(value, 3));
                    ps.executeUpdate();
                }
            });
            String out = verifyFails(c);
            assertTrue(out.contains("custody entry 2"), column + ": " + out);
        }
    }

    static Stream<String[]> derivedColumns() {
        // table, key columns, a non-key column to change (text or blob)
        return Stream.of(
                new String[] {"capture_summary", "evidence_id", "details"},
                new String[] {"call", "id", "details"},
                new String[] {"sip_message", "id", "raw"},
                new String[] {"rtp_stream", "id", "details"},
                new String[] {"event", "id", "summary"},
                new String[] {"lane", "id", "pyramid"},
                new String[] {"lane_packets", "lane_id, chunk_index", "data"},
                new String[] {"gap", "id", "details"},
                new String[] {"alignment", "lane_id", "details"});
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("derivedColumns")
    void aChangeInAnyDerivedTableNamesTheTableAndTheRow(String table, String keys, String column) throws Exception {
        Path c = copy();
        String[] key = new String[1];
        sql(c, db -> {
            long count = rows(db, "SELECT count(*) FROM " + table).get(0)[0];
            assertTrue(count > 0, table + " has no rows in the fixture");
            long offset = count / 2;
            String select = "SELECT rowid, " + column + ", " + keys.replace(",", " || ' ' ||") + " FROM " + table
                    + " ORDER BY " + keys + " LIMIT 1 OFFSET " + offset;
            long rowid;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(select)) {
                rs.next();
                rowid = rs.getLong(1);
                Object value = rs.getObject(2);
                String[] parts = rs.getString(3).split(" ");
                String[] names = keys.split(",\\s*");
                StringBuilder k = new StringBuilder();
                for (int i = 0; i < names.length; i++) {
                    k.append(i == 0 ? "" : " ").append(names[i]).append('=').append(parts[i]);
                }
                key[0] = k.toString();
                try (PreparedStatement ps = db.prepareStatement("UPDATE " + table + " SET " + column
                        + " = ? WHERE rowid = ?")) {
                    if (value instanceof byte[] bytes) {
                        bytes[bytes.length / 2] ^= 0x01;
                        ps.setBytes(1, bytes);
                    } else {
                        String text = (String) value;
                        ps.setString(1, changeOneCharacter(text, text.length() / 2));
                    }
                    ps.setLong(2, rowid);
                    assertEquals(1, ps.executeUpdate(), table);
                }
            }
        });
        String out = verifyFails(c);
        assertTrue(out.contains("analysis results were changed after analysis"), out);
        assertTrue(out.contains("table " + table + ", "), out);
        // Tables of up to DerivedTables.BUCKETS rows name the row itself; longer ones a range starting at or before it.
        assertTrue(out.contains("row " + key[0]) || out.contains(" to ") && out.contains("table " + table + ", a row of"),
                key[0] + ": " + out);
        for (String[] other : derivedColumns().toList()) {
            if (!other[0].equals(table)) {
                assertTrue(!out.contains("table " + other[0] + ","), "only " + table + " changed: " + out);
            }
        }
    }

    @Test
    void aDeletedDerivedRowIsNamedByItsTableAndCount() throws Exception {
        Path c = copy();
        long[] before = new long[1];
        sql(c, db -> {
            before[0] = rows(db, "SELECT count(*) FROM gap").get(0)[0];
            exec(db, "DELETE FROM gap WHERE id = (SELECT max(id) FROM gap)");
        });
        String out = verifyFails(c);
        assertTrue(out.contains("table gap has " + (before[0] - 1) + " row(s), " + before[0] + " were recorded"), out);
    }

    @Test
    void anAnalysisRecordedWithOnlyTheWholeDigestStillVerifiesAndNamesAChange() throws Exception {
        // Cases analysed before per-table digests carry only derivedSha256 in their analyze entry.
        Path c = copy();
        try (CaseService service = CaseService.open(c)) {
            Connection db = service.caseFile().connection();
            String whole = DerivedTables.digest(db);
            var old = CanonicalJson.read("{\"derivedSha256\":\"" + whole + "\"}");
            assertEquals(List.of(), DerivedTables.check(db, old, 5));
            exec(db, "UPDATE gap SET details = details || ' ' WHERE id = (SELECT min(id) FROM gap)");
            List<String> problems = DerivedTables.check(db, old, 5);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("analysis results were changed after analysis (custody entry 5):"
                    + " recorded derived SHA-256 " + whole + ", now "), problems.get(0));
        }
    }

    @Test
    void aCharacterChangedInAnAnnotationIsNamed() throws Exception {
        for (String column : List.of("text", "start_utc", "end_utc")) {
            Path c = Files.createTempDirectory(dir, column).resolve("case.seamline");
            Files.copy(pristine, c);
            sql(c, db -> {
                String value = text(db, "SELECT " + column + " FROM annotation ORDER BY id LIMIT 1");
                try (PreparedStatement ps = db.prepareStatement("UPDATE annotation SET " + column + " = ?")) {
                    ps.setString(1, changeOneCharacter(value, value.length() - 3));
                    ps.executeUpdate();
                }
            });
            String out = verifyFails(c);
            assertTrue(out.contains("annotation 1 was changed after custody entry"), column + ": " + out);
        }
    }

    @Test
    void anAnnotationMovedToAnotherLaneIsNamed() throws Exception {
        Path c = copy();
        sql(c, db -> exec(db, "UPDATE annotation SET lane_id = (SELECT min(id) FROM lane)"));
        assertTrue(verifyFails(c).contains("annotation 1 was changed after custody entry"));
    }

    @Test
    void aCharacterChangedInAStitchRowOrItsRowDeletedIsNamed() throws Exception {
        for (String column : List.of("output_path", "output_sha256", "manifest", "deleted")) {
            Path c = Files.createTempDirectory(dir, column).resolve("case.seamline");
            Files.copy(pristine, c);
            long seq;
            try (CaseService service = CaseService.open(c)) {
                // A stitch row as StitchService writes it, with its custody entry in the same transaction.
                String manifest = "{\"format\":\"seamline-stitch-manifest-1\",\"segments\":[]}";
                String wavSha = "ab".repeat(32);
                String manifestSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                seq = service.caseFile().inTransaction(db -> {
                    var entry = service.recordCustody("stitch", "stitched.wav", java.util.Map.of("output",
                            "/cases/stitched.wav", "outputSha256", wavSha, "manifestSha256", manifestSha));
                    try (PreparedStatement ps = db.prepareStatement("INSERT INTO stitch (created_utc, output_path,"
                            + " output_sha256, manifest, custody_seq) VALUES ('2026-11-22T12:00:00.000000Z', ?, ?, ?, ?)")) {
                        ps.setString(1, "/cases/stitched.wav");
                        ps.setString(2, wavSha);
                        ps.setString(3, manifest);
                        ps.setLong(4, entry.seq());
                        ps.executeUpdate();
                    }
                    return entry.seq();
                });
                assertTrue(service.verify(TaskMonitor.NONE).intact(), "the stitch row matches its entry");
            }
            sql(c, db -> {
                if (column.equals("deleted")) {
                    exec(db, "DELETE FROM stitch");
                    return;
                }
                String value = text(db, "SELECT " + column + " FROM stitch");
                try (PreparedStatement ps = db.prepareStatement("UPDATE stitch SET " + column + " = ?")) {
                    ps.setString(1, changeOneCharacter(value, value.length() / 2));
                    ps.executeUpdate();
                }
            });
            String out = verifyFails(c);
            assertTrue(out.contains(column.equals("deleted") ? "stitch recorded by custody entry " + seq
                    + " is missing from the case" : "stitch 1 was changed after custody entry " + seq + " recorded it"),
                    column + ": " + out);
        }
    }

    /** Changes the first letter or digit at or after {@code from} to another of its kind (keeps UTF-8 and JSON valid). */
    static String changeOneCharacter(String value, int from) {
        char[] chars = value.toCharArray();
        for (int i = Math.max(0, from); i < chars.length + from; i++) {
            int at = i % chars.length;
            char ch = chars[at];
            if (Character.isDigit(ch)) {
                chars[at] = ch == '1' ? '2' : '1';
                return new String(chars);
            }
            if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
                chars[at] = (char) (ch ^ 0x01);
                return new String(chars);
            }
        }
        throw new IllegalArgumentException("no letter or digit to change in " + value);
    }

    private Path copy() throws Exception {
        Path c = dir.resolve("case.seamline");
        Files.copy(pristine, c);
        return c;
    }

    private static String verifyFails(Path casePath) {
        CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of("verify", casePath);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertNotEquals("", run.out());
        return run.out();
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection db) throws SQLException;
    }

    private static void sql(Path file, SqlWork work) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            work.run(db);
        }
    }

    private static void exec(Connection db, String statement) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(statement);
        }
    }

    private static List<long[]> rows(Connection db, String query) throws SQLException {
        List<long[]> out = new java.util.ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                long[] row = new long[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getLong(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static byte[] blob(Connection db, String query) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static String text(Connection db, String query) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
