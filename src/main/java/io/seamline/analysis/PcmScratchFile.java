package io.seamline.analysis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One mono lane as signed 16-bit little-endian samples in a scratch file beside the analysis, written
 * once in a streamed pass and then read as a {@link CorrelationInput} through a memory map, so that
 * aligning a two-hour lane needs no two-hour array on the heap.
 */
final class PcmScratchFile implements CorrelationInput {
    private final Path file;
    private final int sampleRateHz;
    private OutputStream out;
    private long written;
    private ShortBuffer samples;

    PcmScratchFile(Path file, int sampleRateHz) throws IOException {
        this.file = file;
        this.sampleRateHz = sampleRateHz;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Appends samples in [-1, 1], clamped to 16 bits. */
    void append(float[] block, int count) {
        try {
            for (int i = 0; i < count; i++) {
                float f = block[i];
                // The inverse of read(): 16-bit value / 32768, so 16-bit sources round-trip exactly.
                int v = Float.isFinite(f) ? Math.max(-32768, Math.min(32767, Math.round(f * 32768f))) : 0;
                out.write(v);
                out.write(v >> 8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write analysis scratch file " + file, e);
        }
        written += count;
    }

    /** Appends 16-bit samples as stored in a lane's PCM chunk (little-endian). */
    void appendPcm16(byte[] pcm) {
        try {
            out.write(pcm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write analysis scratch file " + file, e);
        }
        written += pcm.length / 2;
    }

    /** Ends writing and maps the file for reading. */
    PcmScratchFile finishWriting() throws IOException {
        out.close();
        out = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, written * 2);
            samples = map.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        }
        return this;
    }

    /** Like {@link #finishWriting()}, but a no-op when already finished (several lanes may share a file). */
    PcmScratchFile finishWritingOnce() throws IOException {
        return out == null ? this : finishWriting();
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public long lengthSamples() {
        return written;
    }

    @Override
    public void read(long positionSamples, float[] destination, int offset, int count) {
        for (int i = 0; i < count; i++) {
            long p = positionSamples + i;
            destination[offset + i] = p < 0 || p >= written ? 0f : samples.get((int) p) / 32768f;
        }
    }

    /** One sample as a 16-bit value, 0 outside the lane. */
    short sampleAt(long position) {
        return position < 0 || position >= written ? 0 : samples.get((int) position);
    }
}
