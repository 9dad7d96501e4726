package io.seamline.analysis;

import io.seamline.casefile.EvidenceVault;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.sql.Connection;

/**
 * One vaulted original read in place as a read-only seekable channel, chunk by chunk
 * ({@link EvidenceVault#CHUNK_BYTES} each), keeping the chunk read last: so an audio file is analysed straight from
 * the case instead of being copied out to a temporary file first. Every vault read holds the connection's monitor,
 * so readers on several threads (and the thread storing results) share one connection one statement at a time.
 * Not thread-safe itself: one reader per thread, or {@link #readAt} under the caller's own lock.
 */
final class VaultEvidenceReader implements SeekableByteChannel {
    private final Connection connection;
    private final long evidenceId;
    private final long sizeBytes;
    private int chunkIndex = -1;
    /**
     * The chunk read last, softly: a lane's samples stay readable for alignment through this reader, and with many
     * lanes their kept chunks (4 MB each) must not exhaust the heap; the collector clears them before it runs out.
     */
    private SoftReference<byte[]> chunk;
    private long position;
    private boolean open = true;

    /**
     * @param connection the case file's connection
     * @param evidenceId the evidence whose original bytes are read
     * @param sizeBytes size of the original in bytes, as the case recorded it
     */
    VaultEvidenceReader(Connection connection, long evidenceId, long sizeBytes) {
        this.connection = connection;
        this.evidenceId = evidenceId;
        this.sizeBytes = sizeBytes;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (position >= sizeBytes) {
            return destination.hasRemaining() ? -1 : 0;
        }
        int done = 0;
        while (destination.hasRemaining() && position < sizeBytes) {
            byte[] data = chunkAt(position);
            int within = (int) (position % EvidenceVault.CHUNK_BYTES);
            int n = Math.min(destination.remaining(), data.length - within);
            destination.put(data, within, n);
            position += n;
            done += n;
        }
        return done;
    }

    /**
     * Copies {@code length} bytes from byte {@code offsetBytes} of the original into {@code into[at..]}, leaving the
     * channel position alone.
     *
     * @throws IOException if the range runs past the original or the vault cannot be read
     */
    void readAt(long offsetBytes, byte[] into, int at, int length) throws IOException {
        ensureOpen();
        if (offsetBytes < 0 || offsetBytes + length > sizeBytes) {
            throw new IOException("bytes " + offsetBytes + " to " + (offsetBytes + length) + " of evidence "
                    + evidenceId + " lie outside its " + sizeBytes + " bytes");
        }
        int done = 0;
        while (done < length) {
            long p = offsetBytes + done;
            byte[] data = chunkAt(p);
            int within = (int) (p % EvidenceVault.CHUNK_BYTES);
            int n = Math.min(length - done, data.length - within);
            System.arraycopy(data, within, into, at + done, n);
            done += n;
        }
    }

    /** The chunk holding byte {@code p} (below the size), read from the vault unless it is the one kept. */
    private byte[] chunkAt(long p) throws IOException {
        int index = Math.toIntExact(p / EvidenceVault.CHUNK_BYTES);
        byte[] kept = index == chunkIndex && chunk != null ? chunk.get() : null;
        if (kept != null) {
            return kept;
        }
        // Release the kept chunk first: two 4 MB arrays per reader would be live otherwise.
        chunk = null;
        chunkIndex = -1;
        byte[] data;
        synchronized (connection) {
            data = EvidenceVault.readChunk(connection, evidenceId, index);
        }
        long expected = Math.min(EvidenceVault.CHUNK_BYTES, sizeBytes - (long) index * EvidenceVault.CHUNK_BYTES);
        if (data.length != expected) {
            throw new IOException("vault chunk " + index + " of evidence " + evidenceId + " holds " + data.length
                    + " bytes, expected " + expected);
        }
        chunk = new SoftReference<>(data);
        chunkIndex = index;
        return data;
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    /** Always throws: the vault is read-only. */
    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    /** Size of the original in bytes. */
    @Override
    public long size() throws IOException {
        ensureOpen();
        return sizeBytes;
    }

    /** Always throws: the vault is read-only. */
    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        chunk = null;
        chunkIndex = -1;
    }
}
