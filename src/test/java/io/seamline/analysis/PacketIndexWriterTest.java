package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.rtp.G711Decoder;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketIndexWriterTest {
    private static final int CHUNK = 1000;

    /** A made-up capture file of payload bytes, read back at any offset. */
    private static final byte[] CAPTURE = new byte[10_000];

    static {
        for (int i = 0; i < CAPTURE.length; i++) {
            CAPTURE[i] = (byte) (i * 31 + 7);
        }
    }

    private static void read(long offset, byte[] into, int at, int length) {
        System.arraycopy(CAPTURE, (int) offset, into, at, length);
    }

    @Test
    void chunksDecodeAsThePacketsPlacedInArrivalOrderIncludingInlineAndStraddlingOnes() throws Exception {
        PacketIndexWriter writer = new PacketIndexWriter(0, CHUNK);
        short[] expected = new short[2500];
        G711Decoder ulaw = G711Decoder.ulaw();
        // position, length, capture offset (-1: inline bytes from the made-up capture at 9000)
        long[][] packets = {{0, 160, 100}, {160, 160, 420}, {900, 160, 800}, {950, 100, -1}, {1500, 160, 2000},
            {1400, 200, 2500}, {2400, 100, 9000}};
        for (long[] p : packets) {
            int length = (int) p[1];
            int from = p[2] < 0 ? 9000 : (int) p[2];
            writer.add(p[0], length, CAPTURE, from, length, p[2]);
            System.arraycopy(ulaw.decode(CAPTURE, from, length), 0, expected, (int) p[0], length);
        }
        short[] got = new short[2500];
        for (int k = 0; k < 3; k++) {
            int samples = Math.min(CHUNK, 2500 - k * CHUNK);
            short[] chunk = PacketIndexReader.decode(writer.take(k), samples, PacketIndexWriterTest::read,
                    CAPTURE.length, "test chunk " + k);
            System.arraycopy(chunk, 0, got, k * CHUNK, samples);
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void packetsSentAgainAndAgainForTheSameSamplesDoNotGrowTheIndexWithoutBound() throws Exception {
        PacketIndexWriter writer = new PacketIndexWriter(0, CHUNK);
        int packets = 100_000;
        for (int i = 0; i < packets; i++) {
            writer.add(100, 160, CAPTURE, i % 5000, 160, i % 5000);
        }
        writer.add(200, 160, CAPTURE, 7000, 160, -1);
        byte[] index = writer.take(0);
        assertTrue(index.length < 40_000, index.length + " bytes for " + packets + " packets");
        short[] expected = new short[CHUNK];
        G711Decoder ulaw = G711Decoder.ulaw();
        int last = (packets - 1) % 5000;
        System.arraycopy(ulaw.decode(CAPTURE, last, 160), 0, expected, 100, 160);
        System.arraycopy(ulaw.decode(CAPTURE, 7000, 160), 0, expected, 200, 160);
        assertArrayEquals(expected, PacketIndexReader.decode(index, CHUNK, PacketIndexWriterTest::read,
                CAPTURE.length, "repeated"));
    }

    @Test
    void aChunkWithoutPacketsIsSilence() throws Exception {
        PacketIndexWriter writer = new PacketIndexWriter(8, CHUNK);
        writer.add(2100, 160, CAPTURE, 0, 160, 0);
        assertArrayEquals(new short[CHUNK], PacketIndexReader.decode(writer.take(0), CHUNK,
                PacketIndexWriterTest::read, CAPTURE.length, "empty"));
    }

    @Test
    void refusesIndexesThatPointOutsideTheCaptureOrTheChunkOrAreCut() {
        PacketIndexWriter writer = new PacketIndexWriter(0, CHUNK);
        writer.add(0, 160, CAPTURE, 9900, 160, 9900);
        byte[] index = writer.take(0);
        IOException outside = assertThrows(IOException.class, () -> PacketIndexReader.decode(index, CHUNK,
                PacketIndexWriterTest::read, 10_000, "lane 1 chunk 0"));
        assertTrue(outside.getMessage().contains("packet index of lane 1 chunk 0 is damaged"), outside.getMessage());
        PacketIndexWriter late = new PacketIndexWriter(0, CHUNK);
        late.add(1200, 160, CAPTURE, 0, 160, 0);
        assertThrows(IOException.class, () -> PacketIndexReader.decode(late.take(1), 100,
                PacketIndexWriterTest::read, CAPTURE.length, "short chunk"));
        byte[] cut = Arrays.copyOf(index, index.length - 1);
        assertThrows(IOException.class, () -> PacketIndexReader.decode(cut, CHUNK, PacketIndexWriterTest::read,
                CAPTURE.length, "cut"));
        byte[] unknown = index.clone();
        unknown[0] = 9;
        assertThrows(IOException.class, () -> PacketIndexReader.decode(unknown, CHUNK, PacketIndexWriterTest::read,
                CAPTURE.length, "format"));
        byte[] g722 = index.clone();
        g722[1] = 9;
        assertThrows(IOException.class, () -> PacketIndexReader.decode(g722, CHUNK, PacketIndexWriterTest::read,
                CAPTURE.length, "stateful codec"));
    }
}
