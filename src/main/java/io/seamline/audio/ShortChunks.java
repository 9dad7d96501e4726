package io.seamline.audio;

import java.util.Arrays;

/**
 * A growable column of 16-bit values kept in fixed chunks of 65 536, so growing never copies what is stored and
 * memory stays at two bytes per value (a pyramid of a 4 GB file is built without a second copy).
 */
final class ShortChunks {
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    private short[][] chunks = new short[4][];
    private long size;

    void add(short value) {
        int chunk = (int) (size >>> SHIFT);
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new short[CHUNK];
        }
        chunks[chunk][(int) (size & (CHUNK - 1))] = value;
        size++;
    }

    short get(long index) {
        return chunks[(int) (index >>> SHIFT)][(int) (index & (CHUNK - 1))];
    }

    long size() {
        return size;
    }
}
