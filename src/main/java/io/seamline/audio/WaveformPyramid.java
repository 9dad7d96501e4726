package io.seamline.audio;

import java.util.List;

/**
 * Min/max/RMS summaries of every lane of one audio stream at several bucket sizes (256 and 65 536 frames by
 * default, as Audacity keeps), answering drawing queries without touching the audio.
 */
public final class WaveformPyramid {
    /** Bucket sizes built by default, finest first. */
    public static final List<Integer> DEFAULT_SAMPLES_PER_BUCKET = List.of(256, 65_536);

    /** Most columns one query may ask for. */
    public static final int MAX_PIXELS = 1 << 20;

    private final int sampleRateHz;
    private final int channelCount;
    private final long totalFrames;
    private final List<WaveformLevel> levels;

    WaveformPyramid(int sampleRateHz, int channelCount, long totalFrames, List<WaveformLevel> levels) {
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.totalFrames = totalFrames;
        this.levels = List.copyOf(levels);
    }

    /** Returns the sample rate of the summarised audio in Hz. */
    public int sampleRateHz() {
        return sampleRateHz;
    }

    /** Returns the number of lanes. */
    public int channelCount() {
        return channelCount;
    }

    /** Returns the number of frames summarised. */
    public long totalFrames() {
        return totalFrames;
    }

    /** Returns the levels, finest (fewest samples per bucket) first. */
    public List<WaveformLevel> levels() {
        return levels;
    }

    /**
     * Summarises frames {@code [startSample, endSample)} into about {@code pixels} columns from the stored levels.
     * Picks the coarsest level whose bucket is no wider than a column, so the coarse level is rescaled whenever it
     * suffices; columns narrower than the finest bucket repeat that bucket.
     *
     * @param startSample first frame, inclusive
     * @param endSample last frame, exclusive (greater than {@code startSample})
     * @param pixels number of columns (at least 1)
     * @return per column and lane: min, max and RMS in [-1, 1]
     * @throws IllegalArgumentException if the range is empty or negative, or {@code pixels} is not in 1..{@link #MAX_PIXELS}
     */
    public WaveformSpan summarize(long startSample, long endSample, int pixels) {
        if (endSample <= startSample || pixels < 1 || pixels > MAX_PIXELS || startSample < 0) {
            throw new IllegalArgumentException("query [" + startSample + ", " + endSample + ") at " + pixels
                    + " pixels");
        }
        double perPixel = (double) (endSample - startSample) / pixels;
        WaveformLevel level = levels.get(0);
        for (WaveformLevel l : levels) {
            if (l.samplesPerBucket() <= perPixel) {
                level = l;
            }
        }
        int spb = level.samplesPerBucket();
        float[] mins = new float[pixels * channelCount];
        float[] maxs = new float[pixels * channelCount];
        float[] rmss = new float[pixels * channelCount];
        for (int p = 0; p < pixels; p++) {
            long a = startSample + (long) Math.floor(p * perPixel);
            long b = Math.max(a + 1, startSample + (long) Math.floor((p + 1) * perPixel));
            long firstBucket = a / spb;
            long lastBucket = Math.min((b - 1) / spb, level.bucketCount() - 1L);
            for (int lane = 0; lane < channelCount; lane++) {
                int at = p * channelCount + lane;
                if (firstBucket > lastBucket || a >= totalFrames) {
                    mins[at] = Float.NaN;
                    maxs[at] = Float.NaN;
                    rmss[at] = Float.NaN;
                    continue;
                }
                int lo = Short.MAX_VALUE;
                int hi = Short.MIN_VALUE;
                double energy = 0;
                double frames = 0;
                for (long k = firstBucket; k <= lastBucket; k++) {
                    int bucket = (int) k;
                    lo = Math.min(lo, level.min(bucket, lane));
                    hi = Math.max(hi, level.max(bucket, lane));
                    long bucketFrames = Math.min(spb, totalFrames - k * spb);
                    double r = level.rms(bucket, lane) / 32767.0;
                    energy += r * r * bucketFrames;
                    frames += bucketFrames;
                }
                mins[at] = lo / 32767f;
                maxs[at] = hi / 32767f;
                rmss[at] = (float) Math.sqrt(energy / frames);
            }
        }
        return new WaveformSpan(startSample, endSample, pixels, channelCount, spb, mins, maxs, rmss);
    }
}
