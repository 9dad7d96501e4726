package io.seamline.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link WaveformPyramid} in one streamed pass: feed it as a {@link FrameSink} (for example through
 * {@link AudioReader#streamTo}) and call {@link #build()} at the end. Memory grows with the number of buckets
 * (6 bytes per bucket, lane and level: about 1.2% of
 * the size of 16-bit audio), never with the audio. NaN samples count as 0, infinities as ±1.
 */
public final class WaveformPyramidBuilder implements FrameSink {
    private final int sampleRateHz;
    private final int channelCount;
    private final int[] samplesPerBucket;
    private final Accumulator[] accumulators;
    private long totalFrames;
    private boolean built;

    /**
     * Creates a builder for the default levels (256 and 65 536 frames per bucket).
     *
     * @param sampleRateHz sample rate of the audio
     * @param channelCount number of lanes
     */
    public WaveformPyramidBuilder(int sampleRateHz, int channelCount) {
        this(sampleRateHz, channelCount, WaveformPyramid.DEFAULT_SAMPLES_PER_BUCKET.stream()
                .mapToInt(Integer::intValue).toArray());
    }

    /**
     * Creates a builder for the default levels that, when {@code sixteenBit}, takes every sample to be a 16-bit
     * value / 32768 (16-bit, 8-bit, µ-law or A-law sources): such samples are finite and inside [-1, 1), and their
     * squares are multiples of 2^-30 whose sums over a bucket are exact in double, so a bucket's sum of squares is
     * added two samples at a time. The pyramid is the same as from {@link #WaveformPyramidBuilder(int, int)}.
     *
     * @param sampleRateHz sample rate of the audio
     * @param channelCount number of lanes
     * @param sixteenBit whether every sample is a 16-bit value / 32768
     */
    public static WaveformPyramidBuilder ofSixteenBitSamples(int sampleRateHz, int channelCount, boolean sixteenBit) {
        WaveformPyramidBuilder builder = new WaveformPyramidBuilder(sampleRateHz, channelCount);
        // Exact while a finest bucket holds at most 2^23 samples (30 + 23 bits in a double's 53).
        builder.accumulators[0].sixteenBit = sixteenBit && builder.samplesPerBucket[0] <= 1 << 23;
        return builder;
    }

    /**
     * Creates a builder for the given levels.
     *
     * @param sampleRateHz sample rate of the audio
     * @param channelCount number of lanes (at least 1)
     * @param samplesPerBucket bucket sizes, strictly increasing, each at least 1
     */
    public WaveformPyramidBuilder(int sampleRateHz, int channelCount, int... samplesPerBucket) {
        if (channelCount < 1 || samplesPerBucket.length == 0) {
            throw new IllegalArgumentException("need at least one lane and one level");
        }
        for (int i = 0; i < samplesPerBucket.length; i++) {
            if (samplesPerBucket[i] < 1 || (i > 0 && samplesPerBucket[i] <= samplesPerBucket[i - 1])) {
                throw new IllegalArgumentException("bucket sizes must be positive and increasing: "
                        + Arrays.toString(samplesPerBucket));
            }
        }
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.samplesPerBucket = samplesPerBucket.clone();
        this.accumulators = new Accumulator[samplesPerBucket.length];
        for (int i = 0; i < samplesPerBucket.length; i++) {
            accumulators[i] = new Accumulator(samplesPerBucket[i], channelCount);
            // A level whose buckets are whole multiples of the finer level's is built from that level's
            // bucket statistics (min of mins, max of maxes, sum of squares): the same values, one pass.
            if (i > 0 && samplesPerBucket[i] % samplesPerBucket[i - 1] == 0) {
                accumulators[i - 1].coarser = accumulators[i];
            }
        }
    }

    @Override
    public void accept(float[][] lanes, int frames) {
        for (int i = 0; i < accumulators.length; i++) {
            if (i == 0 || accumulators[i - 1].coarser != accumulators[i]) {
                accumulators[i].accept(lanes, frames);
            }
        }
        totalFrames += frames;
    }

    /**
     * Takes the next block of a one-lane builder made by {@link #ofSixteenBitSamples} for 16-bit samples, with its
     * {@link SampleUnits} already measured: buckets are made of whole units where they can be, so the samples are
     * not gone over again. The pyramid is the same as from {@link #accept}.
     *
     * @param lane the samples, 16-bit values / 32768
     * @param units the units of {@code lane[0..frames)}
     * @param frames samples in the block
     */
    public void acceptUnits(float[] lane, SampleUnits units, int frames) {
        if (channelCount != 1 || !accumulators[0].sixteenBit) {
            accept(new float[][] {lane}, frames);
            return;
        }
        accumulators[0].acceptUnits(lane, units, frames);
        for (int i = 1; i < accumulators.length; i++) {
            if (accumulators[i - 1].coarser != accumulators[i]) {
                accumulators[i].accept(new float[][] {lane}, frames);
            }
        }
        totalFrames += frames;
    }

    /**
     * Returns the pyramid of everything accepted (a partial last bucket included). Call once, after the last block.
     *
     * @throws IllegalStateException if called twice
     */
    public WaveformPyramid build() {
        if (built) {
            throw new IllegalStateException("pyramid already built");
        }
        built = true;
        List<WaveformLevel> levels = new ArrayList<>();
        for (Accumulator a : accumulators) {
            levels.add(a.level());
        }
        return new WaveformPyramid(sampleRateHz, channelCount, totalFrames, levels);
    }

    private static final class Accumulator {
        private final int spb;
        private final int channels;
        private final float[] lo;
        private final float[] hi;
        private final double[] sumSquares;
        private int filled;
        private final ShortChunks min = new ShortChunks();
        private final ShortChunks max = new ShortChunks();
        private final ShortChunks rms = new ShortChunks();
        private int buckets;
        private Accumulator coarser;
        private boolean sixteenBit;

        Accumulator(int spb, int channels) {
            this.spb = spb;
            this.channels = channels;
            this.lo = new float[channels];
            this.hi = new float[channels];
            this.sumSquares = new double[channels];
            reset();
        }

        private void reset() {
            Arrays.fill(lo, Float.POSITIVE_INFINITY);
            Arrays.fill(hi, Float.NEGATIVE_INFINITY);
            Arrays.fill(sumSquares, 0);
            filled = 0;
        }

        void accept(float[][] lanes, int frames) {
            int f = 0;
            while (f < frames) {
                int n = Math.min(frames - f, spb - filled);
                for (int c = 0; c < channels; c++) {
                    float[] lane = lanes[c];
                    float l = lo[c];
                    float h = hi[c];
                    double s = sumSquares[c];
                    int i = f;
                    if (sixteenBit) {
                        // 16-bit values / 32768 are never NaN or -0, so min and max do not depend on the order
                        // and Math.min and Math.max (no branches to mispredict on a new extreme) give the plain
                        // comparisons; their squares sum exactly in any order, so in four chains side by side.
                        float l0 = l;
                        float h0 = h;
                        for (int j = i; j < f + n; j++) {
                            float x = lane[j];
                            l0 = Math.min(l0, x);
                            h0 = Math.max(h0, x);
                        }
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        double s3 = 0;
                        for (; i + 3 < f + n; i += 4) {
                            float x = lane[i];
                            float y = lane[i + 1];
                            float z = lane[i + 2];
                            float w = lane[i + 3];
                            s0 += (double) x * x;
                            s1 += (double) y * y;
                            s2 += (double) z * z;
                            s3 += (double) w * w;
                        }
                        l = l0;
                        h = h0;
                        s += (s0 + s1) + (s2 + s3);
                    }
                    for (; i < f + n; i++) {
                        float x = lane[i];
                        if (x != x) {
                            x = 0f;
                        } else if (x > 1f) {
                            x = 1f;
                        } else if (x < -1f) {
                            x = -1f;
                        }
                        if (x < l) {
                            l = x;
                        }
                        if (x > h) {
                            h = x;
                        }
                        s += (double) x * x;
                    }
                    lo[c] = l;
                    hi[c] = h;
                    sumSquares[c] = s;
                }
                filled += n;
                f += n;
                if (filled == spb) {
                    flush();
                }
            }
        }

        /** {@link #accept} for one lane of 16-bit samples whose whole units are measured. */
        void acceptUnits(float[] lane, SampleUnits units, int frames) {
            int f = 0;
            while (f < frames) {
                int n = Math.min(frames - f, spb - filled);
                int end = f + n;
                float l = lo[0];
                float h = hi[0];
                double s = sumSquares[0];
                int i = f;
                int firstUnit = (i + SampleUnits.UNIT - 1) / SampleUnits.UNIT;
                int endUnit = end / SampleUnits.UNIT;
                if (firstUnit < endUnit) {
                    for (; i < firstUnit * SampleUnits.UNIT; i++) {
                        float x = lane[i];
                        l = Math.min(l, x);
                        h = Math.max(h, x);
                        s += (double) x * x;
                    }
                    for (int u = firstUnit; u < endUnit; u++) {
                        l = Math.min(l, units.min(u));
                        h = Math.max(h, units.max(u));
                        s += units.sumSquares(u);
                    }
                    i = endUnit * SampleUnits.UNIT;
                }
                for (; i < end; i++) {
                    float x = lane[i];
                    l = Math.min(l, x);
                    h = Math.max(h, x);
                    s += (double) x * x;
                }
                lo[0] = l;
                hi[0] = h;
                sumSquares[0] = s;
                filled += n;
                f = end;
                if (filled == spb) {
                    flush();
                }
            }
        }

        /** Takes one finished bucket of the finer level that feeds this one. */
        void acceptBucket(float[] bucketLo, float[] bucketHi, double[] bucketSumSquares, int frames) {
            for (int c = 0; c < channels; c++) {
                lo[c] = Math.min(lo[c], bucketLo[c]);
                hi[c] = Math.max(hi[c], bucketHi[c]);
                sumSquares[c] += bucketSumSquares[c];
            }
            filled += frames;
            if (filled == spb) {
                flush();
            }
        }

        private void flush() {
            for (int c = 0; c < channels; c++) {
                min.add(scale(lo[c]));
                max.add(scale(hi[c]));
                rms.add(scale((float) Math.sqrt(sumSquares[c] / filled)));
            }
            if (coarser != null) {
                coarser.acceptBucket(lo, hi, sumSquares, filled);
            }
            buckets++;
            reset();
        }

        /** Closes the partial last bucket, if any; call once, at the end of the stream. */
        WaveformLevel level() {
            if (filled > 0) {
                flush();
            }
            return new WaveformLevel(spb, channels, buckets, min, max, rms);
        }

        static short scale(float x) {
            return (short) Math.round(Math.max(-1f, Math.min(1f, x)) * 32767f);
        }
    }
}
