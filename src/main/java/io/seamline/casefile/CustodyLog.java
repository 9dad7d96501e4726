package io.seamline.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained custody log of a case.
 *
 * <p>Each entry's {@code hash} is the lower-case hex SHA-256 of the UTF-8 bytes of its
 * {@linkplain #canonicalForm canonical form}, which includes the previous entry's hash (64 zeros for
 * the first entry). Changing, inserting or deleting any entry therefore breaks the chain, and
 * {@code custody_head} records the last entry so that removing it is seen as well.
 */
public final class CustodyLog {
    /** The previous-hash value of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** The tag that starts every canonical form; a new form would get a new tag. */
    public static final String FORMAT_TAG = "seamline-custody-1";

    private final Connection connection;

    CustodyLog(Connection connection) {
        this.connection = connection;
    }

    /**
     * The canonical form of an entry: a JSON array written by {@link CanonicalJson}:
     * {@code ["seamline-custody-1", seq, timeUtc, examiner, osUser, host, action, subject, details, prevHash]}
     * where {@code timeUtc} is {@link UtcTimes#format} and {@code details} is the entry's details object.
     */
    public static String canonicalForm(long seq, Instant timeUtc, Actor actor, String action, String subject,
            String detailsJson, String prevHash) {
        List<Object> fields = new ArrayList<>();
        fields.add(FORMAT_TAG);
        fields.add(seq);
        fields.add(UtcTimes.format(timeUtc));
        fields.add(actor.examiner());
        fields.add(actor.osUser());
        fields.add(actor.host());
        fields.add(action);
        fields.add(subject);
        fields.add(CanonicalJson.read(detailsJson));
        fields.add(prevHash);
        return CanonicalJson.write(fields);
    }

    /** SHA-256 of the entry's canonical form, lower-case hex. */
    public static String hashOf(long seq, Instant timeUtc, Actor actor, String action, String subject,
            String detailsJson, String prevHash) {
        return sha256Hex(canonicalForm(seq, timeUtc, actor, action, subject, detailsJson, prevHash)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends an entry. Call inside the transaction of the work it records, so the entry and the
     * work commit or roll back together.
     */
    public CustodyEntry append(Actor actor, String action, String subject, Map<String, ?> details)
            throws SQLException {
        long lastSeq = 0;
        String prevHash = GENESIS_HASH;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                lastSeq = rs.getLong(1);
                prevHash = rs.getString(2);
            }
        }
        long seq = lastSeq + 1;
        Instant time = UtcTimes.now();
        String detailsJson = CanonicalJson.write(details);
        String hash = hashOf(seq, time, actor, action, subject, detailsJson, prevHash);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO custody (seq, time_utc, examiner,"
                + " os_user, host, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, UtcTimes.format(time));
            ps.setString(3, actor.examiner());
            ps.setString(4, actor.osUser());
            ps.setString(5, actor.host());
            ps.setString(6, action);
            ps.setString(7, subject);
            ps.setString(8, detailsJson);
            ps.setString(9, prevHash);
            ps.setString(10, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO custody_head (id, seq, hash) VALUES (1, ?, ?)"
                        + " ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return new CustodyEntry(seq, time, actor, action, subject, detailsJson, prevHash, hash);
    }

    /** Every entry in sequence order. */
    public List<CustodyEntry> entries() throws SQLException {
        List<CustodyEntry> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, time_utc, examiner, os_user, host, action, subject,"
                     + " details, prev_hash, hash FROM custody ORDER BY seq")) {
            while (rs.next()) {
                out.add(new CustodyEntry(rs.getLong(1), UtcTimes.parse(rs.getString(2)),
                        new Actor(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
        return out;
    }

    /** Walks the chain and returns one line per problem found (empty when intact). */
    public List<String> verify() throws SQLException {
        List<String> problems = new ArrayList<>();
        String expectedPrev = GENESIS_HASH;
        long expectedSeq = 1;
        CustodyEntry last = null;
        for (CustodyEntry e : entries()) {
            if (e.seq() != expectedSeq) {
                problems.add("custody entry " + expectedSeq + " is missing (next entry is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(expectedPrev)) {
                problems.add("custody entry " + e.seq() + " does not follow the entry before it"
                        + " (previous hash differs: an entry was removed, inserted or changed)");
            }
            String recomputed;
            try {
                recomputed = hashOf(e.seq(), e.timeUtc(), e.actor(), e.action(), e.subject(), e.detailsJson(),
                        e.prevHash());
            } catch (IllegalArgumentException badJson) {
                recomputed = "";
            }
            if (!recomputed.equals(e.hash())) {
                problems.add("custody entry " + e.seq() + " (" + e.action() + " " + e.subject()
                        + ") was altered: its content no longer matches its hash");
            }
            expectedPrev = e.hash();
            expectedSeq = e.seq() + 1;
            last = e;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM custody_head WHERE id = 1")) {
            if (!rs.next()) {
                problems.add("custody head record is missing");
            } else if (last == null || rs.getLong(1) != last.seq() || !rs.getString(2).equals(last.hash())) {
                problems.add("custody log ends at entry " + (last == null ? 0 : last.seq())
                        + " but its head records entry " + rs.getLong(1) + ": entries were removed from the end");
            }
        }
        return problems;
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }
}
