package io.seamline.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

/** Writes and reads 16-bit mono WAV files for tests, optionally with a BWF bext chunk (EBU Tech 3285 v1). */
public final class TestWav {
    private TestWav() {
    }

    public static short[] read(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            String id = new String(b.array(), pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("data")) {
                short[] out = new short[size / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort(pos + 8 + 2 * i);
                }
                return out;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(wav + ": no data chunk");
    }

    /** Copies a stored lane's PCM (16-bit little-endian chunks, as WAV data holds it) into {@code into[at..]}. */
    public static void copyLane(AnalysisService analysis, LaneRecord lane, short[] into, int at) throws Exception {
        int pos = at;
        for (byte[] chunk : analysis.results().lanePcm(lane.id())) {
            for (int i = 0; i + 1 < chunk.length && pos < into.length; i += 2) {
                into[pos++] = (short) ((chunk[i] & 0xff) | (chunk[i + 1] << 8));
            }
        }
    }

    public static void write(Path wav, short[] samples, int rateHz) throws IOException {
        write(wav, samples, rateHz, null, null, 0);
    }

    /** With a bext chunk: origination date and time (whole seconds) and TimeReference in samples since midnight. */
    public static void write(Path wav, short[] samples, int rateHz, LocalDate date, LocalTime time, long timeReference)
            throws IOException {
        ByteBuffer bext = null;
        if (date != null) {
            bext = ByteBuffer.allocate(602).order(ByteOrder.LITTLE_ENDIAN);
            put(bext, "Seamline test edge buffer", 256);
            put(bext, "sbc01", 32);
            put(bext, "test", 32);
            put(bext, date.toString(), 10);
            put(bext, String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()), 8);
            bext.putInt((int) timeReference);
            bext.putInt((int) (timeReference >>> 32));
            bext.putShort((short) 1);
        }
        int bextBytes = bext == null ? 0 : 8 + bext.capacity();
        ByteBuffer out = ByteBuffer.allocate(12 + bextBytes + 24 + 8 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(out.capacity() - 8)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        if (bext != null) {
            out.put("bext".getBytes(StandardCharsets.US_ASCII)).putInt(bext.capacity()).put(bext.array());
        }
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rateHz).putInt(rateHz * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) {
            out.putShort(s);
        }
        Files.write(wav, out.array());
    }

    /** A 16-bit stereo WAV without bext: {@code left[i]} and {@code right[i]} make frame {@code i}. */
    public static void writeStereo(Path wav, short[] left, short[] right, int rateHz) throws IOException {
        int frames = Math.min(left.length, right.length);
        ByteBuffer out = ByteBuffer.allocate(12 + 24 + 8 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(out.capacity() - 8)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(rateHz).putInt(rateHz * 4).putShort((short) 4).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            out.putShort(left[i]).putShort(right[i]);
        }
        Files.write(wav, out.array());
    }

    /** Channel {@code channel} of a 16-bit WAV with {@code channels} interleaved channels. */
    public static short[] readChannel(Path wav, int channels, int channel) throws IOException {
        short[] all = read(wav);
        short[] out = new short[all.length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[i * channels + channel];
        }
        return out;
    }

    private static void put(ByteBuffer b, String text, int width) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.put(bytes, 0, Math.min(bytes.length, width));
        for (int i = bytes.length; i < width; i++) {
            b.put((byte) 0);
        }
    }
}
