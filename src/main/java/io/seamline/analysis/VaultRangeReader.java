package io.seamline.analysis;

import io.seamline.casefile.EvidenceVault;
import java.io.IOException;
import java.sql.Connection;

/**
 * Reads any byte range of a vaulted original from its {@link EvidenceVault#CHUNK_BYTES} chunks, keeping
 * the two chunks read last: a lane's packets lie close together in its capture, so reading a lane in
 * order touches each vault chunk about once.
 */
final class VaultRangeReader {
    private static final int KEPT = 2;

    private final Connection connection;
    private final long[] keptEvidence = new long[KEPT];
    private final int[] keptIndex = new int[KEPT];
    private final byte[][] kept = new byte[KEPT][];
    private int next;

    VaultRangeReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Copies {@code length} bytes of evidence {@code evidenceId} from file offset {@code offset} into
     * {@code into[at..]}.
     *
     * @throws IOException if the vault lacks a chunk, holds a chunk of the wrong size or cannot be read
     */
    void read(long evidenceId, long offset, byte[] into, int at, int length) throws IOException {
        int done = 0;
        while (done < length) {
            long position = offset + done;
            int index = Math.toIntExact(position / EvidenceVault.CHUNK_BYTES);
            int within = (int) (position % EvidenceVault.CHUNK_BYTES);
            byte[] chunk = chunk(evidenceId, index);
            if (within >= chunk.length) {
                throw new IOException("vault chunk " + index + " of evidence " + evidenceId + " ends at byte "
                        + chunk.length + ", before byte " + within);
            }
            int n = Math.min(length - done, chunk.length - within);
            System.arraycopy(chunk, within, into, at + done, n);
            done += n;
        }
    }

    private byte[] chunk(long evidenceId, int index) throws IOException {
        for (int i = 0; i < KEPT; i++) {
            if (kept[i] != null && keptEvidence[i] == evidenceId && keptIndex[i] == index) {
                return kept[i];
            }
        }
        byte[] data = EvidenceVault.readChunk(connection, evidenceId, index);
        kept[next] = data;
        keptEvidence[next] = evidenceId;
        keptIndex[next] = index;
        next = (next + 1) % KEPT;
        return data;
    }
}
