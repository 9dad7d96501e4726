package io.seamline.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The evidence bytes kept inside the case: each evidence file as consecutive chunks of at most
 * {@link #CHUNK_BYTES}, each with its own SHA-256, so the case is self-contained and a changed byte
 * can be traced to its chunk. Writing and reading stream chunk by chunk; memory use does not grow
 * with the file.
 */
public final class EvidenceVault {
    /** Size of a vault chunk in bytes (4 MiB). */
    public static final int CHUNK_BYTES = 4 << 20;
    private static final int QUEUE_CHUNKS = 2;
    private static final byte[] END = new byte[0];

    private final Connection connection;

    EvidenceVault(Connection connection) {
        this.connection = connection;
    }

    /** What {@link #store} wrote: the byte count, the file's SHA-256 and the number of chunks. */
    record Stored(long sizeBytes, String sha256, int chunkCount) {
    }

    /**
     * Streams {@code in} into the vault under {@code evidenceId}. A reader thread hashes the whole
     * stream while this thread hashes and inserts each chunk, so the two SHA-256 passes overlap.
     * Must run inside the import's transaction.
     */
    Stored store(long evidenceId, InputStream in, Path source, TaskMonitor monitor, LongConsumer bytesDone)
            throws SQLException, IOException, CancelledException {
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        MessageDigest whole = CustodyLog.newSha256();
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] readFailure = new Throwable[1];
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    byte[] chunk = new byte[CHUNK_BYTES];
                    int n = in.readNBytes(chunk, 0, CHUNK_BYTES);
                    if (n == 0) {
                        break;
                    }
                    if (n < CHUNK_BYTES) {
                        chunk = java.util.Arrays.copyOf(chunk, n);
                    }
                    whole.update(chunk);
                    while (!stop.get() && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                        Thread.onSpinWait();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException | Error e) {
                readFailure[0] = e;
            } finally {
                try {
                    while (!stop.get() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                        Thread.onSpinWait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "vault-reader");
        reader.setDaemon(true);
        reader.start();
        long size = 0;
        int index = 0;
        MessageDigest chunkDigest = CustodyLog.newSha256();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO vault_chunk (evidence_id,"
                + " chunk_index, size_bytes, sha256, data) VALUES (?,?,?,?,?)")) {
            while (true) {
                byte[] chunk = take(queue);
                if (chunk == END) {
                    break;
                }
                if (monitor.isCancelled()) {
                    throw new CancelledException("import of " + source.getFileName());
                }
                ps.setLong(1, evidenceId);
                ps.setInt(2, index);
                ps.setInt(3, chunk.length);
                ps.setString(4, HexFormat.of().formatHex(chunkDigest.digest(chunk)));
                ps.setBytes(5, chunk);
                ps.executeUpdate();
                index++;
                size += chunk.length;
                bytesDone.accept(chunk.length);
            }
        } finally {
            stop.set(true);
            queue.clear();
            joinQuietly(reader);
        }
        if (readFailure[0] instanceof Error error) {
            throw error;
        }
        if (readFailure[0] != null) {
            throw new IOException("read failed after " + size + " bytes: " + readFailure[0].getMessage(),
                    readFailure[0]);
        }
        return new Stored(size, HexFormat.of().formatHex(whole.digest()), index);
    }

    /** Opens the original bytes of an evidence item as they were imported. */
    public InputStream open(long evidenceId) throws SQLException {
        int chunks;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM vault_chunk WHERE evidence_id = ?")) {
            ps.setLong(1, evidenceId);
            try (ResultSet rs = ps.executeQuery()) {
                chunks = rs.next() ? rs.getInt(1) : 0;
            }
        }
        return new ChunkStream(evidenceId, chunks);
    }

    /**
     * Reads chunk {@code index} (0-based, {@link #CHUNK_BYTES} each but the last) of evidence
     * {@code evidenceId}, for readers that need the vault at random offsets (a lane's packets in its capture).
     *
     * @throws IOException if the chunk is missing or cannot be read
     */
    public static byte[] readChunk(Connection connection, long evidenceId, int index) throws IOException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT data FROM vault_chunk WHERE evidence_id = ? AND chunk_index = ?")) {
            ps.setLong(1, evidenceId);
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("vault chunk " + index + " of evidence " + evidenceId + " is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read vault chunk " + index + " of evidence " + evidenceId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Re-hashes every chunk of {@code evidence} and the whole, returning one line per problem: a
     * changed, missing or extra chunk, a size or SHA-256 that no longer matches.
     */
    List<String> verify(Evidence evidence, LongConsumer bytesDone) throws SQLException {
        List<String> problems = new ArrayList<>();
        String label = "evidence " + evidence.id() + " (" + evidence.originalName() + ")";
        MessageDigest whole = CustodyLog.newSha256();
        MessageDigest chunkDigest = CustodyLog.newSha256();
        long size = 0;
        int expectedIndex = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT chunk_index, size_bytes, sha256, data"
                + " FROM vault_chunk WHERE evidence_id = ? ORDER BY chunk_index")) {
            ps.setLong(1, evidence.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(1);
                    byte[] data = rs.getBytes(4);
                    if (index != expectedIndex) {
                        problems.add(label + ": vault chunk " + expectedIndex + " is missing");
                    }
                    if (data.length != rs.getInt(2)
                            || !HexFormat.of().formatHex(chunkDigest.digest(data)).equals(rs.getString(3))) {
                        problems.add(label + ": vault chunk " + index + " was altered");
                    }
                    whole.update(data);
                    size += data.length;
                    bytesDone.accept(data.length);
                    expectedIndex = index + 1;
                }
            }
        }
        if (expectedIndex != evidence.chunkCount()) {
            problems.add(label + ": the vault holds " + expectedIndex + " chunks, the case recorded "
                    + evidence.chunkCount());
        }
        if (size != evidence.sizeBytes()) {
            problems.add(label + ": the vault holds " + size + " bytes, the case recorded " + evidence.sizeBytes());
        }
        if (!HexFormat.of().formatHex(whole.digest()).equals(evidence.sha256())) {
            problems.add(label + ": SHA-256 of the vaulted bytes no longer matches " + evidence.sha256());
        }
        return problems;
    }

    private static byte[] take(BlockingQueue<byte[]> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads chunks one at a time, in order, so only one chunk is in memory. */
    private final class ChunkStream extends InputStream {
        private final long evidenceId;
        private final int chunkCount;
        private int nextChunk;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(long evidenceId, int chunkCount) {
            this.evidenceId = evidenceId;
            this.chunkCount = chunkCount;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (pos >= current.length) {
                if (nextChunk >= chunkCount) {
                    return false;
                }
                current = readChunk(connection, evidenceId, nextChunk);
                pos = 0;
                nextChunk++;
            }
            return true;
        }
    }
}
