package io.seamline.analysis;

import io.seamline.casefile.UtcTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the analysis records in the case's derived tables. Writers run inside the
 * analysis transaction; each record's JSON form is kept in {@code details} beside the columns used
 * for ordering.
 */
public final class AnalysisStore {
    private final Connection connection;
    /** Reads the capture of the lane read last straight from the vault (its last chunk kept). */
    private VaultEvidenceReader vault;
    private long vaultEvidenceId = -1;

    public AnalysisStore(Connection connection) {
        this.connection = connection;
    }

    /** Stores the container facts of one capture. */
    public void putCaptureSummary(long evidenceId, long frames, java.time.Instant firstUtc, java.time.Instant lastUtc,
            Object details) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO capture_summary (evidence_id, frames, first_utc, last_utc, details) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, evidenceId);
            ps.setLong(2, frames);
            ps.setString(3, firstUtc == null ? null : UtcTimes.format(firstUtc));
            ps.setString(4, lastUtc == null ? null : UtcTimes.format(lastUtc));
            ps.setString(5, AnalysisJson.write(details));
            ps.executeUpdate();
        }
    }

    /** Stores a call. */
    public void putCall(CallRecord call) throws SQLException {
        insert("INSERT INTO call (evidence_id, call_id, details) VALUES (?,?,?)", call.evidenceId(), call.callId(),
                AnalysisJson.write(call));
    }

    /** Stores one SIP message with its raw text. */
    public void putSipMessage(SipMessageRecord m) throws SQLException {
        insert("INSERT INTO sip_message (evidence_id, frame, time_utc, call_id, src, dst, transport, label, raw)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)", m.evidenceId(), m.frame(), UtcTimes.format(m.timeUtc()),
                m.callId(), m.src(), m.dst(), m.transport(), m.label(), m.raw());
    }

    /** Stores a stream. */
    public void putStream(StreamRecord s) throws SQLException {
        insert("INSERT INTO rtp_stream (evidence_id, call_id, start_utc, details) VALUES (?,?,?,?)", s.evidenceId(),
                s.callId(), UtcTimes.format(s.startUtc()), AnalysisJson.write(s));
    }

    /** Stores an event. */
    public void putEvent(EventRecord e) throws SQLException {
        insert("INSERT INTO event (evidence_id, time_utc, kind, call_id, summary, details) VALUES (?,?,?,?,?,?)",
                e.getEvidenceId(), UtcTimes.format(e.getTimeUtc()), e.getKind(), e.getCallId(), e.getSummary(),
                AnalysisJson.write(e));
    }

    /** Stores a lane with its waveform pyramid and returns its id. */
    public long putLane(LaneRecord lane, byte[] pyramid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO lane (evidence_id, channel, name, details) VALUES (?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, lane.evidenceId());
            ps.setInt(2, lane.channel());
            ps.setString(3, lane.name());
            ps.setString(4, "{}");
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            LaneRecord stored = new LaneRecord(id, lane.evidenceId(), lane.channel(), lane.name(), lane.kind(),
                    lane.callId(), lane.sampleRateHz(), lane.sampleCount(), lane.metadataStartUtc(),
                    lane.startSource(), lane.note(), lane.holes());
            // The pyramid goes in with the details, not in the INSERT: SQLite rewrites the whole row (its blob
            // overflow pages included) on UPDATE, so inserting it first wrote every pyramid byte twice.
            try (PreparedStatement up = connection.prepareStatement(
                    "UPDATE lane SET details = ?, pyramid = ? WHERE id = ?")) {
                up.setString(1, AnalysisJson.write(stored));
                up.setBytes(2, pyramid);
                up.setLong(3, id);
                up.executeUpdate();
            }
            return id;
        }
    }

    /** Replaces a lane's record and pyramid once its audio is complete. */
    public void finishLane(long laneId, LaneRecord lane, byte[] pyramid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE lane SET name = ?, details = ?, pyramid = ?"
                + " WHERE id = ?")) {
            ps.setString(1, lane.name());
            ps.setString(2, AnalysisJson.write(lane));
            ps.setBytes(3, pyramid);
            ps.setLong(4, laneId);
            ps.executeUpdate();
        }
    }

    /** Stores one chunk of a lane's decoded 16-bit little-endian PCM. */
    public void putLanePcm(long laneId, int chunkIndex, byte[] pcm) throws SQLException {
        insert("INSERT INTO lane_pcm (lane_id, chunk_index, data) VALUES (?,?,?)", laneId, chunkIndex, pcm);
    }

    /** Stores the packet index of one chunk of a capture lane (format in {@link PacketIndexWriter}). */
    void putLanePackets(long laneId, long chunkIndex, byte[] index) throws SQLException {
        insert("INSERT INTO lane_packets (lane_id, chunk_index, data) VALUES (?,?,?)", laneId, chunkIndex, index);
    }

    /** Stores a gap. */
    public void putGap(GapRecord g) throws SQLException {
        insert("INSERT INTO gap (lane_id, start_utc, details) VALUES (?,?,?)", g.laneId(),
                UtcTimes.format(g.startUtc()), AnalysisJson.write(g));
    }

    /** Stores a lane's alignment. */
    public void putAlignment(AlignmentRecord a) throws SQLException {
        insert("INSERT INTO alignment (lane_id, details) VALUES (?,?)", a.laneId(), AnalysisJson.write(a));
    }

    /** All calls, in capture order. */
    public List<CallRecord> calls() throws SQLException {
        return details("SELECT details FROM call ORDER BY id", CallRecord.class);
    }

    /** All streams by start time. */
    public List<StreamRecord> streams() throws SQLException {
        return details("SELECT details FROM rtp_stream ORDER BY start_utc, id", StreamRecord.class);
    }

    /** All events by time. */
    public List<EventRecord> events() throws SQLException {
        return details("SELECT details FROM event ORDER BY time_utc, id", EventRecord.class);
    }

    /** All lanes in evidence and channel order. */
    public List<LaneRecord> lanes() throws SQLException {
        return details("SELECT details FROM lane ORDER BY evidence_id, channel, id", LaneRecord.class);
    }

    /** All gaps by start time. */
    public List<GapRecord> gaps() throws SQLException {
        return details("SELECT details FROM gap ORDER BY start_utc, id", GapRecord.class);
    }

    /** All alignments in lane order. */
    public List<AlignmentRecord> alignments() throws SQLException {
        return details("SELECT details FROM alignment ORDER BY lane_id", AlignmentRecord.class);
    }

    /** SIP messages in capture order. */
    public List<SipMessageRecord> sipMessages() throws SQLException {
        List<SipMessageRecord> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT evidence_id, frame, time_utc, call_id, src, dst, transport, label,"
                     + " raw FROM sip_message ORDER BY time_utc, id")) {
            while (rs.next()) {
                out.add(new SipMessageRecord(rs.getLong(1), rs.getLong(2), UtcTimes.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)));
            }
        }
        return out;
    }

    /** A lane's stored waveform pyramid bytes. */
    public Optional<byte[]> pyramid(long laneId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pyramid FROM lane WHERE id = ?")) {
            ps.setLong(1, laneId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /**
     * One chunk of {@link CaptureDecoder#CHUNK_SAMPLES} samples of a decoded capture lane as 16-bit
     * little-endian PCM (shorter for the lane's last chunk), empty when there is none. G.711 lanes are
     * decoded here from their packet index and the vaulted capture; lanes of other codecs, and lanes of
     * cases analysed before schema 4, come from their stored PCM.
     *
     * @throws SQLException if the case cannot be read, or the index or vault is damaged
     */
    public Optional<byte[]> lanePcmChunk(long laneId, int chunkIndex) throws SQLException {
        short[] derived = derivedChunk(laneId, chunkIndex);
        if (derived != null) {
            return Optional.of(toLittleEndian(derived));
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT data FROM lane_pcm WHERE lane_id = ? AND chunk_index = ?")) {
            ps.setLong(1, laneId);
            ps.setInt(2, chunkIndex);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** A lane's decoded PCM chunks (16-bit little-endian), in order; see {@link #lanePcmChunk}. */
    public List<byte[]> lanePcm(long laneId) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        int indexed = indexedChunkCount(laneId);
        for (int k = 0; k < indexed; k++) {
            out.add(lanePcmChunk(laneId, k).orElseThrow());
        }
        if (indexed > 0) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT data FROM lane_pcm WHERE lane_id = ? ORDER BY chunk_index")) {
            ps.setLong(1, laneId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
        }
        return out;
    }

    /**
     * The samples of one chunk of a lane decoded from its packet index, or {@code null} when the lane
     * has no index for that chunk (its PCM is stored, or the chunk lies past its end).
     */
    synchronized short[] derivedChunk(long laneId, int chunkIndex) throws SQLException {
        byte[] index;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT data FROM lane_packets WHERE lane_id = ? AND chunk_index = ?")) {
            ps.setLong(1, laneId);
            ps.setInt(2, chunkIndex);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                index = rs.getBytes(1);
            }
        }
        IndexedLane lane = indexedLane(laneId);
        long first = (long) chunkIndex * CaptureDecoder.CHUNK_SAMPLES;
        int samples = (int) Math.max(0, Math.min(CaptureDecoder.CHUNK_SAMPLES, lane.sampleCount - first));
        if (vault == null || vaultEvidenceId != lane.evidenceId) {
            vault = new VaultEvidenceReader(connection, lane.evidenceId, lane.captureBytes);
            vaultEvidenceId = lane.evidenceId;
        }
        try {
            return PacketIndexReader.decode(index, samples, vault::readAt,
                    lane.captureBytes, "lane " + laneId + " chunk " + chunkIndex);
        } catch (java.io.IOException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private int indexedChunkCount(long laneId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM lane_packets WHERE lane_id = ?")) {
            ps.setLong(1, laneId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private IndexedLane indexedLane(long laneId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT l.evidence_id, l.details, e.size_bytes"
                + " FROM lane l JOIN evidence e ON e.id = l.evidence_id WHERE l.id = ?")) {
            ps.setLong(1, laneId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("lane " + laneId + " has a packet index but no lane record");
                }
                LaneRecord record = AnalysisJson.read(rs.getString(2), LaneRecord.class);
                return new IndexedLane(rs.getLong(1), record.sampleCount(), rs.getLong(3));
            }
        }
    }

    private static byte[] toLittleEndian(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** What decoding a lane from its index needs: its evidence, length and the capture's size. */
    private record IndexedLane(long evidenceId, long sampleCount, long captureBytes) {
    }

    private <T> List<T> details(String sql, Class<T> type) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(AnalysisJson.read(rs.getString(1), type));
            }
        }
        return out;
    }

    private void insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
