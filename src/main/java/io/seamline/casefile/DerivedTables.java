package io.seamline.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables {@code analyze} derives from the vault, and the digests of their rows recorded in the
 * custody entry of each analysis so that {@code verify} sees any later edit and names where it was.
 *
 * <p>The digest walks the tables in the order of {@link #TABLES}, each ordered by its key columns; for
 * every row it hashes the table name, then each column as its type tag and value bytes (integers and
 * reals as their decimal text, text as UTF-8, blobs raw, null as a tag alone), each prefixed with its
 * length so no two rows can run together. The same row bytes also feed one SHA-256 per table and one per
 * bucket of consecutive rows ({@link #BUCKETS} per table at most, kept as the first 8 hex digits): the
 * whole-case digest proves integrity, the table digest names the table, the buckets narrow the change to
 * one row (tables of up to {@link #BUCKETS} rows) or a range of rows, at about 200 bytes per table in
 * the custody entry.
 */
public final class DerivedTables {
    /** Derived tables with the columns that order their rows. */
    public static final List<String[]> TABLES = List.of(
            new String[] {"capture_summary", "evidence_id"},
            new String[] {"call", "id"},
            new String[] {"sip_message", "id"},
            new String[] {"rtp_stream", "id"},
            new String[] {"event", "id"},
            new String[] {"lane", "id"},
            new String[] {"lane_pcm", "lane_id, chunk_index"},
            new String[] {"lane_packets", "lane_id, chunk_index"},
            new String[] {"gap", "id"},
            new String[] {"alignment", "lane_id"});
    /** Most row buckets kept per table. */
    public static final int BUCKETS = 16;
    /** Custody detail holding the whole-case digest (the only one recorded before per-table digests). */
    public static final String DIGEST_FIELD = "derivedSha256";
    /** Custody detail holding {@code table -> {rows, sha256, buckets}}. */
    public static final String TABLES_FIELD = "derivedTables";
    private static final int BUCKET_HEX = 8;

    private DerivedTables() {
    }

    /** Deletes every derived row (before an analysis writes new ones, in the same transaction). */
    public static void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                st.execute("DELETE FROM " + TABLES.get(i)[0]);
            }
        }
    }

    /** True when no derived table has a row. */
    public static boolean isEmpty(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + table[0] + " LIMIT 1")) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Lower-case hex SHA-256 over every derived row, as described in the class comment. */
    public static String digest(Connection c) throws SQLException {
        return walk(c).digest();
    }

    /**
     * The custody details an analysis records: {@value #DIGEST_FIELD} (the whole-case digest) and
     * {@value #TABLES_FIELD} ({@code table -> {rows, sha256, buckets}}, buckets as concatenated 8-hex-digit
     * prefixes).
     */
    public static Map<String, Object> custodyDetails(Connection c) throws SQLException {
        Snapshot s = walk(c);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (TableDigest t : s.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", t.rows());
            m.put("sha256", t.sha256());
            m.put("buckets", String.join("", t.buckets()));
            tables.put(t.table(), m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(DIGEST_FIELD, s.digest());
        out.put(TABLES_FIELD, tables);
        return out;
    }

    /**
     * Compares the derived rows with what an analyze custody entry recorded; each problem names the table
     * and, where the buckets allow, the row or range of rows that changed. An entry from before per-table
     * digests is checked against its single digest and the problem names only the analysis.
     *
     * @param recorded the analyze entry's details
     * @param custodySeq that entry's sequence number, quoted in the problems
     */
    public static List<String> check(Connection c, JsonNode recorded, long custodySeq) throws SQLException {
        Snapshot now = walk(c);
        String recordedDigest = recorded.path(DIGEST_FIELD).asText("");
        if (recordedDigest.equals(now.digest())) {
            return List.of();
        }
        String prefix = "analysis results were changed after analysis (custody entry " + custodySeq + ")";
        JsonNode tables = recorded.path(TABLES_FIELD);
        List<String> problems = new ArrayList<>();
        if (tables.isObject()) {
            for (TableDigest t : now.tables()) {
                JsonNode r = tables.path(t.table());
                if (r.isMissingNode()) {
                    problems.add(prefix + ": table " + t.table() + " has no recorded digest");
                } else if (r.path("rows").asLong(-1) != t.rows()) {
                    problems.add(prefix + ": table " + t.table() + " has " + t.rows() + " row(s), "
                            + r.path("rows").asLong(-1) + " were recorded");
                } else if (!r.path("sha256").asText("").equals(t.sha256())) {
                    problems.add(prefix + ": table " + t.table() + ", " + where(t, r.path("buckets").asText("")));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.add(prefix + ": recorded derived SHA-256 " + recordedDigest + ", now " + now.digest());
        }
        return problems;
    }

    /** The row or rows whose bucket digest differs, by key, e.g. "row id=3" or "a row of id=17 to id=32". */
    private static String where(TableDigest t, String recordedBuckets) {
        List<String> places = new ArrayList<>();
        for (int b = 0; b < t.buckets().size(); b++) {
            int from = b * BUCKET_HEX;
            String was = recordedBuckets.length() >= from + BUCKET_HEX
                    ? recordedBuckets.substring(from, from + BUCKET_HEX) : "";
            if (!was.equals(t.buckets().get(b))) {
                String[] keys = t.bucketKeys().get(b);
                places.add(keys[0].equals(keys[1]) ? "row " + keys[0] : "a row of " + keys[0] + " to " + keys[1]);
            }
        }
        return places.isEmpty() ? "its digest differs" : String.join("; ", places);
    }

    /** Digests of one table: whole, and per bucket with the keys of each bucket's first and last row. */
    private record TableDigest(String table, long rows, String sha256, List<String> buckets,
            List<String[]> bucketKeys) {
    }

    private record Snapshot(String digest, List<TableDigest> tables) {
    }

    private static Snapshot walk(Connection c) throws SQLException {
        MessageDigest all = CustodyLog.newSha256();
        List<TableDigest> tables = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String[] table : TABLES) {
                long rows;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table[0])) {
                    rows = rs.next() ? rs.getLong(1) : 0;
                }
                long perBucket = Math.max(1, (rows + BUCKETS - 1) / BUCKETS);
                String[] keyColumns = table[1].split(",\\s*");
                MessageDigest whole = CustodyLog.newSha256();
                MessageDigest bucket = null;
                List<String> buckets = new ArrayList<>();
                List<String[]> bucketKeys = new ArrayList<>();
                String firstKey = null;
                String lastKey = null;
                long seen = 0;
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table[0] + " ORDER BY " + table[1])) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        if (bucket == null) {
                            bucket = CustodyLog.newSha256();
                            firstKey = key(rs, keyColumns);
                        }
                        lastKey = key(rs, keyColumns);
                        MessageDigest[] sinks = {all, whole, bucket};
                        field(sinks, 'T', table[0].getBytes(StandardCharsets.UTF_8));
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value == null) {
                                field(sinks, 'N', new byte[0]);
                            } else if (value instanceof byte[] bytes) {
                                field(sinks, 'B', bytes);
                            } else {
                                field(sinks, value instanceof String ? 'S' : 'V',
                                        value.toString().getBytes(StandardCharsets.UTF_8));
                            }
                        }
                        seen++;
                        if (seen % perBucket == 0) {
                            buckets.add(HexFormat.of().formatHex(bucket.digest()).substring(0, BUCKET_HEX));
                            bucketKeys.add(new String[] {firstKey, lastKey});
                            bucket = null;
                        }
                    }
                }
                if (bucket != null) {
                    buckets.add(HexFormat.of().formatHex(bucket.digest()).substring(0, BUCKET_HEX));
                    bucketKeys.add(new String[] {firstKey, lastKey});
                }
                tables.add(new TableDigest(table[0], seen, HexFormat.of().formatHex(whole.digest()), buckets,
                        bucketKeys));
            }
        }
        return new Snapshot(HexFormat.of().formatHex(all.digest()), tables);
    }

    /** A row's key as "id=3" or "lane_id=1 chunk_index=4". */
    private static String key(ResultSet rs, String[] keyColumns) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String column : keyColumns) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(column).append('=').append(rs.getString(column));
        }
        return out.toString();
    }

    private static void field(MessageDigest[] sinks, char tag, byte[] bytes) {
        int n = bytes.length;
        byte[] head = {(byte) tag, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        for (MessageDigest md : sinks) {
            md.update(head);
            md.update(bytes);
        }
    }
}
