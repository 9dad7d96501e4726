package io.seamline.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One mono lane as signed 16-bit little-endian samples in a scratch file beside the analysis, written
 * once in a streamed pass and then read as a {@link CorrelationInput} through a memory map, so that
 * aligning a two-hour lane needs no two-hour array on the heap. A mono 16-bit WAV file already holds its
 * lane in exactly this form, so {@link #ofWavData} maps its {@code data} chunk instead of writing a copy, and
 * {@link #ofVaultedWavData} reads it where it lies in the case's evidence vault.
 */
final class PcmScratchFile implements CorrelationInput {
    private static final int WRITE_BYTES = 1 << 16;
    private final Path file;
    private final int sampleRateHz;
    private FileChannel out;
    private ByteBuffer pending;
    private long written;
    private ShortBuffer samples;
    private float[] envelope;
    private boolean envelopeKnown;
    /** Largest envelope spectrum kept, in floats (8 MB): a two-hour lane against a reference as long. */
    static final int MAX_KEPT_SPECTRUM = 1 << 21;
    /** The spectrum of {@link #envelope} at {@link #spectrumSize}, computed ahead on a spare thread; null for none. */
    private volatile java.util.concurrent.FutureTask<java.lang.ref.SoftReference<float[]>> spectrum;
    private volatile int spectrumSize;
    /** The vaulted original holding the samples instead of {@link #samples}; reads hold this object's monitor. */
    private VaultEvidenceReader vault;
    private long vaultOffsetBytes;
    private byte[] vaultBytes = new byte[0];

    PcmScratchFile(Path file, int sampleRateHz) throws IOException {
        this.file = file;
        this.sampleRateHz = sampleRateHz;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.pending = ByteBuffer.allocate(WRITE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    private PcmScratchFile(Path file, int sampleRateHz, long lengthSamples, ShortBuffer samples) {
        this.file = file;
        this.sampleRateHz = sampleRateHz;
        this.written = lengthSamples;
        this.samples = samples;
    }

    /**
     * Maps {@code lengthSamples} mono signed 16-bit little-endian samples starting at byte {@code offsetBytes} of
     * {@code file} (a WAV {@code data} chunk) as a finished scratch file, without copying them.
     *
     * @throws IOException if the file cannot be mapped or is shorter than the samples
     */
    static PcmScratchFile ofWavData(Path file, long offsetBytes, long lengthSamples, int sampleRateHz)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offsetBytes + lengthSamples * 2 > channel.size()) {
                throw new IOException(file + ": " + lengthSamples + " samples from byte " + offsetBytes
                        + " run past the end of the file (" + channel.size() + " bytes)");
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offsetBytes, lengthSamples * 2);
            return new PcmScratchFile(file, sampleRateHz, lengthSamples,
                    map.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer());
        }
    }

    /**
     * Reads {@code lengthSamples} mono signed 16-bit little-endian samples starting at byte {@code offsetBytes} of a
     * vaulted original (a WAV {@code data} chunk) where they lie, a few at a time, as a finished scratch file.
     *
     * @param vault the original, owned by the result from now on
     * @throws IOException if the original is shorter than the samples
     */
    static PcmScratchFile ofVaultedWavData(VaultEvidenceReader vault, long offsetBytes, long lengthSamples,
            int sampleRateHz) throws IOException {
        if (offsetBytes + lengthSamples * 2 > vault.size()) {
            throw new IOException(lengthSamples + " samples from byte " + offsetBytes
                    + " run past the end of the vaulted original (" + vault.size() + " bytes)");
        }
        PcmScratchFile out = new PcmScratchFile(null, sampleRateHz, lengthSamples, null);
        out.vault = vault;
        out.vaultOffsetBytes = offsetBytes;
        return out;
    }

    /**
     * The 16-bit value {@link #append} stores for a sample in [-1, 1]: value * 32768 rounded and clamped, 0 if the
     * value is not finite.
     */
    static short quantize(float f) {
        // The inverse of read(): 16-bit value / 32768, so 16-bit sources round-trip exactly.
        return (short) (Float.isFinite(f) ? Math.max(-32768, Math.min(32767, Math.round(f * 32768f))) : 0);
    }

    /** Appends samples in [-1, 1], clamped to 16 bits. */
    void append(float[] block, int count) {
        for (int i = 0; i < count; i++) {
            if (!pending.hasRemaining()) {
                flush();
            }
            pending.putShort(quantize(block[i]));
        }
        written += count;
    }

    /** Appends 16-bit samples as stored in a lane's PCM chunk (little-endian). */
    void appendPcm16(byte[] pcm) {
        flush();
        write(ByteBuffer.wrap(pcm));
        written += pcm.length / 2;
    }

    private void flush() {
        pending.flip();
        write(pending);
        pending.clear();
    }

    private void write(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write analysis scratch file " + file, e);
        }
    }

    /** Ends writing and maps the file for reading. */
    PcmScratchFile finishWriting() throws IOException {
        flush();
        out.close();
        out = null;
        pending = null;
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

    /**
     * Keeps the lane's energy envelope, computed while the lane was streamed, for {@link #energyEnvelope()}.
     *
     * @param envelope what {@link EnvelopeCorrelation#envelope} gives for this lane (null for none)
     */
    synchronized PcmScratchFile withEnvelope(float[] envelope) {
        this.envelope = envelope;
        this.envelopeKnown = true;
        return this;
    }

    /**
     * Starts computing the spectrum of this lane's envelope on {@code executor}, at the FFT size that correlates it
     * with a reference as long as itself ({@link EnvelopeCorrelation#fftSize}), so alignment finds it ready; a no-op
     * without an envelope or when that size is over {@link #MAX_KEPT_SPECTRUM}. The spectrum is kept softly.
     */
    void prepareEnvelopeSpectrum(java.util.concurrent.Executor executor) {
        float[] env;
        synchronized (this) {
            env = envelopeKnown ? envelope : null;
        }
        if (env == null || EnvelopeCorrelation.fftSize(env.length, env.length) > MAX_KEPT_SPECTRUM) {
            return;
        }
        int size = EnvelopeCorrelation.fftSize(env.length, env.length);
        java.util.concurrent.FutureTask<java.lang.ref.SoftReference<float[]>> task = new java.util.concurrent.FutureTask<>(
                () -> new java.lang.ref.SoftReference<>(EnvelopeCorrelation.spectrum(env, size)));
        spectrumSize = size;
        spectrum = task;
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Nobody will run it ahead: envelopeSpectrum runs it when it is asked for.
        }
    }

    /**
     * The envelope spectrum {@link #prepareEnvelopeSpectrum} started, if it has this size: waited for when it is being
     * computed, computed here when it never started, null when it failed or was cleared to free memory.
     */
    @Override
    public float[] envelopeSpectrum(int fftSize) {
        java.util.concurrent.FutureTask<java.lang.ref.SoftReference<float[]>> task = spectrum;
        if (task == null || spectrumSize != fftSize) {
            return null;
        }
        task.run();
        try {
            return task.get().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    /** Synchronized: lanes are aligned on several threads against one reference. */
    @Override
    public synchronized float[] energyEnvelope() {
        if (!envelopeKnown) {
            envelope = EnvelopeCorrelation.envelope(this);
            envelopeKnown = true;
        }
        return envelope;
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
        long from = Math.max(0, Math.min(written, positionSamples));
        long to = Math.max(from, Math.min(written, positionSamples + count));
        int before = (int) (from - positionSamples);
        java.util.Arrays.fill(destination, offset, offset + before, 0f);
        int at = offset + before;
        if (vault != null) {
            at = readVaulted(from, to, destination, at);
        } else {
            for (long p = from; p < to; p++) {
                destination[at++] = samples.get((int) p) / 32768f;
            }
        }
        java.util.Arrays.fill(destination, at, offset + count, 0f);
    }

    /**
     * Samples {@code [from, to)} of a vaulted lane as value / 32768 into {@code destination[at..]}; returns the index
     * after the last. Synchronized: the reference lane is read by every lane's aligner at once.
     */
    private synchronized int readVaulted(long from, long to, float[] destination, int at) {
        int step = 1 << 16;
        for (long p = from; p < to; p += step) {
            int n = (int) Math.min(step, to - p);
            byte[] bytes = vaultSamples(p, n);
            for (int i = 0; i < n; i++) {
                destination[at++] = (short) ((bytes[2 * i] & 0xff) | bytes[2 * i + 1] << 8) / 32768f;
            }
        }
        return at;
    }

    /** The bytes of {@code count} vaulted samples from {@code position} (within the lane), in a reused array. */
    private byte[] vaultSamples(long position, int count) {
        if (vaultBytes.length < 2 * count) {
            vaultBytes = new byte[2 * count];
        }
        try {
            vault.readAt(vaultOffsetBytes + 2 * position, vaultBytes, 0, 2 * count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vaulted samples of a lane", e);
        }
        return vaultBytes;
    }
}
