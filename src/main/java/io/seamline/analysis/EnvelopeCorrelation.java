package io.seamline.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Very coarse placement of one source against another from their 10 ms energy envelopes, for when the
 * offset is unknown over minutes or hours and searching it sample by sample would cost too much.
 *
 * <p>Each source is read once, in blocks, and reduced to the RMS of every 10 ms frame (100 frames per
 * second, whatever the sample rate, so no resampling is needed). The mean-removed envelopes are then
 * correlated over every lag at once with one FFT, PHAT-weighted like {@link GccPhatCorrelation} so the
 * syllable rhythm of speech gives a narrow peak. The best few separated peaks are returned as candidate
 * offsets accurate to about one frame; {@link Aligner} then checks each with GCC-PHAT on the samples.
 */
final class EnvelopeCorrelation {

    /** Envelope frames per second: 10 ms frames. */
    static final int FRAMES_PER_SECOND = 100;
    /** Longest envelope handled, in frames: about 11.6 hours per source. */
    static final int MAX_FRAMES = 1 << 22;
    /** Candidates closer than this, in frames (0.5 s), are the same peak. */
    private static final int SEPARATION_FRAMES = 50;
    /** Samples read per block while computing an envelope. */
    private static final int BLOCK = 1 << 16;

    private EnvelopeCorrelation() {
    }

    /**
     * Candidate offsets of a source on the reference, best first, from both envelopes.
     *
     * @param ref                   envelope of the reference ({@link #envelope(CorrelationInput)}), or null
     * @param referenceSampleRateHz the reference's rate; offsets are in its samples
     * @param oth                   envelope of the other source, or null
     * @param fromSamples           smallest offset considered, reference samples
     * @param toSamples             largest offset considered, reference samples
     * @param count                 how many candidates at most
     * @return offsets in reference samples, best first; empty when either envelope is null
     */
    static long[] candidates(float[] ref, int referenceSampleRateHz, float[] oth, long fromSamples, long toSamples,
                             int count) {
        return candidates(ref, null, referenceSampleRateHz, oth, null, fromSamples, toSamples, count);
    }

    /**
     * {@link #candidates(float[], int, float[], long, long, int)} with the envelopes' spectra where the sources kept
     * them ({@link CorrelationInput#envelopeSpectrum}): the same arrays {@link #spectrum} gives, so the same result.
     *
     * @param refSpectrum gives the reference envelope's spectrum for an FFT size, or null; null for none
     * @param othSpectrum the same for the other source
     */
    static long[] candidates(float[] ref, IntFunction<float[]> refSpectrum, int referenceSampleRateHz, float[] oth,
            IntFunction<float[]> othSpectrum, long fromSamples, long toSamples, int count) {
        if (ref == null || oth == null) {
            return new long[0];
        }
        int size = fftSize(ref.length, oth.length);
        float[] keptRef = refSpectrum == null ? null : refSpectrum.apply(size);
        // The cross spectrum replaces the reference's spectrum in place, so a kept one is copied first.
        float[] a = keptRef != null ? keptRef.clone() : spectrum(ref, size);
        float[] b = othSpectrum == null ? null : othSpectrum.apply(size);
        if (b == null) {
            b = spectrum(oth, size);
        }
        GccPhatCorrelation.phatCrossSpectrum(a, b);
        CorrelationFft.forSize(size).inverse(a);

        double framesPerSample = FRAMES_PER_SECOND / (double) referenceSampleRateHz;
        long lagFrom = Math.max(-(oth.length - 1L), (long) Math.floor(fromSamples * framesPerSample));
        long lagTo = Math.min(ref.length - 1L, (long) Math.ceil(toSamples * framesPerSample));
        List<Long> picked = new ArrayList<>();
        for (int round = 0; round < count; round++) {
            long best = Long.MIN_VALUE;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (long lag = lagFrom; lag <= lagTo; lag++) {
                float v = a[(int) Math.floorMod(lag, size)];
                if (v > bestValue && farFrom(lag, picked)) {
                    bestValue = v;
                    best = lag;
                }
            }
            if (best == Long.MIN_VALUE) {
                break;
            }
            picked.add(best);
        }
        long[] offsets = new long[picked.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Math.round(picked.get(i) / framesPerSample);
        }
        return offsets;
    }

    /** FFT size that correlates envelopes of these lengths over every lag without wrapping around. */
    static int fftSize(long refFrames, long otherFrames) {
        long needed = refFrames + otherFrames;
        int size = Integer.highestOneBit((int) Math.max(4, needed));
        if (size < needed) {
            size <<= 1;
        }
        return size;
    }

    /** The forward transform ({@link CorrelationFft#forward}) of {@code envelope} zero-padded to {@code size}. */
    static float[] spectrum(float[] envelope, int size) {
        float[] a = new float[size];
        System.arraycopy(envelope, 0, a, 0, envelope.length);
        CorrelationFft.forSize(size).forward(a);
        return a;
    }

    private static boolean farFrom(long lag, List<Long> picked) {
        for (long p : picked) {
            if (Math.abs(lag - p) < SEPARATION_FRAMES) {
                return false;
            }
        }
        return true;
    }

    /**
     * Mean-removed RMS of every 10 ms frame of a source, read once in blocks.
     *
     * @return one value per frame, or null when the source is longer than {@link #MAX_FRAMES} frames,
     *         slower than 100 Hz, or flat
     */
    static float[] envelope(CorrelationInput input) {
        double samplesPerFrame = input.sampleRateHz() / (double) FRAMES_PER_SECOND;
        long frames = (long) Math.floor(input.lengthSamples() / samplesPerFrame);
        if (frames < 1 || frames > MAX_FRAMES || samplesPerFrame < 1) {
            return null;
        }
        float[] env = new float[(int) frames];
        float[] block = new float[BLOCK];
        int frame = 0;
        long frameEnd = Math.round(samplesPerFrame);
        long frameStart = 0;
        double sum = 0;
        long total = Math.round(frames * samplesPerFrame);
        for (long blockStart = 0; blockStart < total && frame < frames; blockStart += BLOCK) {
            int count = (int) Math.min(BLOCK, total - blockStart);
            input.read(blockStart, block, 0, count);
            for (int i = 0; i < count; i++) {
                float v = block[i];
                sum += v * (double) v;
                if (blockStart + i + 1 == frameEnd) {
                    env[frame] = (float) Math.sqrt(sum / Math.max(1, frameEnd - frameStart));
                    sum = 0;
                    frame++;
                    frameStart = frameEnd;
                    frameEnd = Math.round((frame + 1) * samplesPerFrame);
                    if (frame == frames) {
                        break;
                    }
                }
            }
        }
        return centred(env);
    }

    /** Removes the mean; null when nothing is left (a flat source) or the values are not finite. */
    private static float[] centred(float[] env) {
        int frames = env.length;
        double mean = 0;
        for (float v : env) {
            mean += v;
        }
        mean /= frames;
        double energy = 0;
        for (int k = 0; k < frames; k++) {
            env[k] -= (float) mean;
            energy += env[k] * (double) env[k];
        }
        return energy > 0 && Double.isFinite(energy) ? env : null;
    }

    /**
     * {@link #envelope(CorrelationInput)} of a source computed while it is streamed once, in order: fed the samples
     * exactly as the source will read them back (so a 16-bit scratch copy's values), it gives the same floats.
     */
    static final class Streamed {
        private final double samplesPerFrame;
        private final boolean sixteenBit;
        private float[] values = new float[4096];
        private int frames;
        private long position;
        private long frameStart;
        private long frameEnd;
        private double sum;

        /**
         * Starts the envelope of a source of {@code sampleRateHz}; {@code sixteenBit} when every sample is a 16-bit
         * value / 32768, whose squares sum exactly in double in any order (so four at a time, the same sums).
         */
        Streamed(int sampleRateHz, boolean sixteenBit) {
            this.samplesPerFrame = sampleRateHz / (double) FRAMES_PER_SECOND;
            this.frameEnd = Math.round(samplesPerFrame);
            this.sixteenBit = sixteenBit && samplesPerFrame <= 1 << 20;
        }

        /** Takes the next {@code count} samples. */
        void accept(float[] samples, int count) {
            if (samplesPerFrame < 1 || frames > MAX_FRAMES) {
                position += count;
                return;
            }
            int i = 0;
            while (i < count) {
                int n = (int) Math.min(count - i, frameEnd - (position + i));
                double s = sum;
                int k = i;
                if (sixteenBit) {
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (; k + 3 < i + n; k += 4) {
                        float v = samples[k];
                        float u = samples[k + 1];
                        float t = samples[k + 2];
                        float r = samples[k + 3];
                        s0 += v * (double) v;
                        s1 += u * (double) u;
                        s2 += t * (double) t;
                        s3 += r * (double) r;
                    }
                    s += (s0 + s1) + (s2 + s3);
                }
                for (; k < i + n; k++) {
                    float v = samples[k];
                    s += v * (double) v;
                }
                sum = s;
                i += n;
                if (position + i == frameEnd) {
                    if (frames == values.length) {
                        values = java.util.Arrays.copyOf(values, frames * 2);
                    }
                    values[frames++] = (float) Math.sqrt(sum / Math.max(1, frameEnd - frameStart));
                    sum = 0;
                    frameStart = frameEnd;
                    frameEnd = Math.round((frames + 1) * samplesPerFrame);
                }
            }
            position += count;
        }

        /**
         * Whether this envelope's frames are exactly hops of {@code hopSamples} from sample 0 whose squares of
         * 16-bit values sum exactly: then {@link #acceptFrameSum} with those hops' sums and {@link #skip} with the
         * samples give the same floats as {@link #accept}, without summing the squares a second time.
         */
        boolean framesAreHops(int hopSamples) {
            return sixteenBit && samplesPerFrame == hopSamples;
        }

        /** Takes the exact sum of squares of the next whole frame (see {@link #framesAreHops}). */
        void acceptFrameSum(double sumSquares) {
            if (frames > MAX_FRAMES) {
                return;
            }
            if (frames == values.length) {
                values = java.util.Arrays.copyOf(values, frames * 2);
            }
            values[frames++] = (float) Math.sqrt(sumSquares / Math.max(1, frameEnd - frameStart));
            frameStart = frameEnd;
            frameEnd = Math.round((frames + 1) * samplesPerFrame);
        }

        /** Counts {@code count} samples whose frames come through {@link #acceptFrameSum}. */
        void skip(int count) {
            position += count;
        }

        /** The envelope of everything accepted, as {@link #envelope(CorrelationInput)} gives it. */
        float[] finish() {
            long whole = (long) Math.floor(position / samplesPerFrame);
            if (whole < 1 || whole > MAX_FRAMES || samplesPerFrame < 1 || whole > frames) {
                return null;
            }
            return centred(java.util.Arrays.copyOf(values, (int) whole));
        }
    }
}
