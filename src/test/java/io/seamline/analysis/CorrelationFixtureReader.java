package io.seamline.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the 16-bit mono PCM WAV fixtures of the alignment tests into floats in [-1, 1). */
public final class CorrelationFixtureReader {

    /** A decoded fixture: samples and their rate. */
    public record Pcm(float[] samples, int sampleRateHz) {
    }

    private CorrelationFixtureReader() {
    }

    /** Reads a classpath fixture under io/seamline/analysis/align/; RIFF fields are little-endian. */
    public static Pcm read(String name) throws IOException {
        String path = "/io/seamline/analysis/align/" + name;
        byte[] bytes;
        try (InputStream in = CorrelationFixtureReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + ": fixture not on the test classpath");
            }
            bytes = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(path + ": not a RIFF/WAVE file");
        }
        int rate = 0;
        int position = 12;
        while (position + 8 <= bytes.length) {
            int id = b.getInt(position);
            int size = b.getInt(position + 4);
            int body = position + 8;
            if (id == 0x20746d66) { // "fmt "
                if (b.getShort(body) != 1 || b.getShort(body + 2) != 1 || b.getShort(body + 14) != 16) {
                    throw new IOException(path + ": not 16-bit mono PCM");
                }
                rate = b.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                int count = Math.min(size, bytes.length - body) / 2;
                float[] samples = new float[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = b.getShort(body + 2 * i) / 32768f;
                }
                return new Pcm(samples, rate);
            }
            position = body + size + (size & 1);
        }
        throw new IOException(path + ": no data chunk");
    }
}
