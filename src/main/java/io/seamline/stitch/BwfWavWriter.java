package io.seamline.stitch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a 16-bit PCM Broadcast Wave file (RIFF/WAVE with a {@code bext} chunk, EBU Tech 3285 v2 §2.3)
 * of a length known in advance, and hashes every byte it writes (SHA-256). Samples are signed 16-bit,
 * little-endian, interleaved by frame (RIFF WAVE, Microsoft Multimedia Programming Interface 1991).
 */
final class BwfWavWriter implements AutoCloseable {
    /** Bytes of the fixed part of {@code bext} before CodingHistory (EBU Tech 3285 v2). */
    static final int BEXT_FIXED = 602;
    /** Absent loudness value (EBU Tech 3285 v2 §2.3: 0x7fff when not computed). */
    private static final short NO_LOUDNESS = 0x7fff;

    /** The bext text and time fields (ASCII; longer values are cut to the field width). */
    record Bext(String description, String originator, String originatorReference, String originationDate,
            String originationTime, long timeReferenceSamples, String codingHistory) {
    }

    private final MessageDigest digest;
    private final OutputStream out;
    private final int channels;
    private final long frames;
    private long written;
    private final byte[] block = new byte[1 << 16];

    /**
     * Creates {@code file} (which must not exist) and writes the header for {@code frames} frames.
     *
     * @throws IOException if the file exists, cannot be written, or would exceed the 4 GiB RIFF limit
     */
    BwfWavWriter(Path file, int sampleRateHz, int channels, long frames, Bext bext) throws IOException {
        byte[] history = (bext.codingHistory() == null ? "" : bext.codingHistory()).getBytes(StandardCharsets.US_ASCII);
        int bextSize = BEXT_FIXED + history.length;
        int bextPadded = bextSize + (bextSize & 1);
        long dataBytes = frames * channels * 2L;
        long riffSize = 4 + 8 + bextPadded + 8 + 16 + 8 + dataBytes;
        if (riffSize > 0xFFFF_FFFFL) {
            throw new IOException(file + ": stitched audio of " + dataBytes + " bytes exceeds the 4 GiB RIFF limit");
        }
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        this.channels = channels;
        this.frames = frames;
        this.out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), digest), 1 << 16);
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + bextPadded + 8 + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
        h.put(ascii("bext")).putInt(bextSize);
        int at = h.position();
        text(h, bext.description(), 256);
        text(h, bext.originator(), 32);
        text(h, bext.originatorReference(), 32);
        text(h, bext.originationDate(), 10);
        text(h, bext.originationTime(), 8);
        h.putInt((int) bext.timeReferenceSamples());
        h.putInt((int) (bext.timeReferenceSamples() >>> 32));
        h.putShort((short) 2);
        h.put(new byte[64]);
        for (int i = 0; i < 5; i++) {
            h.putShort(NO_LOUDNESS);
        }
        h.put(new byte[180]);
        if (h.position() - at != BEXT_FIXED) {
            throw new IllegalStateException("bext layout is " + (h.position() - at) + " bytes, not " + BEXT_FIXED);
        }
        h.put(history);
        if ((bextSize & 1) == 1) {
            h.put((byte) 0);
        }
        h.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put(ascii("data")).putInt((int) dataBytes);
        out.write(h.array());
    }

    /**
     * Writes {@code count} frames: {@code samples[c][i]} is channel {@code c} of frame {@code i}.
     */
    void write(short[][] samples, int count) throws IOException {
        if (written + count > frames) {
            throw new IllegalStateException("more frames written than the header declares");
        }
        int pos = 0;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < channels; c++) {
                if (pos == block.length) {
                    out.write(block, 0, pos);
                    pos = 0;
                }
                short s = samples[c][i];
                block[pos++] = (byte) s;
                block[pos++] = (byte) (s >> 8);
            }
        }
        out.write(block, 0, pos);
        written += count;
    }

    /** Flushes, closes and returns the SHA-256 of every byte written, lower-case hex. */
    String finish() throws IOException {
        if (written != frames) {
            throw new IllegalStateException(written + " frames written, header declares " + frames);
        }
        out.close();
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void text(ByteBuffer b, String value, int width) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(bytes.length, width);
        b.put(bytes, 0, n);
        for (int i = n; i < width; i++) {
            b.put((byte) 0);
        }
    }
}
