package io.seamline.audio;

import java.util.Arrays;

/**
 * A growable column of 16-bit values kept in fixed chunks of 65 536 after a first chunk of 1 024, so growing never
 * copies what is stored and memory stays at two bytes per value (a pyramid of a 4 GB file is built without a second
 * copy).
 *
 * <p>Why a small first chunk: {@link #add} starts a new chunk rarely, and a branch the JIT has never seen taken is
 * compiled as a trap that throws the compiled pyramid code away when first taken. With the first chunk full after
 * 1 024 values, the branch is taken while the code is still being profiled, so it is compiled as a branch.
 */
final class ShortChunks {
    private static final int FIRST = 1 << 10;
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    /** Chunk 0 holds values 0 to FIRST - 1, chunk k > 0 values FIRST + (k - 1) * CHUNK on. */
    private short[][] chunks = new short[64][];
    private short[] current = new short[FIRST];
    private int fill;
    private int chunkCount = 1;
    private long size;

    ShortChunks() {
        chunks[0] = current;
    }

    void add(short value) {
        if (fill == current.length) {
            nextChunk();
        }
        current[fill++] = value;
        size++;
    }

    private void nextChunk() {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        current = new short[CHUNK];
        chunks[chunkCount++] = current;
        fill = 0;
    }

    short get(long index) {
        if (index < FIRST) {
            return chunks[0][(int) index];
        }
        long rest = index - FIRST;
        return chunks[1 + (int) (rest >>> SHIFT)][(int) (rest & (CHUNK - 1))];
    }

    long size() {
        return size;
    }
}
