package io.seamline.analysis;

import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Summarises one lane of 16-bit samples into the Seamline waveform format, version 1 (the layout
 * {@link WaveformPyramidWriter} documents), in integer arithmetic while the lane is decoded.
 *
 * <p>The bytes are identical to those of {@code WaveformPyramidBuilder} plus {@code WaveformPyramidWriter}
 * fed the same samples as {@code s / 32768f}: minimum and maximum are the same samples, and the sum of
 * squares of samples {@code s / 2^15} is {@code sum(s^2) / 2^30}, which a double holds exactly for
 * buckets of up to 2^23 samples, so the RMS is computed from the same double.
 */
final class LanePyramidWriter {
    /** The square of 16-bit full scale, (2^15)^2: a squared sample over this is the square of {@code s / 32768}. */
    private static final double SQUARE_SCALE = 1L << 30;

    private final int sampleRateHz;
    private final Level[] levels;
    private long totalFrames;

    /** A writer for the default levels ({@link WaveformPyramid#DEFAULT_SAMPLES_PER_BUCKET}). */
    LanePyramidWriter(int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        int[] sizes = WaveformPyramid.DEFAULT_SAMPLES_PER_BUCKET.stream().mapToInt(Integer::intValue).toArray();
        levels = new Level[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            levels[i] = new Level(sizes[i]);
            if (i > 0) {
                if (sizes[i] % sizes[i - 1] != 0 || sizes[i] > 1 << 23) {
                    throw new IllegalStateException("pyramid levels " + Arrays.toString(sizes)
                            + " are not whole multiples of each other");
                }
                levels[i - 1].coarser = levels[i];
            }
        }
    }

    /** Adds {@code count} samples from {@code samples[offset]} on. */
    void accept(short[] samples, int offset, int count) {
        Level fine = levels[0];
        int i = offset;
        int end = offset + count;
        while (i < end) {
            int n = Math.min(end - i, fine.samplesPerBucket - fine.filled);
            int lo = fine.lo;
            int hi = fine.hi;
            long sum = fine.sumSquares;
            for (int k = i; k < i + n; k++) {
                int v = samples[k];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                sum += v * v;
            }
            fine.lo = lo;
            fine.hi = hi;
            fine.sumSquares = sum;
            fine.filled += n;
            i += n;
            if (fine.filled == fine.samplesPerBucket) {
                fine.flush();
            }
        }
        totalFrames += count;
    }

    /** Codes summed at a time: 256 offset samples of up to 0xFFFF stay below the squares' bit 24. */
    private static final int CODES_PER_SUM = 256;

    /**
     * The table {@link #acceptCodes} reads: for each of the 256 one-byte codes, its 16-bit sample {@code s}
     * (from {@code linear}, e.g. a G.711 expansion, ITU-T G.711 §2-3) packed as {@code s * s << 24 | (s + 32768)},
     * so one look-up gives both the sample and its square.
     */
    static long[] codeTable(short[] linear) {
        long[] table = new long[256];
        for (int c = 0; c < 256; c++) {
            int s = linear[c];
            table[c] = ((long) (s * s) << 24) | (s + 32768);
        }
        return table;
    }

    /**
     * Adds {@code count} one-byte codes from {@code codes[offset]} on, each standing for the sample its
     * {@link #codeTable} entry holds, without decoding them first: the same buckets as {@link #accept} over
     * the decoded samples.
     */
    void acceptCodes(byte[] codes, int offset, int count, long[] table) {
        Level fine = levels[0];
        int i = offset;
        int end = offset + count;
        while (i < end) {
            int n = Math.min(Math.min(end - i, fine.samplesPerBucket - fine.filled), CODES_PER_SUM);
            // Offset samples (s + 32768) for this stretch; n >= 1, so both end up real samples.
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            long packed = 0;
            for (int k = i; k < i + n; k++) {
                long e = table[codes[k] & 0xFF];
                int v = (int) (e & 0xFFFFFF);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                packed += e;
            }
            fine.lo = Math.min(fine.lo, lo - 32768);
            fine.hi = Math.max(fine.hi, hi - 32768);
            fine.sumSquares += packed >>> 24;
            fine.filled += n;
            i += n;
            if (fine.filled == fine.samplesPerBucket) {
                fine.flush();
            }
        }
        totalFrames += count;
    }

    /** Adds {@code count} samples of value 0 (a hole: no packet covered them). */
    void acceptSilence(long count) {
        Level fine = levels[0];
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, fine.samplesPerBucket - fine.filled);
            fine.lo = Math.min(fine.lo, 0);
            fine.hi = Math.max(fine.hi, 0);
            fine.filled += n;
            left -= n;
            if (fine.filled == fine.samplesPerBucket) {
                fine.flush();
            }
        }
        totalFrames += count;
    }

    /** Closes the partial last buckets and returns the whole pyramid in the waveform format (little-endian). */
    byte[] finish() {
        for (Level level : levels) {
            if (level.filled > 0) {
                level.flush();
            }
        }
        int size = 32 + 12 * levels.length;
        for (Level level : levels) {
            size += level.size;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(WaveformPyramidWriter.MAGIC).putInt(WaveformPyramidWriter.VERSION).putInt(0).putInt(sampleRateHz)
                .putInt(1).putLong(totalFrames).putInt(levels.length);
        for (Level level : levels) {
            out.putInt(level.samplesPerBucket).putLong(level.buckets);
        }
        for (Level level : levels) {
            out.put(level.bytes, 0, level.size);
        }
        return out.array();
    }

    /** The waveform format's scaling of a sample {@code s / 32768} to {@code round(x * 32767)}. */
    private static short scale(float x) {
        return (short) Math.round(Math.max(-1f, Math.min(1f, x)) * 32767f);
    }

    private static final class Level {
        final int samplesPerBucket;
        Level coarser;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        long sumSquares;
        int filled;
        long buckets;
        byte[] bytes = new byte[6 * 64];
        int size;

        Level(int samplesPerBucket) {
            this.samplesPerBucket = samplesPerBucket;
        }

        void flush() {
            if (size + 6 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            put(scale(lo / 32768f));
            put(scale(hi / 32768f));
            put(scale((float) Math.sqrt(sumSquares / SQUARE_SCALE / filled)));
            if (coarser != null) {
                coarser.lo = Math.min(coarser.lo, lo);
                coarser.hi = Math.max(coarser.hi, hi);
                coarser.sumSquares += sumSquares;
                coarser.filled += filled;
                if (coarser.filled == coarser.samplesPerBucket) {
                    coarser.flush();
                }
            }
            buckets++;
            lo = Integer.MAX_VALUE;
            hi = Integer.MIN_VALUE;
            sumSquares = 0;
            filled = 0;
        }

        private void put(short v) {
            bytes[size++] = (byte) v;
            bytes[size++] = (byte) (v >> 8);
        }
    }
}
