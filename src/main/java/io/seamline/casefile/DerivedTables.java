package io.seamline.casefile;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The tables {@code analyze} derives from the vault, and one SHA-256 over all their rows, recorded in
 * the custody entry of each analysis so that {@code verify} sees any later edit.
 *
 * <p>The digest walks the tables in the order of {@link #TABLES}, each ordered by its key columns; for
 * every row it hashes the table name, then each column as its type tag and value bytes (integers and
 * reals as their decimal text, text as UTF-8, blobs raw, null as a tag alone), each prefixed with its
 * length so no two rows can run together.
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
            new String[] {"gap", "id"},
            new String[] {"alignment", "lane_id"});

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
        MessageDigest md = CustodyLog.newSha256();
        try (Statement st = c.createStatement()) {
            for (String[] table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table[0] + " ORDER BY " + table[1])) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        field(md, 'T', table[0].getBytes(StandardCharsets.UTF_8));
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value == null) {
                                field(md, 'N', new byte[0]);
                            } else if (value instanceof byte[] bytes) {
                                field(md, 'B', bytes);
                            } else {
                                field(md, value instanceof String ? 'S' : 'V',
                                        value.toString().getBytes(StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void field(MessageDigest md, char tag, byte[] bytes) {
        md.update((byte) tag);
        int n = bytes.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(bytes);
    }
}
