package io.seamline.audio;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Seamline waveform format written by {@link WaveformPyramidWriter} (layout in its Javadoc); rejects an
 * unknown magic, version or flag, and counts that do not match the declared frames.
 */
public final class WaveformPyramidReader {
    private static final int MAX_LEVELS = 16;

    /**
     * Reads one pyramid.
     *
     * @param in source, read up to the end of the pyramid (not closed)
     * @return the pyramid
     * @throws AudioFormatException if the header is invalid or the data ends early
     * @throws IOException if reading fails
     */
    public WaveformPyramid read(InputStream in) throws IOException {
        InputStream s = new BufferedInputStream(in, 1 << 16);
        ByteBuffer h = readBytes(s, 32);
        if (h.getInt(0) != WaveformPyramidWriter.MAGIC) {
            throw new AudioFormatException(null, "not a Seamline waveform: bad magic");
        }
        int version = h.getInt(4);
        if (version != WaveformPyramidWriter.VERSION) {
            throw new AudioFormatException(null, "unsupported Seamline waveform version " + Integer.toUnsignedString(
                    version) + " (this reader knows " + WaveformPyramidWriter.VERSION + ")");
        }
        int flags = h.getInt(8);
        if (flags != 0) {
            throw new AudioFormatException(null, String.format("unknown waveform flags 0x%08X", flags));
        }
        int rate = h.getInt(12);
        int channels = h.getInt(16);
        long totalFrames = h.getLong(20);
        int levelCount = h.getInt(28);
        if (rate <= 0 || channels < 1 || channels > WavReader.MAX_CHANNELS || totalFrames < 0
                || totalFrames > 1L << 48 || levelCount < 1
                || levelCount > MAX_LEVELS) {
            throw new AudioFormatException(null, "waveform header out of range: rate " + rate + ", channels "
                    + channels + ", frames " + totalFrames + ", levels " + levelCount);
        }
        ByteBuffer lh = readBytes(s, 12 * levelCount);
        int[] spb = new int[levelCount];
        int[] counts = new int[levelCount];
        for (int i = 0; i < levelCount; i++) {
            spb[i] = lh.getInt(12 * i);
            long count = lh.getLong(12 * i + 4);
            if (spb[i] < 1 || (i > 0 && spb[i] <= spb[i - 1])) {
                throw new AudioFormatException(null, "waveform level " + i + " has " + spb[i]
                        + " samples per bucket, not increasing");
            }
            long expected = (totalFrames + spb[i] - 1) / spb[i];
            if (count != expected || count < 0 || count * channels > Integer.MAX_VALUE) {
                throw new AudioFormatException(null, "waveform level " + i + " has " + count + " buckets, expected "
                        + expected);
            }
            counts[i] = (int) count;
        }
        List<WaveformLevel> levels = new ArrayList<>();
        for (int i = 0; i < levelCount; i++) {
            levels.add(readLevel(s, spb[i], channels, counts[i]));
        }
        return new WaveformPyramid(rate, channels, totalFrames, levels);
    }

    private static WaveformLevel readLevel(InputStream s, int spb, int channels, int buckets) throws IOException {
        long values = (long) buckets * channels;
        // Chunked columns grow as data arrives, so a lying bucket count meets EOF before a huge allocation.
        ShortChunks min = new ShortChunks();
        ShortChunks max = new ShortChunks();
        ShortChunks rms = new ShortChunks();
        byte[] row = new byte[6];
        for (long v = 0; v < values; v++) {
            readFully(s, row);
            min.add((short) ((row[0] & 0xff) | row[1] << 8));
            max.add((short) ((row[2] & 0xff) | row[3] << 8));
            rms.add((short) ((row[4] & 0xff) | row[5] << 8));
        }
        return new WaveformLevel(spb, channels, buckets, min, max, rms);
    }

    private static ByteBuffer readBytes(InputStream s, int n) throws IOException {
        byte[] b = new byte[n];
        readFully(s, b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void readFully(InputStream s, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = s.read(b, off, b.length - off);
            if (n < 0) {
                throw new AudioFormatException(null, "waveform data ends early",
                        new EOFException());
            }
            off += n;
        }
    }
}
