package io.seamline.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chunked column of 16-bit values behind waveform levels. */
class ShortChunksTest {

    /** Values across the small first chunk, several full chunks and the growth of the chunk table come back. */
    @Test
    void returnsEveryValueAddedAcrossChunkBoundaries() {
        ShortChunks column = new ShortChunks();
        int n = 1024 + 70 * 65_536 + 5;
        for (int i = 0; i < n; i++) {
            column.add((short) (i * 31 + 7));
        }
        assertEquals(n, column.size());
        for (long i : new long[] {0, 1023, 1024, 1025, 1024 + 65_535, 1024 + 65_536, 1024 + 63L * 65_536,
            1024 + 64L * 65_536, n - 1}) {
            assertEquals((short) (i * 31 + 7), column.get(i), "value " + i);
        }
        for (int i = 0; i < n; i += 997) {
            assertEquals((short) (i * 31 + 7), column.get(i), "value " + i);
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> column.get(-1));
    }
}
