package io.seamline.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a {@link WaveformPyramid} in the Seamline waveform format, version 1 (all integers little-endian,
 * after BBC audiowaveform's {@code WaveformBuffer.cpp}).
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "SLWF" (0x53 0x4C 0x57 0x46)
 *      4     4  u32 version = 1
 *      8     4  u32 flags = 0 (no flag is defined in version 1; a reader rejects any set bit)
 *     12     4  u32 sample rate in Hz
 *     16     4  u32 channel (lane) count, 1..64
 *     20     8  u64 total frames summarised
 *     28     4  u32 level count, 1..16
 *     32  12*L  per level, finest first: u32 samples per bucket, u64 bucket count
 *                 (bucket count = ceil(total frames / samples per bucket))
 *      …        per level in the same order, per bucket, per lane:
 *                 i16 min, i16 max, i16 rms   (sample value x stored as round(x * 32767); rms &gt;= 0)
 * </pre>
 *
 * <p>The last bucket of a level may cover fewer frames than the others; its statistics are over the frames it has.
 */
public final class WaveformPyramidWriter {
    /** Format magic, {@code "SLWF"}. */
    public static final int MAGIC = 0x46574C53;
    /** The version this writer produces and {@link WaveformPyramidReader} accepts. */
    public static final int VERSION = 1;

    /**
     * Writes the pyramid to {@code out} (which is flushed, not closed).
     *
     * @param pyramid the summaries
     * @param out destination
     * @throws IOException if writing fails
     */
    public void write(WaveformPyramid pyramid, OutputStream out) throws IOException {
        int levels = pyramid.levels().size();
        ByteBuffer h = ByteBuffer.allocate(32 + 12 * levels).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC).putInt(VERSION).putInt(0).putInt(pyramid.sampleRateHz()).putInt(pyramid.channelCount())
                .putLong(pyramid.totalFrames()).putInt(levels);
        for (WaveformLevel l : pyramid.levels()) {
            h.putInt(l.samplesPerBucket()).putLong(l.bucketCount());
        }
        out.write(h.array());
        // Rows go into one buffer byte by byte (little-endian) and out in 64 KB writes: a stream write per 6-byte
        // row cost more than the summaries themselves.
        int channels = pyramid.channelCount();
        int rowBytes = 6 * channels;
        byte[] buffer = new byte[Math.max(rowBytes, (1 << 16) / rowBytes * rowBytes)];
        int at = 0;
        for (WaveformLevel l : pyramid.levels()) {
            for (int b = 0; b < l.bucketCount(); b++) {
                if (at + rowBytes > buffer.length) {
                    out.write(buffer, 0, at);
                    at = 0;
                }
                for (int c = 0; c < channels; c++) {
                    at = putShort(buffer, at, l.min(b, c));
                    at = putShort(buffer, at, l.max(b, c));
                    at = putShort(buffer, at, l.rms(b, c));
                }
            }
        }
        out.write(buffer, 0, at);
        out.flush();
    }

    private static int putShort(byte[] buffer, int at, short value) {
        buffer[at] = (byte) value;
        buffer[at + 1] = (byte) (value >> 8);
        return at + 2;
    }
}
